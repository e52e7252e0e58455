import type { IdeaStage } from "../domain/idea-stages";
import { useI18n } from "../i18n/use-i18n";

export function StageBadge({ stage }: { stage: IdeaStage }) {
  const { t } = useI18n();
  return <span className={`stage stage--${stage}`}>{t(`stage.${stage}`)}</span>;
}
