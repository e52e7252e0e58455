import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { fiscalYearOf, fiscalYearRange } from "../domain/fiscal-year";
import type { IndicatorStatus } from "../domain/indicator-status";
import { resolveLocale } from "../i18n/locale.server";
import { dashboardMessages } from "../i18n/catalogue/dashboard";
import { reportsMessages } from "../i18n/catalogue/reports";
import { useI18n } from "../i18n/use-i18n";
import { chosenFiscalYear, requireDashboardScope } from "../services/dashboard-access.server";
import { loadIndicatorContext, planTrend, yearIndicators, type IndicatorFigure, type TrendRow } from "../services/indicators.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [dashboardMessages], "dashboard.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requireDashboardScope(request);
  const locale = resolveLocale(request, scope.user.locale);
  const database = db();
  const context = await loadIndicatorContext(database);
  const { settings } = context;
  const planYears = fiscalYearRange(settings.planPeriod.firstFiscalYearBE, settings.planPeriod.lastFiscalYearBE);
  const fiscalYearBE = chosenFiscalYear(new URL(request.url).searchParams.get("fy"), planYears, fiscalYearOf(new Date(), settings.fiscalCalendar));
  if (scope.kind === "noDivision") return json({ noDivision: true as const, fiscalYearBE, planYears });
  const divisionId = scope.kind === "division" ? scope.divisionId : undefined;
  const year = await yearIndicators(database, fiscalYearBE, { divisionId, context });
  // The trend reuses the year just computed rather than running its participation query again.
  const trend = scope.kind === "organisation" ? await planTrend(database, { context, known: year }) : null;
  const divisionName = scope.kind === "division" ? (locale === "en" && scope.divisionNameEn) || scope.divisionNameTh : null;
  return json({ noDivision: false as const, fiscalYearBE, planYears, year, divisionName, trend });
}

const STATUS_CLASS: Record<IndicatorStatus, string> = {
  met: "badge badge--ok",
  on_track: "badge badge--ok",
  at_risk: "badge badge--warn",
  missed: "badge badge--danger",
  no_data: "badge",
};

