import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { ReportDivisionTable, ReportIndicatorTable } from "../components/report-indicators";
import { AsOf, PrintButton, ReportParagraphs, ReportSignatures } from "../components/report-parts";
import { ReportPeriodForm } from "../components/report-period-form";
import { fiscalYearOf, fiscalYearRange } from "../domain/fiscal-year";
import { actionPlanCompletion } from "../domain/indicator-status";
import { MOVEMENT_KINDS } from "../domain/report-csv";
import { dashboardMessages } from "../i18n/catalogue/dashboard";
import { reportsMessages } from "../i18n/catalogue/reports";
import { useI18n } from "../i18n/use-i18n";
import { getAppSettings } from "../models/settings.server";
import { chosenFiscalYear } from "../services/dashboard-access.server";
import { yearlyReport } from "../services/reports.server";
import printStyles from "../styles/print.css";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [reportsMessages], "reports.yearly.pageTitle");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStyles }];

/** The same readers as the quarterly report: executives, the committee and administrators. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "executive", "committee", "admin");
  const database = db();
  const settings = await getAppSettings(database);
  const planYears = fiscalYearRange(settings.planPeriod.firstFiscalYearBE, settings.planPeriod.lastFiscalYearBE);
  const fiscalYearBE = chosenFiscalYear(new URL(request.url).searchParams.get("fy"), planYears, fiscalYearOf(new Date(), settings.fiscalCalendar));
  const report = await yearlyReport(database, { fiscalYearBE });
  return json({ planYears, report });
}

export default function YearlyReportPage() {
  const { planYears, report } = useLoaderData<typeof loader>();
  const { t, fiscalYear, date, locale, number } = useI18n(dashboardMessages, reportsMessages);
  const organisation = (locale === "en" && report.organisation.nameEn) || report.organisation.nameTh;
  const completion = actionPlanCompletion(report.activities.map((activity) => activity.status));
  const cell = (value: number | null, percent: boolean) => (value === null ? "–" : percent ? `${value.toFixed(1)}%` : number(value));
  const writtenTexts = report.texts.filter((text) => text.problems || text.nextSteps);
  return (
    <>
      <div className="report-controls">
        <p>
          <Link to={`/reports/quarterly?fy=${report.fiscalYearBE}`}>{t("reports.quarterlyLink")}</Link>
        </p>
        <ReportPeriodForm years={planYears} fiscalYearBE={report.fiscalYearBE} />
        <div className="actions">
          <PrintButton />
        </div>
        <p className="muted">{t("reports.printHint")}</p>
      </div>

      <article className="report" aria-labelledby="report-title">
        <header className="report-header">
          {organisation ? <p className="report-organisation">{organisation}</p> : null}
          <h1 id="report-title">{t("reports.yearly.heading", { fiscalYear: fiscalYear(report.fiscalYearBE) })}</h1>
          <p>{t("reports.quarterly.period", { from: date(report.firstDay), to: date(report.lastDay) })}</p>
          <AsOf closed={report.year.closed} state={report.state} asOfDate={report.asOfDate} todayDate={report.todayDate} />
        </header>

        <section className="report-section" aria-labelledby="indicators-heading">
          <h2 id="indicators-heading">1. {t("reports.section.indicators")}</h2>
          <ReportIndicatorTable figures={report.year.figures} caption={fiscalYear(report.fiscalYearBE)} />
          <ReportDivisionTable divisions={report.year.byDivision} caption={t("dashboard.byDivision")} />
        </section>

        <section className="report-section" aria-labelledby="quarters-heading">
          <h2 id="quarters-heading">2. {t("reports.yearly.quarters")}</h2>
          <div className="table-wrap">
            <table className="report-table">
              <caption>{t("reports.yearly.quarters")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("reports.movement.kind")}</th>
                  {report.quarters.map((quarter) => (
                    <th key={quarter.quarter} scope="col" className="num">
                      {t("reports.quarter.option", { quarter: quarter.quarter })}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t("reports.yearly.total")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...MOVEMENT_KINDS, "stageMoves" as const].map((kind) => {
                  const countOf = (movement: (typeof report.quarters)[number]["movement"]) =>
                    kind === "stageMoves" ? movement.stageMoves.reduce((sum, move) => sum + move.count, 0) : movement[kind].count;
                  return (
                    <tr key={kind}>
                      <th scope="row">{kind === "stageMoves" ? t("reports.yearly.stageMovesTotal") : t(`reports.movement.${kind}`)}</th>
                      {report.quarters.map((quarter) => (
                        <td key={quarter.quarter} className="num">
                          {quarter.state === "future" ? <span className="muted">{t("reports.yearly.notStarted")}</span> : countOf(quarter.movement)}
                        </td>
                      ))}
                      <td className="num">{report.quarters.reduce((sum, quarter) => sum + countOf(quarter.movement), 0)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>

        <section className="report-section" aria-labelledby="activities-heading">
          <h2 id="activities-heading">3. {t("reports.yearly.activities")}</h2>
          <p>
            {completion.percent === null
              ? t("reports.actions.noCompletion")
              : `${t("reports.actions.completion", { percent: completion.percent.toFixed(1) })} — ${
                  report.activities.length > completion.counted
                    ? t("reports.actions.completionDetail", { done: completion.done, counted: completion.counted, cancelled: report.activities.length - completion.counted })
                    : t("reports.actions.completionDetailNoCancelled", { done: completion.done, counted: completion.counted })
                }`}
          </p>
          {report.activities.length > 0 ? (
            <div className="table-wrap">
              <table className="report-table">
                <caption>{t("reports.actions.heading", { fiscalYear: fiscalYear(report.fiscalYearBE) })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t("reports.actions.order")}
                    </th>
                    <th scope="col">{t("reports.actions.activity")}</th>
                    <th scope="col">{t("reports.actions.planItem")}</th>
                    <th scope="col">{t("reports.actions.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.activities.map((activity, index) => (
                    <tr key={activity.id}>
                      <td className="num">{index + 1}</td>
                      <th scope="row">{activity.title}</th>
                      <td>{activity.planCode ?? "–"}</td>
                      <td>{t(`reports.actions.status.${activity.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>

        <section className="report-section report-section--break" aria-labelledby="trend-heading">
          <h2 id="trend-heading">4. {t("reports.yearly.trend")}</h2>
          {(["lg1", "projects", "innovations"] as const).map((chart) => (
            <figure key={chart} className="chart-figure">
              <img className="chart" src={`/reports/charts/${chart}`} alt={t("dashboard.chart.alt", { title: t(`dashboard.trend.${chart}`) })} width={640} height={300} />
              <figcaption className="table-wrap">
                <table className="report-table">
                  <caption>{t(`dashboard.trend.${chart}`)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("dashboard.year")}</th>
                      <th scope="col" className="num">
                        {t("dashboard.chart.actual")}
                      </th>
                      <th scope="col" className="num">
                        {t("dashboard.chart.target")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.trend.map((row) => (
                      <tr key={row.fiscalYearBE}>
                        <th scope="row">{fiscalYear(row.fiscalYearBE, true)}</th>
                        <td className="num">{cell(row[chart].value, chart === "lg1")}</td>
                        <td className="num">{cell(row[chart].target, chart === "lg1")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </figcaption>
            </figure>
          ))}
        </section>

        <section className="report-section" aria-labelledby="texts-heading">
          <h2 id="texts-heading">5. {t("reports.yearly.texts")}</h2>
          {writtenTexts.length === 0 ? <p className="muted">{t("reports.texts.empty")}</p> : null}
          {writtenTexts.map((text) => (
            <div key={text.quarter} className="report-list">
              <h3>{t("reports.quarter.option", { quarter: text.quarter })}</h3>
              <h4>{t("reports.texts.problems")}</h4>
              <ReportParagraphs text={text.problems} />
              <h4>{t("reports.texts.nextSteps")}</h4>
              <ReportParagraphs text={text.nextSteps} />
            </div>
          ))}
        </section>

        <ReportSignatures />
      </article>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
