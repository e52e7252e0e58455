import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { divisionChartSvg, trendChartSvg } from "../charts.server";
import { fiscalYearOf, fiscalYearRange } from "../domain/fiscal-year";
import { resolveLocale } from "../i18n/locale.server";
import { translate } from "../i18n/messages.server";
import { fiscalYearLabel } from "../i18n/format";
import { getAppSettings } from "../models/settings.server";
import { chosenFiscalYear, requireDashboardScope } from "../services/dashboard-access.server";
import { planTrend, yearIndicators } from "../services/indicators.server";
import { notFound } from "../http-errors";

/** A chart of the dashboard as an SVG image (server-rendered; the page shows the numbers too). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireDashboardScope(request);
  if (scope.kind === "noDivision") throw notFound();
  const locale = resolveLocale(request, scope.user.locale);
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const database = db();
  const settings = await getAppSettings(database);
  const planYears = fiscalYearRange(settings.planPeriod.firstFiscalYearBE, settings.planPeriod.lastFiscalYearBE);
  const fiscalYearBE = chosenFiscalYear(new URL(request.url).searchParams.get("fy"), planYears, fiscalYearOf(new Date(), settings.fiscalCalendar));
  let svg: string;
  if (params.chart === "divisions") {
    const year = await yearIndicators(database, fiscalYearBE, { divisionId: scope.kind === "division" ? scope.divisionId : undefined });
    svg = divisionChartSvg({
      title: t("dashboard.byDivision"),
      names: year.byDivision.map((division) => (locale === "en" && division.nameEn) || division.nameTh),
      percents: year.byDivision.map((division) => division.percent),
      target: year.participation.target,
      targetName: t("dashboard.chart.target"),
    });
  } else if (params.chart === "lg1" || params.chart === "projects" || params.chart === "innovations") {
    // The trend is organisation-wide: a director's view has no trend charts.
    if (scope.kind !== "organisation") throw new Response("Forbidden", { status: 403 });
    const chart = params.chart;
    const trend = await planTrend(database);
    svg = trendChartSvg({
      title: t(`dashboard.trend.${chart}`),
      labels: trend.map((row) => fiscalYearLabel(row.fiscalYearBE, locale, { short: true })),
      actual: trend.map((row) => row[chart].value),
      target: trend.map((row) => row[chart].target),
      actualName: t("dashboard.chart.actual"),
      targetName: t("dashboard.chart.target"),
      unit: chart === "lg1" ? "percent" : "count",
    });
  } else {
    throw notFound();
  }
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "private, max-age=60",
      "X-Content-Type-Options": "nosniff",
      // An SVG opened on its own must not run anything.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'",
    },
  });
}
