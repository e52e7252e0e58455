import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { requireRole } from "../auth/current-user.server";
import { csvDownloadHeaders } from "../domain/csv-safety";
import { fiscalYearRange } from "../domain/fiscal-year";
import { chosenReportQuarter } from "../domain/report-period";
import { getAppSettings } from "../models/settings.server";
import { quarterlyReport, quarterlyReportCsvFile } from "../services/reports.server";

/** The quarterly report's tables as one CSV (?fy=2570&q=1), in Thai: same readers as the report. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "executive", "committee", "admin");
  const database = db();
  const settings = await getAppSettings(database);
  const planYears = fiscalYearRange(settings.planPeriod.firstFiscalYearBE, settings.planPeriod.lastFiscalYearBE);
  const url = new URL(request.url);
  const period = chosenReportQuarter({ fy: url.searchParams.get("fy"), q: url.searchParams.get("q") }, planYears, new Date(), settings.fiscalCalendar);
  // The file lists everything that moved, not only the first few lines the page shows.
  const report = await quarterlyReport(database, { ...period, listLimit: null });
  // In Thai whatever the reader's language, like the report (PRODUCT.md §6).
  const csv = quarterlyReportCsvFile(report, settings.fiscalCalendar.timeZone);
  return new Response(csv, { headers: csvDownloadHeaders(`quarterly-report-fy${period.fiscalYearBE}-q${period.quarter}.csv`) });
}
