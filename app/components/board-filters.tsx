import { Form, Link } from "@remix-run/react";
import { IDEA_STAGES } from "../domain/idea-stages";
import { FilterSelect } from "./forms";
import { pipelineMessages } from "../i18n/catalogue/pipeline";
import { pipelineBoardMessages } from "../i18n/catalogue/pipeline-board";
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
  const { t, fiscalYear } = useI18n(pipelineMessages, pipelineBoardMessages);
  return (
    <Form method="get" className="card" role="search" aria-label={t("pipeline.filters.apply")}>
      <div className="filters">
        {withStage ? (
          <FilterSelect id="filter-stage" name="stage" label={t("pipeline.filters.stage")} value={query.stage} anyLabel={t("pipeline.filters.any")} options={IDEA_STAGES.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))} />
        ) : null}
        <FilterSelect id="filter-plan" name="plan" label={t("pipeline.filters.plan")} value={query.plan} anyLabel={t("pipeline.filters.any")} options={options.plans.map((plan) => ({ value: plan.id, label: plan.label }))} />
        <FilterSelect id="filter-division" name="division" label={t("pipeline.filters.division")} value={query.division} anyLabel={t("pipeline.filters.any")} options={options.divisions.map((division) => ({ value: division.id, label: division.name }))} />
        <FilterSelect id="filter-fy" name="fy" label={t("pipeline.filters.fiscalYear")} value={query.fy} anyLabel={t("pipeline.filters.any")} options={options.fiscalYears.map((year) => ({ value: year, label: fiscalYear(year) }))} />
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
  const { t } = useI18n(pipelineMessages, pipelineBoardMessages);
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
