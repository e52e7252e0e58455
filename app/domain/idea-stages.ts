/**
 * Stages of an idea (PRODUCT.md §4): the main line submitted → … → implemented, and the
 * exits. The committee's move table comes with the pipeline; here are the rules staff meet.
 */
export const IDEA_STAGES = [
  "submitted",
  "screening",
  "committee_review",
  "approved",
  "in_progress",
  "implemented",
  "not_adopted",
  "duplicate",
  "withdrawn",
] as const;
export type IdeaStage = (typeof IDEA_STAGES)[number];

export const MAIN_LINE: readonly IdeaStage[] = ["submitted", "screening", "committee_review", "approved", "in_progress", "implemented"];
export const EXITS: readonly IdeaStage[] = ["not_adopted", "duplicate", "withdrawn"];

export function isIdeaStage(value: unknown): value is IdeaStage {
  return typeof value === "string" && (IDEA_STAGES as readonly string[]).includes(value);
}

/** The author may edit or withdraw only until the committee starts reviewing (screening). */
export function authorMayChange(stage: IdeaStage): boolean {
  return stage === "submitted";
}

/** Votes and comments are open while an idea is alive (not withdrawn, not folded into another). */
export function isOpenForVotes(stage: IdeaStage): boolean {
  return stage !== "withdrawn" && stage !== "duplicate";
}
