import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { Field, FilterSelect, FormNotice } from "../components/forms";
import { PageNav, usePeopleCaption } from "../components/page-nav";
import { RosterTable } from "../components/roster-table";
import { rosterMessages } from "../i18n/catalogue/roster";
import { useI18n } from "../i18n/use-i18n";
import { recordAudit } from "../models/audit.server";
import { listDivisions } from "../models/people.server";
import { listStaffCategories } from "../models/roster.server";
import { toRosterTableRows } from "../models/roster-view.server";
import { listRosterPage, rosterQueryFrom } from "../services/roster-list.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [rosterMessages], "roster.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr");
  const url = new URL(request.url);
  const database = db();
  const { query, filters, fiscalYears } = await rosterQueryFrom(database, url);
  const [list, divisions, categories] = await Promise.all([listRosterPage(database, filters, query.page), listDivisions(database), listStaffCategories(database)]);
  // Personal data (PDPA): reading the roster is a sensitive read and is logged, with the page
  // read. A search for a name is itself personal data: that a search was made is recorded, never
  // what was typed (decision 018).
  await recordAudit(database, {
    actorAccountId: user.accountId,
    action: "roster.viewed",
    entityType: "roster",
    details: {
      show: query.show,
      divisionId: query.divisionId,
      categoryId: query.categoryId,
      searched: query.search !== "",
      page: list.page,
      rows: list.rows.length,
      total: list.total,
    },
    ipAddress: clientAddress(request),
  });
  // The filters as the address carries them: the export and every page link keep them.
  const filterParams = new URLSearchParams();
  filterParams.set("show", String(query.show));
  if (query.divisionId !== null) filterParams.set("division", String(query.divisionId));
  if (query.categoryId !== null) filterParams.set("category", String(query.categoryId));
  if (query.search) filterParams.set("q", query.search);
  return json({
    rows: toRosterTableRows(list.rows),
    list: { total: list.total, page: list.page, pageCount: list.pageCount, from: list.from, to: list.to },
    divisions: divisions.map((division) => ({ id: division.id, nameTh: division.nameTh, nameEn: division.nameEn })),
    categories: categories.map((category) => ({ id: category.id, nameTh: category.nameTh, nameEn: category.nameEn })),
    fiscalYears,
    query: {
      show: String(query.show),
      division: query.divisionId ? String(query.divisionId) : "",
      category: query.categoryId ? String(query.categoryId) : "",
      q: query.search,
    },
    filterParams: filterParams.toString(),
    exportHref: `/roster/export?${filterParams}`,
  });
}

/** The same filters without the search. */
function withoutSearch(filterParams: string): string {
  const params = new URLSearchParams(filterParams);
  params.delete("q");
  return params.toString();
}

/** The roster page `page` with the same filters (page 1 has no page parameter). */
function pageHref(filterParams: string, page: number): string {
  const params = new URLSearchParams(filterParams);
  if (page > 1) params.set("page", String(page));
  return `/roster?${params}`;
}

export default function RosterPage() {
  const { rows, list, divisions, categories, fiscalYears, query, filterParams, exportHref } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t, locale, fiscalYear } = useI18n(rosterMessages);
  const caption = usePeopleCaption();
  const name = (item: { nameTh: string; nameEn: string }) => (locale === "en" && item.nameEn) || item.nameTh;
  return (
    <>
      <h1>{t("roster.title")}</h1>
      {searchParams.get("saved") ? <FormNotice tone="ok">{t("rosterHr.saved")}</FormNotice> : null}
      <div className="actions">
        <Link to="/roster/new" className="button">
          {t("rosterHr.add")}
        </Link>
        <Link to="/roster/import" className="button secondary">
          {t("rosterHr.import.link")}
        </Link>
        <a href={exportHref} className="button secondary" download>
          {t("rosterHr.export")}
        </a>
        <a href="/roster/template" download>
          {t("rosterHr.template")}
        </a>
      </div>
      <Form method="get" className="card" aria-label={t("rosterHr.filters")}>
        <div className="filters">
          <FilterSelect
            id="show"
            name="show"
            label={t("roster.employment")}
            value={query.show}
            leading={[
              { value: "active", label: t("roster.activeOnly") },
              { value: "all", label: t("roster.all") },
            ]}
            options={fiscalYears.map((year) => ({ value: year, label: t("rosterHr.employedInYear", { year: fiscalYear(year) }) }))}
          />
          <FilterSelect id="division" name="division" label={t("roster.division")} value={query.division} anyLabel={t("roster.allDivisions")} options={divisions.map((division) => ({ value: division.id, label: name(division) }))} />
          <FilterSelect id="category" name="category" label={t("roster.category")} value={query.category} anyLabel={t("rosterHr.allCategories")} options={categories.map((category) => ({ value: category.id, label: name(category) }))} />
          <Field label={t("rosterHr.search")} hint={t("rosterHr.searchHint")} inputProps={{ id: "q", name: "q", type: "search", defaultValue: query.q, maxLength: 100 }} />
        </div>
        <p className="actions">
          <button type="submit">{t("roster.filter")}</button>
          {query.q ? <Link to={pageHref(withoutSearch(filterParams), 1)}>{t("rosterHr.clearSearch")}</Link> : null}
        </p>
      </Form>
      <RosterTable rows={rows} caption={caption(list)} personHref={(personId) => `/roster/${personId}`} />
      <PageNav page={list.page} pageCount={list.pageCount} hrefOf={(page) => pageHref(filterParams, page)} label={t("roster.pages")} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
