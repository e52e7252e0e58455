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

/**
 * Why the author may no longer edit or withdraw the idea, or null while they still may (only
 * until the committee starts reviewing it): "withdrawn" when they withdrew it, "locked" once the
 * committee has it (screening onwards, or a committee exit: not adopted, duplicate).
 */
export type AuthorLock = "locked" | "withdrawn";
export function authorLock(stage: IdeaStage): AuthorLock | null {
  if (stage === "submitted") return null;
  return stage === "withdrawn" ? "withdrawn" : "locked";
}

/** The author may edit or withdraw only until the committee starts reviewing (screening). */
export function authorMayChange(stage: IdeaStage): boolean {
  return authorLock(stage) === null;
}

/** Votes and comments are open while an idea is alive (not withdrawn, not folded into another). */
export function isOpenForVotes(stage: IdeaStage): boolean {
  return stage !== "withdrawn" && stage !== "duplicate";
}