export default function DashboardPage() {
  const data = useLoaderData<typeof loader>();
  const { t, fiscalYear } = useI18n(dashboardMessages, reportsMessages);
  const yearForm = (
    <Form method="get" className="actions">
      <label htmlFor="fy">{t("dashboard.year")}</label>
      <select id="fy" name="fy" defaultValue={data.fiscalYearBE}>
        {data.planYears.map((year) => (
          <option key={year} value={year}>
            {fiscalYear(year)}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary">
        {t("dashboard.show")}
      </button>
    </Form>
  );
  if (data.noDivision) {
    return (
      <>
        <h1>{t("dashboard.title")}</h1>
        <p className="card">{t("dashboard.noDivision")}</p>
      </>
    );
  }
  const { year } = data;
  return (
    <>
      <h1>
        {data.divisionName ? t("dashboard.titleDivision", { division: data.divisionName }) : t("dashboard.title")} · {fiscalYear(year.fiscalYearBE)}
      </h1>
      {yearForm}
      <p className="muted">{year.closed ? t("dashboard.closed") : year.phase === "running" ? t("dashboard.running") : year.phase === "future" ? t("dashboard.future") : null}</p>

      <div className="grid">
        {year.figures.map((figure) =>
          data.divisionName && figure.code !== "LG1" ? null : (
            <IndicatorCard key={figure.code} figure={figure} fiscalYearBE={year.fiscalYearBE} needed={figure.code === "LG1" ? year.participation.needed : null} />
          ),
        )}
      </div>

      <ParticipationRuleText rule={year.rule} />

      <section className="card" aria-labelledby="kinds-heading">
        <h2 id="kinds-heading">{t("dashboard.contributions")}</h2>
        <ul>
          <li>
            {t("dashboard.contributions.ideas")}: {t("dashboard.people", { count: year.participation.contributorsByKind.ideas })}
          </li>
          <li>
            {t("dashboard.contributions.comments")}: {t("dashboard.people", { count: year.participation.contributorsByKind.comments })}
          </li>
          <li>
            {t("dashboard.contributions.training")}: {t("dashboard.people", { count: year.participation.contributorsByKind.training })}
          </li>
        </ul>
        {year.participation.trainingCoverage !== null ? (
          <p>{t("dashboard.trainingCoverage", { percent: `${year.participation.trainingCoverage.toFixed(1)}%` })}</p>
        ) : null}
      </section>

      <DivisionSection year={year} />
      <FunnelSection funnel={year.funnel} />
      {data.trend ? <TrendSection fiscalYearBE={year.fiscalYearBE} trend={data.trend} /> : null}
      {data.trend ? (
        <p>
          <a className="button secondary" href="/dashboard/history/csv" download>
            {t("reports.history.download")}
          </a>
        </p>
      ) : null}
    </>
  );
}

function formatValue(figure: Pick<IndicatorFigure, "unit">, value: number | null, number: (value: number) => string): string {
  if (value === null) return "–";
  if (figure.unit === "percent") return `${value.toFixed(1)}%`;
  if (figure.unit === "score") return value.toFixed(2);
  return number(value);
}

function IndicatorCard({ figure, fiscalYearBE, needed }: { figure: IndicatorFigure; fiscalYearBE: number; needed: number | null }) {
  const { t, locale, number } = useI18n(dashboardMessages, reportsMessages);
  const name = (locale === "en" && figure.nameEn) || figure.nameTh;
  return (
    <section className="card indicator" aria-label={name}>
      <h2 className="indicator__name">{name}</h2>
      <p className="indicator__value">
        <span className="indicator__number">{formatValue(figure, figure.value, number)}</span>
        <span className="muted">
          {" "}
          {t("dashboard.target")} {formatValue(figure, figure.target, number)}
        </span>
      </p>
      <p>
        <span className={STATUS_CLASS[figure.status]}>{t(`dashboard.status.${figure.status}`)}</span>
      </p>
      {figure.code === "LG1" && figure.numerator !== null && figure.denominator !== null ? (
        <>
          <p>{t("dashboard.of", { numerator: figure.numerator, denominator: figure.denominator })}</p>
          {needed !== null && needed > 0 ? <p>{t("dashboard.needed", { count: needed })}</p> : null}
          {figure.projected !== null ? <p className="muted">{t("dashboard.projected", { percent: `${figure.projected.toFixed(1)}%` })}</p> : null}
          <p>
            <Link to={`/dashboard/people?fy=${fiscalYearBE}`}>{t("dashboard.drillDown")}</Link>
          </p>
        </>
      ) : null}
      {figure.code === "ACTION_PLAN" && figure.denominator ? <p>{t("dashboard.activitiesDone", { numerator: figure.numerator ?? 0, denominator: figure.denominator })}</p> : null}
      {figure.code === "ACTION_PLAN" ? (
        <p>
          <Link to={`/plan/actions?fy=${fiscalYearBE}`}>{t("dashboard.actionsLink")}</Link>
        </p>
      ) : null}
      {figure.perYear !== null && figure.cumulative !== null ? (
        <ul className="muted">
          <li>{t("dashboard.perYear", { count: figure.perYear })}</li>
          <li>{t("dashboard.cumulative", { count: figure.cumulative })}</li>
          {figure.countMode ? <li>{t(`dashboard.comparedBy.${figure.countMode}`)}</li> : null}
        </ul>
      ) : null}
      {figure.code === "LPA" ? (
        <p className="muted">
          {figure.previousValue !== null ? t("dashboard.lpaPrevious", { score: figure.previousValue.toFixed(2) }) : null}
          {figure.value === null ? ` ${t("dashboard.lpaMissing")}` : null}{" "}
          <Link to="/plan/lpa">{t("dashboard.lpaLink")}</Link>
        </p>
      ) : null}
    </section>
  );
}

function ParticipationRuleText({ rule }: { rule: { countedCategoryCodes: string[] | null; countComments: boolean; countTrainingAttendance: boolean; excludeRejectedAtScreening: boolean } }) {
  const { t } = useI18n(dashboardMessages, reportsMessages);
  return (
    <section className="card" aria-labelledby="rule-heading">
      <h2 id="rule-heading">{t("dashboard.rule.title")}</h2>
      <ul>
        <li>{t("dashboard.rule.population", { categories: rule.countedCategoryCodes === null ? t("dashboard.rule.allCategories") : rule.countedCategoryCodes.join(", ") })}</li>
        <li>{t("dashboard.rule.ideas")}</li>
        {rule.excludeRejectedAtScreening ? <li>{t("dashboard.rule.excludeRejected")}</li> : null}
        {rule.countComments ? <li>{t("dashboard.rule.comments")}</li> : null}
        {rule.countTrainingAttendance ? <li>{t("dashboard.rule.training")}</li> : null}
        {!rule.countComments && !rule.countTrainingAttendance ? <li>{t("dashboard.rule.onlyIdeas")}</li> : null}
      </ul>
    </section>
  );
}

function DivisionSection({ year }: { year: { fiscalYearBE: number; byDivision: { divisionId: number | null; nameTh: string; nameEn: string; numerator: number; denominator: number; percent: number | null }[] } }) {
  const { t, locale } = useI18n(dashboardMessages, reportsMessages);
  const title = t("dashboard.byDivision");
  return (
    <section className="card" aria-labelledby="division-heading">
      <h2 id="division-heading">{title}</h2>
      <img className="chart" src={`/dashboard/charts/divisions?fy=${year.fiscalYearBE}`} alt={t("dashboard.chart.alt", { title })} width={640} height={Math.max(160, 60 + year.byDivision.length * 34)} loading="lazy" />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.division")}</th>
              <th scope="col" className="num">{t("dashboard.participants")}</th>
              <th scope="col" className="num">{t("dashboard.population")}</th>
              <th scope="col" className="num">{t("dashboard.percent")}</th>
            </tr>
          </thead>
          <tbody>
            {year.byDivision.map((division) => (
              <tr key={division.divisionId ?? "none"}>
                <th scope="row">
                  <Link to={`/dashboard/people?fy=${year.fiscalYearBE}${division.divisionId ? `&division=${division.divisionId}` : ""}`}>
                    {(locale === "en" && division.nameEn) || division.nameTh}
                  </Link>
                </th>
                <td className="num">{division.numerator}</td>
                <td className="num">{division.denominator}</td>
                <td className="num">{division.percent === null ? "–" : `${division.percent.toFixed(1)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function FunnelSection({ funnel }: { funnel: { stage: string; count: number }[] }) {
  const { t } = useI18n(dashboardMessages, reportsMessages);
  const order = ["submitted", "screening", "committee_review", "approved", "in_progress", "implemented", "not_adopted", "duplicate", "withdrawn"] as const;
  return (
    <section className="card" aria-labelledby="funnel-heading">
      <h2 id="funnel-heading">{t("dashboard.funnel")}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.stage")}</th>
              <th scope="col" className="num">{t("dashboard.count")}</th>
            </tr>
          </thead>
          <tbody>
            {order.map((stage) => (
              <tr key={stage}>
                <th scope="row">{t(`stage.${stage}`)}</th>
                <td className="num">{funnel.find((row) => row.stage === stage)?.count ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function TrendSection({ fiscalYearBE, trend }: { fiscalYearBE: number; trend: TrendRow[] }) {
  const { t, fiscalYear, number } = useI18n(dashboardMessages, reportsMessages);
  const cell = (value: number | null, percent: boolean) => (value === null ? "–" : percent ? `${value.toFixed(1)}%` : number(value));
  return (
    <section className="card" aria-labelledby="trend-heading">
      <h2 id="trend-heading">{t("dashboard.trend")}</h2>
      {(["lg1", "projects", "innovations"] as const).map((chart) => (
        <figure key={chart} className="chart-figure">
          <img className="chart" src={`/dashboard/charts/${chart}?fy=${fiscalYearBE}`} alt={t("dashboard.chart.alt", { title: t(`dashboard.trend.${chart}`) })} width={640} height={300} loading="lazy" />
          <figcaption className="table-wrap">
            <table>
              <caption>{t(`dashboard.trend.${chart}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.year")}</th>
                  <th scope="col" className="num">{t("dashboard.chart.actual")}</th>
                  <th scope="col" className="num">{t("dashboard.chart.target")}</th>
                </tr>
              </thead>
              <tbody>
                {trend.map((row) => (
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
  );
}

export const ErrorBoundary = RouteErrorBoundary;
