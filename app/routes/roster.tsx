import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FilterSelect, FormNotice } from "../components/forms";
import { RosterTable } from "../components/roster-table";
import { rosterMessages } from "../i18n/catalogue/roster";
import { useI18n } from "../i18n/use-i18n";
import { recordAudit } from "../models/audit.server";
import { listDivisions } from "../models/people.server";
import { listStaffCategories } from "../models/roster.server";
import { toRosterTableRows } from "../models/roster-view.server";
import { listRosterSorted, rosterQueryFrom } from "../services/roster-list.server";

export const meta: MetaFunction = () => [{ title: "ทะเบียนบุคลากร · นวัต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr");
  const url = new URL(request.url);
  const database = db();
  const { query, filters, fiscalYears } = await rosterQueryFrom(database, url);
  const [rows, divisions, categories] = await Promise.all([listRosterSorted(database, filters), listDivisions(database), listStaffCategories(database)]);
  // Personal data (PDPA): reading the roster is a sensitive read and is logged.
  await recordAudit(database, {
    actorAccountId: user.accountId,
    action: "roster.viewed",
    entityType: "roster",
    details: { show: query.show, divisionId: query.divisionId, categoryId: query.categoryId, rows: rows.length },
    ipAddress: clientAddress(request),
  });
  const exportParams = new URLSearchParams();
  exportParams.set("show", String(query.show));
  if (query.divisionId !== null) exportParams.set("division", String(query.divisionId));
  if (query.categoryId !== null) exportParams.set("category", String(query.categoryId));
  return json({
    rows: toRosterTableRows(rows),
    divisions: divisions.map((division) => ({ id: division.id, nameTh: division.nameTh, nameEn: division.nameEn })),
    categories: categories.map((category) => ({ id: category.id, nameTh: category.nameTh, nameEn: category.nameEn })),
    fiscalYears,
    query: { show: String(query.show), division: query.divisionId ? String(query.divisionId) : "", category: query.categoryId ? String(query.categoryId) : "" },
    exportHref: `/roster/export?${exportParams}`,
  });
}

export default function RosterPage() {
  const { rows, divisions, categories, fiscalYears, query, exportHref } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t, locale, fiscalYear } = useI18n(rosterMessages);
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
        </div>
        <p>
          <button type="submit">{t("roster.filter")}</button>
        </p>
      </Form>
      <RosterTable rows={rows} caption={t("roster.count", { count: rows.length })} personHref={(personId) => `/roster/${personId}`} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
