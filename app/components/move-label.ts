import type { IdeaStage } from "../domain/idea-stages";
import { pipelineMessages } from "../i18n/catalogue/pipeline";
import { useI18n } from "../i18n/use-i18n";

/** A `t` that knows the pipeline's messages (and core's, which hold the stage names). */
export type PipelineTranslate = ReturnType<typeof useI18n>["t"];

/** The label of a move in a list of choices: a step back says so. */
export function useMoveLabel() {
  const { t } = useI18n(pipelineMessages);
  return (from: IdeaStage, to: IdeaStage) => moveLabel(t, from, to);
}

export function moveLabel(t: PipelineTranslate, from: IdeaStage, to: IdeaStage): string {
  return from === "committee_review" && to === "screening" ? t("pipeline.review.sendBack", { stage: t(`stage.${to}`) }) : t(`stage.${to}`);
}
