import { Form, Link } from "@remix-run/react";
import type { IdeaStage } from "../domain/idea-stages";
import { movesFrom } from "../domain/pipeline";
import { pipelineMessages } from "../i18n/catalogue/pipeline";
import { useI18n } from "../i18n/use-i18n";

export type BoardCardData = {
  id: number;
  title: string;
  stage: IdeaStage;
  voteCount: number;
  daysInStage: number;
  /** The authors' divisions when the idea was submitted, named in the reader's language. */
  divisionNames: string[];
};

/** The label of a move in a list of choices: a step back says so. */
export function useMoveLabel() {
  const { t } = useI18n(pipelineMessages);
  return (from: IdeaStage, to: IdeaStage) =>
    from === "committee_review" && to === "screening" ? t("pipeline.review.sendBack", { stage: t(`stage.${to}`) }) : t(`stage.${to}`);
}

/**
 * A card on the committee's board. Moving it is a small plain form (a select of the moves
 * the table allows the committee from this stage, and a button); a move that needs a reason,
 * an original or a project is finished on the review page.
 */
export function BoardCard({ card }: { card: BoardCardData }) {
  const { t } = useI18n(pipelineMessages);
  const moveLabel = useMoveLabel();
  const moves = movesFrom(card.stage, "committee");
  const systemMoves = movesFrom(card.stage, "system");
  const { divisionNames } = card;
  return (
    <article className="board-card">
      <h3>
        <Link to={`/committee/ideas/${card.id}`}>{card.title}</Link>
      </h3>
      <p className="board-card__meta">
        <span>#{card.id}</span>
        <span>{divisionNames.length > 0 ? divisionNames.join(", ") : t("pipeline.board.noDivision")}</span>
        <span>{t("pipeline.board.votes", { count: card.voteCount })}</span>
        <span>{t("pipeline.board.ageInStage", { days: card.daysInStage })}</span>
      </p>
      {moves.length > 0 ? (
        <Form method="post" className="board-card__move">
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="ideaId" value={card.id} />
          <input type="hidden" name="from" value={card.stage} />
          <label htmlFor={`move-${card.id}`} className="visually-hidden">
            {t("pipeline.board.moveTo", { title: card.title })}
          </label>
          <select id={`move-${card.id}`} name="to">
            {moves.map((rule) => (
              <option key={rule.to} value={rule.to}>
                {moveLabel(rule.from, rule.to)}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary">
            {t("pipeline.board.move")}
          </button>
        </Form>
      ) : systemMoves.length > 0 ? (
        <p className="muted board-card__note">{t("pipeline.board.systemMoves")}</p>
      ) : null}
    </article>
  );
}
