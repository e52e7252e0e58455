import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { csvDownloadHeaders } from "../domain/csv-safety";
import { resolveLocale } from "../i18n/locale.server";
import { requireDashboardScope } from "../services/dashboard-access.server";
import { indicatorHistory, indicatorHistoryCsvFile } from "../services/reports.server";

/**
 * Every indicator for every plan year (value, target, status, numerator, denominator, per year,
 * cumulative) as CSV. Organisation-wide figures: executives and HR; a director's view is their
 * division only, so directors get 403 here (as for the trend charts).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requireDashboardScope(request);
  if (scope.kind !== "organisation") throw new Response("Forbidden", { status: 403 });
  const history = await indicatorHistory(db());
  const csv = indicatorHistoryCsvFile(history, resolveLocale(request, scope.user.locale));
  return new Response(csv, { headers: csvDownloadHeaders("indicator-history.csv") });
}
