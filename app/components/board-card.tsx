import { useMemo } from "react";
import { IDEA_STAGES, type IdeaStage } from "../domain/idea-stages";
import { movesFrom } from "../domain/pipeline";
import { pipelineMessages } from "../i18n/catalogue/pipeline";
import { pipelineBoardMessages } from "../i18n/catalogue/pipeline-board";
import type { Translate } from "../i18n/messages.server";
import { useI18n } from "../i18n/use-i18n";
import { moveLabel } from "./move-label";

export type BoardCardData = {
  id: number;
  title: string;
  stage: IdeaStage;
  voteCount: number;
  daysInStage: number;
  /** The authors' divisions when the idea was submitted, named in the reader's language. */
  divisionNames: string[];
};

/** What every card on a board shares: the messages, and each stage's move choices, worked out once per page. */
export type BoardCardText = {
  t: Translate;
  /** The moves the committee may make from a stage, labelled; null when only the system moves it; [] when none. */
  movesFrom: (stage: IdeaStage) => { to: IdeaStage; label: string }[] | null;
};

/**
 * The board's card text, made once for all its cards: a board renders over a hundred cards, and
 * looking the same messages and moves up per card was a measurable share of its server time.
 */
export function useBoardCardText(): BoardCardText {
  const { t } = useI18n(pipelineMessages, pipelineBoardMessages);
  return useMemo(() => {
    const choices = {} as Record<IdeaStage, ReturnType<typeof labelledCommitteeMoves>>;
    for (const stage of IDEA_STAGES) choices[stage] = labelledCommitteeMoves(t, stage);
    return { t, movesFrom: (stage) => choices[stage] };
  }, [t]);
}

function labelledCommitteeMoves(t: Translate, stage: IdeaStage): { to: IdeaStage; label: string }[] | null {
  const moves = movesFrom(stage, "committee");
  if (moves.length > 0) return moves.map((rule) => ({ to: rule.to, label: moveLabel(t, rule.from, rule.to) }));
  return movesFrom(stage, "system").length > 0 ? null : [];
}

/**
 * A card on the committee's board. Moving it is a small plain form (a select of the moves
 * the table allows the committee from this stage, and a button); a move that needs a reason,
 * an original or a project is finished on the review page.
 * The link and the form are plain elements, routed in the browser by the body's useDelegatedLinks
 * and the board's useDelegatedForms (a `<Link>` and a `<Form>` per card cost a quarter of the
 * page's server time).
 * `moveAction` is the form's full action: the board's address with its filters and `index`.
 */
export function BoardCard({ card, moveAction, text }: { card: BoardCardData; moveAction: string; text: BoardCardText }) {
  const { t } = text;
  const moves = text.movesFrom(card.stage);
  const { divisionNames } = card;
  return (
    <article className="board-card">
      <h3>
        <a href={`/committee/ideas/${card.id}`} data-discover="true">
          {card.title}
        </a>
      </h3>
      <p className="board-card__meta">
        <span>#{card.id}</span>
        <span>{divisionNames.length > 0 ? divisionNames.join(", ") : t("pipeline.board.noDivision")}</span>
        <span>{t("pipeline.board.votes", { count: card.voteCount })}</span>
        <span>{t("pipeline.board.ageInStage", { days: card.daysInStage })}</span>
      </p>
      {moves === null ? (
        <p className="muted board-card__note">{t("pipeline.board.systemMoves")}</p>
      ) : moves.length > 0 ? (
        <form method="post" action={moveAction} className="board-card__move" data-discover="true">
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="ideaId" value={card.id} />
          <input type="hidden" name="from" value={card.stage} />
          <label htmlFor={`move-${card.id}`} className="visually-hidden">
            {t("pipeline.board.moveTo", { title: card.title })}
          </label>
          <select id={`move-${card.id}`} name="to">
            {moves.map((move) => (
              <option key={move.to} value={move.to}>
                {move.label}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary">
            {t("pipeline.board.move")}
          </button>
        </form>
      ) : null}
    </article>
  );
}
