import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { RosterTable } from "../components/roster-table";
import { calendarDateIn } from "../domain/calendar-date";
import { useI18n } from "../i18n/use-i18n";
import { recordAudit } from "../models/audit.server";
import { listStaffOn } from "../models/people.server";
import { toRosterTableRows } from "../models/roster-view.server";

export const meta: MetaFunction = () => [{ title: "บุคลากรในกอง · นวัต" }];

/** A director sees the staff of their own division only: the division comes from the session. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "director");
  if (user.divisionId === null) return json({ division: null, rows: [] });
  const database = db();
  const rows = await listStaffOn(database, calendarDateIn(new Date(), "Asia/Bangkok"), { divisionId: user.divisionId });
  await recordAudit(database, {
    actorAccountId: user.accountId,
    action: "division_roster.viewed",
    entityType: "division",
    entityId: user.divisionId,
    details: { rows: rows.length },
    ipAddress: clientAddress(request),
  });
  return json({
    division: { nameTh: user.divisionNameTh ?? "", nameEn: user.divisionNameEn ?? "" },
    rows: toRosterTableRows(rows),
  });
}

export default function DivisionPage() {
  const { division, rows } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  if (!division) {
    return <p className="card">{t("division.none")}</p>;
  }
  const divisionName = (locale === "en" && division.nameEn) || division.nameTh;
  return (
    <>
      <h1>{t("division.title", { division: divisionName })}</h1>
      <RosterTable rows={rows} caption={t("roster.count", { count: rows.length })} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
