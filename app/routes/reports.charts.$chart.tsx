import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { requireRole } from "../auth/current-user.server";
import { trendChartSvg } from "../charts.server";
import { resolveLocale } from "../i18n/locale.server";
import { fiscalYearLabel } from "../i18n/format";
import { translate } from "../i18n/messages.server";
import { planTrend } from "../services/indicators.server";
import { notFound } from "../http-errors";

/**
 * The plan's trend charts for the yearly roll-up, as SVG images for the report's readers (the
 * dashboard's own chart route is for the dashboard's readers). The page shows the numbers too.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "executive", "committee", "admin");
  const chart = params.chart;
  if (chart !== "lg1" && chart !== "projects" && chart !== "innovations") throw notFound();
  const locale = resolveLocale(request, user.locale);
  const trend = await planTrend(db());
  const svg = trendChartSvg({
    title: translate(locale, `dashboard.trend.${chart}`),
    labels: trend.map((row) => fiscalYearLabel(row.fiscalYearBE, locale, { short: true })),
    actual: trend.map((row) => row[chart].value),
    target: trend.map((row) => row[chart].target),
    actualName: translate(locale, "dashboard.chart.actual"),
    targetName: translate(locale, "dashboard.chart.target"),
    unit: chart === "lg1" ? "percent" : "count",
  });
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "private, max-age=60",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'",
    },
  });
}
