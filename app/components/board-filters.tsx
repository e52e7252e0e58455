import { Form, Link } from "@remix-run/react";
import { IDEA_STAGES } from "../domain/idea-stages";
import { useI18n } from "../i18n/use-i18n";

export type BoardFilterOptions = {
  plans: { id: number; label: string }[];
  divisions: { id: number; name: string }[];
  fiscalYears: number[];
};

/** The committee's filters as a plain GET form (works without JavaScript). */
export function BoardFilters({
  query,
  options,
  withStage,
  clearTo,
}: {
  query: { plan: string; division: string; fy: string; stage: string };
  options: BoardFilterOptions;
  withStage?: boolean;
  clearTo: string;
}) {
  const { t, fiscalYear } = useI18n();
  return (
    <Form method="get" className="card" role="search" aria-label={t("pipeline.filters.apply")}>
      <div className="filters">
        {withStage ? (
          <div className="field">
            <label htmlFor="filter-stage">{t("pipeline.filters.stage")}</label>
            <select id="filter-stage" name="stage" defaultValue={query.stage}>
              <option value="">{t("pipeline.filters.any")}</option>
              {IDEA_STAGES.map((stage) => (
                <option key={stage} value={stage}>
                  {t(`stage.${stage}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="filter-plan">{t("pipeline.filters.plan")}</label>
          <select id="filter-plan" name="plan" defaultValue={query.plan}>
            <option value="">{t("pipeline.filters.any")}</option>
            {options.plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-division">{t("pipeline.filters.division")}</label>
          <select id="filter-division" name="division" defaultValue={query.division}>
            <option value="">{t("pipeline.filters.any")}</option>
            {options.divisions.map((division) => (
              <option key={division.id} value={division.id}>
                {division.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-fy">{t("pipeline.filters.fiscalYear")}</label>
          <select id="filter-fy" name="fy" defaultValue={query.fy}>
            <option value="">{t("pipeline.filters.any")}</option>
            {options.fiscalYears.map((year) => (
              <option key={year} value={year}>
                {fiscalYear(year)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="actions">
        <button type="submit">{t("pipeline.filters.apply")}</button>
        <Link to={clearTo}>{t("pipeline.filters.clear")}</Link>
      </div>
    </Form>
  );
}

/** Board or table: two links, the current one marked. */
export function BoardViewSwitch({ current, search }: { current: "board" | "list"; search: string }) {
  const { t } = useI18n();
  return (
    <nav className="view-switch" aria-label={t("pipeline.board.view")}>
      <Link to={`/committee${search}`} aria-current={current === "board" ? "page" : undefined}>
        {t("pipeline.board.viewBoard")}
      </Link>
      <Link to={`/committee/list${search}`} aria-current={current === "list" ? "page" : undefined}>
        {t("pipeline.board.viewList")}
      </Link>
    </nav>
  );
}
