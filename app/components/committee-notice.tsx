import type { IdeaStage } from "../domain/idea-stages";
import { recordedByName } from "../domain/person-name";
import type { MessageKey } from "../i18n/messages.server";
import { pipelineMessages } from "../i18n/catalogue/pipeline";
import { useI18n } from "../i18n/use-i18n";
import { FormNotice } from "./forms";

/** A refused move as a loader or action returns it (message key and the stages it names). */
export type MoveProblem = {
  problem: MessageKey;
  from?: IdeaStage;
  to?: IdeaStage;
  next?: IdeaStage;
  currentStage?: IdeaStage;
  movedBy?: string | null;
  movedByEn?: string | null;
};

/** The message of a refused move, with its stages and the mover's name filled in. */
export function useMoveProblemText() {
  const { t, locale } = useI18n(pipelineMessages);
  return (problem: MoveProblem) =>
    t(problem.problem, {
      from: problem.from ? t(`stage.${problem.from}`) : "",
      to: problem.to ? t(`stage.${problem.to}`) : "",
      next: problem.next ? t(`stage.${problem.next}`) : "",
      name: recordedByName({ byNameTh: problem.movedBy ?? null, byNameEn: problem.movedByEn }, locale) ?? t("pipeline.system"),
      stage: problem.currentStage ? t(`stage.${problem.currentStage}`) : "",
    });
}

/** A refused move, said plainly; when someone else moved the idea first, where it is now. */
export function MoveProblemNotice({ problem, showTypedHint, subject }: { problem: MoveProblem; showTypedHint?: boolean; subject?: string }) {
  const { t } = useI18n(pipelineMessages);
  const text = useMoveProblemText();
  return (
    <FormNotice tone="error">
      {subject ? <p className="notice__line">{subject}</p> : null}
      <p className="notice__line">{text(problem)}</p>
      {problem.problem === "pipeline.error.movedByOther" && problem.currentStage && showTypedHint ? (
        <p className="notice__line">{t("pipeline.error.movedByOtherHint", { stage: t(`stage.${problem.currentStage}`) })}</p>
      ) : null}
    </FormNotice>
  );
}
