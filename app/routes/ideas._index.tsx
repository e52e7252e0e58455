import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { parseRecordId } from "../domain/record-id";
import { FilterSelect } from "../components/forms";
import { IdeaCard } from "../components/idea-card";
import { decodeIdeaCursor, isIdeaSort, IDEA_SORTS, type IdeaSort } from "../domain/idea-cursor";
import { IDEA_STAGES, isIdeaStage } from "../domain/idea-stages";
import { fiscalYearRange } from "../domain/fiscal-year";
import { resolveLocale } from "../i18n/locale.server";
import { ideasMessages } from "../i18n/catalogue/ideas";
import { ideasListMessages } from "../i18n/catalogue/ideas-list";
import { useI18n } from "../i18n/use-i18n";
import { listIdeas, type IdeaListFilters } from "../models/ideas.server";
import { listDivisions } from "../models/people.server";
import { getPlanTree } from "../models/plan.server";
import { getAppSettings } from "../models/settings.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [ideasListMessages], "ideas.list.title");

const PAGE_SIZE = 20;

/** An id or year from the address; anything else (junk, "1e96", out of integer range) is no filter. */
function positiveInt(value: string | null): number | undefined {
  return parseRecordId(value) ?? undefined;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = resolveLocale(request, user.locale);
  const url = new URL(request.url);
  const params = url.searchParams;
  const sortParam = params.get("sort");
  const sort: IdeaSort = isIdeaSort(sortParam) ? sortParam : "newest";
  const stageParam = params.get("stage");
  const filters: IdeaListFilters = {
    search: (params.get("q") ?? "").slice(0, 200),
    stage: isIdeaStage(stageParam) ? stageParam : undefined,
    planId: positiveInt(params.get("plan")),
    divisionId: positiveInt(params.get("division")),
    fiscalYear: positiveInt(params.get("fy")),
    authorPersonId: params.get("mine") === "1" ? user.personId : undefined,
  };
  const database = db();
  const settings = await getAppSettings(database);
  const [page, tree, divisions] = await Promise.all([
    listIdeas(database, {
      filters,
      sort,
      cursor: decodeIdeaCursor(params.get("after"), sort),
      limit: PAGE_SIZE,
      timeZone: settings.fiscalCalendar.timeZone,
    }),
    getPlanTree(database),
    listDivisions(database),
  ]);
  const name = (item: { nameTh: string; nameEn: string }) => (locale === "en" && item.nameEn) || item.nameTh;
  const nextParams = new URLSearchParams(params);
  if (page.nextCursor) nextParams.set("after", page.nextCursor);
  const firstParams = new URLSearchParams(params);
  firstParams.delete("after");
  return json({
    ideas: page.rows,
    nextHref: page.nextCursor ? `?${nextParams}` : null,
    firstHref: params.has("after") ? `?${firstParams}` : null,
    query: {
      q: filters.search ?? "",
      stage: filters.stage ?? "",
      plan: filters.planId ? String(filters.planId) : "",
      division: filters.divisionId ? String(filters.divisionId) : "",
      fy: filters.fiscalYear ? String(filters.fiscalYear) : "",
      mine: filters.authorPersonId !== undefined,
      sort,
    },
    plans: tree.flatMap((strategy) => strategy.plans.map((plan) => ({ id: plan.id, label: `${plan.code} ${name(plan)}` }))),
    divisions: divisions.map((division) => ({ id: division.id, name: name(division) })),
    fiscalYears: fiscalYearRange(settings.planPeriod.firstFiscalYearBE, settings.planPeriod.lastFiscalYearBE).reverse(),
  });
}

export default function IdeasPage() {
  const { ideas, nextHref, firstHref, query, plans, divisions, fiscalYears } = useLoaderData<typeof loader>();
  const { t, fiscalYear } = useI18n(ideasMessages, ideasListMessages);
  return (
    <>
      <div className="actions">
        <h1>{t("ideas.list.title")}</h1>
        <Link to="/ideas/new" className="button">
          {t("nav.newIdea")}
        </Link>
      </div>
      <Form method="get" className="card" role="search">
        <div className="filters">
          <div className="field">
            <label htmlFor="q">{t("ideas.list.search")}</label>
            <input id="q" name="q" type="search" defaultValue={query.q} placeholder={t("ideas.list.searchHint")} />
          </div>
          <FilterSelect id="stage" name="stage" label={t("ideas.list.stage")} value={query.stage} anyLabel={t("ideas.list.any")} options={IDEA_STAGES.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))} />
          <FilterSelect id="plan" name="plan" label={t("ideas.list.plan")} value={query.plan} anyLabel={t("ideas.list.any")} options={plans.map((plan) => ({ value: plan.id, label: plan.label }))} />
          <FilterSelect id="division" name="division" label={t("ideas.list.division")} value={query.division} anyLabel={t("ideas.list.any")} options={divisions.map((division) => ({ value: division.id, label: division.name }))} />
          <FilterSelect id="fy" name="fy" label={t("ideas.list.fiscalYear")} value={query.fy} anyLabel={t("ideas.list.any")} options={fiscalYears.map((year) => ({ value: year, label: fiscalYear(year) }))} />
          <FilterSelect id="sort" name="sort" label={t("ideas.list.sort")} value={query.sort} options={IDEA_SORTS.map((sort) => ({ value: sort, label: t(`ideas.list.sort.${sort}`) }))} />
          <label className="checkbox">
            <input type="checkbox" name="mine" value="1" defaultChecked={query.mine} /> {t("ideas.list.mine")}
          </label>
        </div>
        <div className="actions">
          <button type="submit">{t("ideas.list.apply")}</button>
          <Link to="/ideas">{t("ideas.list.clear")}</Link>
        </div>
      </Form>
      {ideas.length === 0 ? (
        <p className="card">{t("ideas.list.empty")}</p>
      ) : (
        <ol className="plan-tree" aria-label={t("ideas.list.title")}>
          {ideas.map((idea) => (
            <li key={idea.id}>
              <IdeaCard idea={idea} />
            </li>
          ))}
        </ol>
      )}
      <nav className="pager" aria-label={t("ideas.list.title")}>
        {firstHref ? <Link to={firstHref}>{t("ideas.list.first")}</Link> : null}
        {nextHref ? <Link to={nextHref}>{t("ideas.list.next")}</Link> : null}
      </nav>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
