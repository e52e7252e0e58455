import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { requireRole } from "../auth/current-user.server";
import { BoardFilters, BoardViewSwitch } from "../components/board-filters";
import { RouteErrorBoundary } from "../components/error-boundary";
import { StageBadge } from "../components/stage-badge";
import { parseRecordId } from "../domain/record-id";
import { formatNumber } from "../i18n/format";
import { resolveLocale } from "../i18n/locale.server";
import { pipelineMessages } from "../i18n/catalogue/pipeline";
import { pipelineBoardMessages } from "../i18n/catalogue/pipeline-board";
import { useI18n } from "../i18n/use-i18n";
import { filterQuery, listBoardIdeas, loadBoardFilterOptions, parseBoardFilters } from "../models/board.server";
import { getAppSettings } from "../models/settings.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [pipelineBoardMessages], "pipeline.list.title", "nav.committee");

const PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "committee");
  const locale = resolveLocale(request, user.locale);
  const url = new URL(request.url);
  const filters = parseBoardFilters(url.searchParams, { withStage: true });
  const beforeId = parseRecordId(url.searchParams.get("before")) ?? undefined;
  const database = db();
  const settings = await getAppSettings(database);
  const [page, options] = await Promise.all([
    listBoardIdeas(database, { filters, timeZone: settings.fiscalCalendar.timeZone, beforeId, limit: PAGE_SIZE }),
    loadBoardFilterOptions(database, { locale, planPeriod: settings.planPeriod }),
  ]);
  const now = Date.now();
  const query = filterQuery(filters);
  const base = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== ""));
  const boardParams = new URLSearchParams(base);
  boardParams.delete("stage");
  const next = new URLSearchParams(base);
  if (page.nextBeforeId !== null) next.set("before", String(page.nextBeforeId));
  return json({
    rows: page.rows.map((row) => ({
      id: row.id,
      title: row.title,
      stage: row.stage,
      submittedAt: row.submittedAt,
      voteCount: row.voteCount,
      divisions: row.divisions,
      meanScore: row.meanScore,
      daysInStage: Math.max(0, Math.floor((now - row.stageChangedAt.getTime()) / DAY_MS)),
    })),
    query,
    options,
    boardSearch: boardParams.toString() ? `?${boardParams}` : "",
    nextHref: page.nextBeforeId !== null ? `?${next}` : null,
    firstHref: beforeId !== undefined ? `?${base}` : null,
  });
}

export default function CommitteeListPage() {
  const { rows, query, options, boardSearch, nextHref, firstHref } = useLoaderData<typeof loader>();
  const { t, date, number, locale } = useI18n(pipelineMessages, pipelineBoardMessages);
  return (
    <>
      <h1>{t("pipeline.list.title")}</h1>
      <BoardViewSwitch current="list" search={boardSearch} />
      <BoardFilters query={query} options={options} withStage clearTo="/committee/list" />
      {rows.length === 0 ? (
        <p className="card">{t("pipeline.list.empty")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={t("pipeline.list.title")} tabIndex={0}>
          <table>
            <caption>{t("pipeline.list.caption", { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("pipeline.list.number")}
                </th>
                <th scope="col">{t("pipeline.list.idea")}</th>
                <th scope="col">{t("pipeline.list.stage")}</th>
                <th scope="col">{t("pipeline.list.division")}</th>
                <th scope="col" className="num">
                  {t("pipeline.list.votes")}
                </th>
                <th scope="col" className="num">
                  {t("pipeline.list.meanScore")}
                </th>
                <th scope="col" className="num">
                  {t("pipeline.list.daysInStage")}
                </th>
                <th scope="col">{t("pipeline.list.submitted")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className="num">{row.id}</td>
                  <th scope="row">
                    <Link to={`/committee/ideas/${row.id}`}>{row.title}</Link>
                  </th>
                  <td>
                    <StageBadge stage={row.stage} />
                  </td>
                  <td>{row.divisions.map((division) => (locale === "en" && division.en) || division.th).join(", ") || t("pipeline.board.noDivision")}</td>
                  <td className="num">{number(row.voteCount)}</td>
                  <td className="num">{row.meanScore === null ? "–" : formatNumber(row.meanScore, locale, { maximumFractionDigits: 2 })}</td>
                  <td className="num">{number(row.daysInStage)}</td>
                  <td>{date(row.submittedAt, "medium")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label={t("pipeline.list.pages")}>
        {firstHref ? <Link to={firstHref}>{t("pipeline.list.first")}</Link> : null}
        {nextHref ? <Link to={nextHref}>{t("pipeline.list.next")}</Link> : null}
      </nav>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
