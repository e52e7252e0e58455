import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { RosterTable } from "../components/roster-table";
import { calendarDateIn } from "../domain/calendar-date";
import { useI18n } from "../i18n/use-i18n";
import { recordAudit } from "../models/audit.server";
import { listDivisions, listRoster } from "../models/people.server";
import { toRosterTableRows } from "../models/roster-view.server";

export const meta: MetaFunction = () => [{ title: "ทะเบียนบุคลากร · นวัต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr");
  const url = new URL(request.url);
  const activeOnly = url.searchParams.get("show") !== "all";
  const divisionParam = Number(url.searchParams.get("division"));
  const divisionId = Number.isInteger(divisionParam) && divisionParam > 0 ? divisionParam : undefined;
  const database = db();
  const [rows, divisions] = await Promise.all([
    listRoster(database, { onDate: calendarDateIn(new Date(), "Asia/Bangkok"), activeOnly, divisionId }),
    listDivisions(database),
  ]);
  // Personal data (PDPA): reading the roster is a sensitive read and is logged.
  await recordAudit(database, {
    actorAccountId: user.accountId,
    action: "roster.viewed",
    entityType: "roster",
    details: { activeOnly, divisionId: divisionId ?? null, rows: rows.length },
    ipAddress: clientAddress(request),
  });
  return json({ rows: toRosterTableRows(rows), divisions, activeOnly, divisionId: divisionId ?? null });
}

export default function RosterPage() {
  const { rows, divisions, activeOnly, divisionId } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <>
      <h1>{t("roster.title")}</h1>
      <Form method="get" className="card">
        <div className="grid">
          <div className="field">
            <label htmlFor="division">{t("roster.division")}</label>
            <select id="division" name="division" defaultValue={divisionId ?? ""}>
              <option value="">{t("roster.allDivisions")}</option>
              {divisions.map((division) => (
                <option key={division.id} value={division.id}>
                  {(locale === "en" && division.nameEn) || division.nameTh}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="show">{t("roster.employment")}</label>
            <select id="show" name="show" defaultValue={activeOnly ? "active" : "all"}>
              <option value="active">{t("roster.activeOnly")}</option>
              <option value="all">{t("roster.all")}</option>
            </select>
          </div>
        </div>
        <p>
          <button type="submit">{t("roster.filter")}</button>
        </p>
      </Form>
      <RosterTable rows={rows} caption={t("roster.count", { count: rows.length })} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
