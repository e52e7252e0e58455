import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { RosterTable } from "../components/roster-table";
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
  const { t, locale, fiscalYear } = useI18n();
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
          <div className="field">
            <label htmlFor="show">{t("roster.employment")}</label>
            <select id="show" name="show" defaultValue={query.show}>
              <option value="active">{t("roster.activeOnly")}</option>
              <option value="all">{t("roster.all")}</option>
              {fiscalYears.map((year) => (
                <option key={year} value={year}>
                  {t("rosterHr.employedInYear", { year: fiscalYear(year) })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="division">{t("roster.division")}</label>
            <select id="division" name="division" defaultValue={query.division}>
              <option value="">{t("roster.allDivisions")}</option>
              {divisions.map((division) => (
                <option key={division.id} value={division.id}>
                  {name(division)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="category">{t("roster.category")}</label>
            <select id="category" name="category" defaultValue={query.category}>
              <option value="">{t("rosterHr.allCategories")}</option>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {name(category)}
                </option>
              ))}
            </select>
          </div>
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
