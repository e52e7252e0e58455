import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { clientAddress } from "../auth/current-user.server";
import { csvDownloadHeaders } from "../domain/csv-safety";
import { fiscalYearOf, fiscalYearRange } from "../domain/fiscal-year";
import { resolveLocale } from "../i18n/locale.server";
import { recordAudit } from "../models/audit.server";
import { getAppSettings } from "../models/settings.server";
import { chosenFiscalYear, requireDashboardScope } from "../services/dashboard-access.server";
import { participationDetails } from "../services/indicators.server";
import { participationPeopleCsvFile } from "../services/reports.server";

/**
 * Who took part in a year and who did not, as CSV. The same scope as the drill-down page:
 * executives and HR see everyone (or one division with ?division=); a director gets their own
 * division whatever the URL says. Personal data (PDPA): the export is logged.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requireDashboardScope(request);
  if (scope.kind === "noDivision") throw new Response("Forbidden", { status: 403 });
  const url = new URL(request.url);
  const database = db();
  const settings = await getAppSettings(database);
  const planYears = fiscalYearRange(settings.planPeriod.firstFiscalYearBE, settings.planPeriod.lastFiscalYearBE);
  const fiscalYearBE = chosenFiscalYear(url.searchParams.get("fy"), planYears, fiscalYearOf(new Date(), settings.fiscalCalendar));
  const askedDivision = Number(url.searchParams.get("division"));
  const divisionId = scope.kind === "division" ? scope.divisionId : Number.isInteger(askedDivision) && askedDivision > 0 ? askedDivision : undefined;
  const details = await participationDetails(database, fiscalYearBE, { divisionId });
  await recordAudit(database, {
    actorAccountId: scope.user.accountId,
    action: "participation.exported",
    entityType: "participation",
    entityId: String(fiscalYearBE),
    details: { divisionId: divisionId ?? null, rows: details.counted.length + details.notCounted.length },
    ipAddress: clientAddress(request),
  });
  const csv = participationPeopleCsvFile(details, resolveLocale(request, scope.user.locale));
  const suffix = divisionId === undefined ? "" : `-division${divisionId}`;
  return new Response(csv, { headers: csvDownloadHeaders(`participation-fy${fiscalYearBE}${suffix}.csv`) });
}
