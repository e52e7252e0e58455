import type { IdeaStage } from "../domain/idea-stages";
import { pipelineMessages } from "../i18n/catalogue/pipeline";
import type { Translate } from "../i18n/messages.server";
import { useI18n } from "../i18n/use-i18n";

/** The label of a move in a list of choices: a step back says so. */
export function useMoveLabel() {
  const { t } = useI18n(pipelineMessages);
  return (from: IdeaStage, to: IdeaStage) => moveLabel(t, from, to);
}

/** `t` must know the pipeline's messages (and core's, which hold the stage names). */
export function moveLabel(t: Translate, from: IdeaStage, to: IdeaStage): string {
  return from === "committee_review" && to === "screening" ? t("pipeline.review.sendBack", { stage: t(`stage.${to}`) }) : t(`stage.${to}`);
}
