import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { fiscalYearRange } from "../domain/fiscal-year";
import { planMessages } from "../i18n/catalogue/plan";
import { useI18n } from "../i18n/use-i18n";
import { getPlanTree, listIndicatorsWithTargets, listLpaScores, type IndicatorWithTargets } from "../models/plan.server";
import { getAppSettings } from "../models/settings.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [], "nav.plan");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const database = db();
  const [tree, indicators, lpaHistory, settings] = await Promise.all([
    getPlanTree(database),
    listIndicatorsWithTargets(database),
    listLpaScores(database),
    getAppSettings(database),
  ]);
  return json({
    tree,
    indicators,
    lpaHistory,
    organisation: settings.organisation,
    fiscalYears: fiscalYearRange(settings.planPeriod.firstFiscalYearBE, settings.planPeriod.lastFiscalYearBE),
  });
}

export default function PlanPage() {
  const { tree, indicators, lpaHistory, organisation, fiscalYears } = useLoaderData<typeof loader>();
  const { t, locale, fiscalYear, number } = useI18n(planMessages);
  const name = (item: { nameTh: string; nameEn: string }) => (locale === "en" && item.nameEn) || item.nameTh;
  return (
    <>
      <h1>{t("plan.title", { org: locale === "en" ? organisation.nameEn : organisation.nameTh })}</h1>
      <p className="muted">
        {t("plan.period", { from: fiscalYear(fiscalYears[0], true), to: fiscalYear(fiscalYears[fiscalYears.length - 1], true) })}
      </p>
      <nav aria-label={t("plan.moreLinks")}>
        <ul className="actions">
          <li>
            <Link to="/plan/actions">{t("plan.actionsLink")}</Link>
          </li>
          <li>
            <Link to="/plan/lpa">{t("plan.lpaLink")}</Link>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t("plan.indicators")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("plan.indicator")}</th>
                <th scope="col">{t("plan.strategies")}</th>
                {fiscalYears.map((year) => (
                  <th key={year} scope="col" className="num">
                    {fiscalYear(year, true)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {indicators.map((indicator) => (
                <tr key={indicator.id}>
                  <th scope="row">
                    {name(indicator)}
                    <br />
                    <span className="badge">{t(`plan.kind.${indicator.kind}`)}</span>
                    {indicator.countMode ? <span className="badge">{t(`plan.countMode.${indicator.countMode}`)}</span> : null}
                  </th>
                  <td>{indicator.strategyCodes.join(", ")}</td>
                  {fiscalYears.map((year) => (
                    <td key={year} className="num">
                      <TargetCell indicator={indicator} fiscalYearBE={year} format={number} abovePrevious={t("plan.target.abovePrevious")} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="strategies-heading">
        <h2 id="strategies-heading">{t("plan.strategies")}</h2>
        <ol className="plan-tree">
          {tree.map((strategy) => (
            <li key={strategy.id} className="card">
              <h3>
                {t("plan.strategy", { code: strategy.code })}: {name(strategy)}
              </h3>
              {strategy.plans.map((plan) => (
                <div key={plan.id}>
                  <h4>
                    {plan.code} {name(plan)}
                  </h4>
                  {plan.projects.length > 0 ? (
                    <ul aria-label={t("plan.projects")}>
                      {plan.projects.map((project) => (
                        <li key={project.id}>{name(project)}</li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">{t("plan.noProjects")}</p>
                  )}
                </div>
              ))}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="lpa-heading">
        <h2 id="lpa-heading">{t("plan.lpaHistory")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("plan.fiscalYear")}</th>
                <th scope="col" className="num">
                  {t("plan.score")}
                </th>
                <th scope="col">{t("plan.source")}</th>
              </tr>
            </thead>
            <tbody>
              {lpaHistory.map((entry) => (
                <tr key={entry.fiscalYear}>
                  <th scope="row">{fiscalYear(entry.fiscalYear, true)}</th>
                  <td className="num">{number(entry.score)}</td>
                  <td>{entry.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function TargetCell({
  indicator,
  fiscalYearBE,
  format,
  abovePrevious,
}: {
  indicator: Pick<IndicatorWithTargets, "targets" | "unit" | "comparison">;
  fiscalYearBE: number;
  format: (value: number) => string;
  abovePrevious: string;
}) {
  const target = indicator.targets[fiscalYearBE];
  if (target === null || target === undefined) return <>{indicator.comparison === "above_previous" ? abovePrevious : "–"}</>;
  const value = format(target);
  if (indicator.unit === "percent") return <>{value}%</>;
  if (indicator.comparison === "at_least" && indicator.unit === "count") return <>≥ {value}</>;
  return <>{value}</>;
}

export const ErrorBoundary = RouteErrorBoundary;
