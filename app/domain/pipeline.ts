/**
 * The committee pipeline (PRODUCT.md §4): THE table of stage moves, in one place, as data.
 *
 * A move is allowed only if its (from, to) pair is listed below, made by the actor listed, with
 * what it requires. Anything else is refused with a message saying why: a skip, a reversal, a
 * move out of a closed idea, an exit from the wrong stage, or the wrong actor.
 *
 * Decisions where the contract was silent:
 * - One step back is allowed: committee review → screening ("sent back for more information"),
 *   by the committee, with a reason. No other reversal: a decided idea stays decided.
 * - approved → in_progress and in_progress → implemented are made by the system (a project
 *   starts; its first innovation is delivered), never by hand, so the stage always matches the
 *   project's record.
 * - Every committee move may cite its meeting (number, date, resolution); none requires it.
 */
import type { MessageKey } from "../i18n/messages.server";
import { isoDateProblem } from "./calendar-date";
import { EXITS, IDEA_STAGES, MAIN_LINE, type IdeaStage } from "./idea-stages";

export type PipelineActor = "committee" | "author" | "system";
export type MoveRequirement = "reason" | "duplicateOf" | "project";
export type MoveKind = "forward" | "back" | "exit";

export type MoveRule = {
  from: IdeaStage;
  to: IdeaStage;
  by: PipelineActor;
  requires: readonly MoveRequirement[];
  kind: MoveKind;
};

/** Every allowed move. A pair not listed here is refused. */
export const PIPELINE_MOVES: readonly MoveRule[] = [
  // The main line, one step at a time.
  { from: "submitted", to: "screening", by: "committee", requires: [], kind: "forward" },
  { from: "screening", to: "committee_review", by: "committee", requires: [], kind: "forward" },
  { from: "committee_review", to: "approved", by: "committee", requires: ["project"], kind: "forward" },
  { from: "approved", to: "in_progress", by: "system", requires: [], kind: "forward" },
  { from: "in_progress", to: "implemented", by: "system", requires: [], kind: "forward" },
  // Sent back for more information.
  { from: "committee_review", to: "screening", by: "committee", requires: ["reason"], kind: "back" },
  // Exits.
  { from: "screening", to: "not_adopted", by: "committee", requires: ["reason"], kind: "exit" },
  { from: "committee_review", to: "not_adopted", by: "committee", requires: ["reason"], kind: "exit" },
  { from: "submitted", to: "duplicate", by: "committee", requires: ["duplicateOf"], kind: "exit" },
  { from: "screening", to: "duplicate", by: "committee", requires: ["duplicateOf"], kind: "exit" },
  { from: "committee_review", to: "duplicate", by: "committee", requires: ["duplicateOf"], kind: "exit" },
  { from: "submitted", to: "withdrawn", by: "author", requires: [], kind: "exit" },
];

/** Stages no move leaves: the idea's story has ended. */
export const CLOSED_STAGES: readonly IdeaStage[] = IDEA_STAGES.filter((stage) => !PIPELINE_MOVES.some((rule) => rule.from === stage));

/** Stages after which the committee has decided (scores' summary may be shown to the authors). */
export const DECIDED_STAGES: readonly IdeaStage[] = ["approved", "in_progress", "implemented", "not_adopted"];

/** Stages in which committee members may score an idea. */
export const SCORING_STAGES: readonly IdeaStage[] = ["screening", "committee_review"];

export const REASON_MAX_LENGTH = 2000;

export function ruleFor(from: IdeaStage, to: IdeaStage): MoveRule | undefined {
  return PIPELINE_MOVES.find((rule) => rule.from === from && rule.to === to);
}

/** The moves `actor` may make from `from`, in the table's order. */
export function movesFrom(from: IdeaStage, actor: PipelineActor): MoveRule[] {
  return PIPELINE_MOVES.filter((rule) => rule.from === from && rule.by === actor);
}

export type MoveCheckInput = {
  from: IdeaStage;
  to: IdeaStage;
  actor: PipelineActor;
  reason?: string | null;
  /** The idea being moved (a duplicate cannot point at itself). */
  ideaId?: number;
  duplicateOfIdeaId?: number | null;
  /** The original as found in the database (null: no such idea); omitted: not looked up. */
  original?: { id: number; stage: IdeaStage } | null;
  /** A project is given (created or linked) with an approval. */
  hasProject?: boolean;
};

export type MoveProblemField = "reason" | "duplicateOf" | "project";

export type MoveRefusal = {
  ok: false;
  problem: MessageKey;
  /** The form field the problem belongs to, if any (shown beside it). */
  field?: MoveProblemField;
  from: IdeaStage;
  to: IdeaStage;
  /** For a skip: the step that must come first. */
  next?: IdeaStage;
};

export type MoveCheck = { ok: true; rule: MoveRule } | MoveRefusal;

/** Whether `actor` may move an idea from `from` to `to` with what is given; pure. */
export function checkMove(input: MoveCheckInput): MoveCheck {
  const { from, to, actor } = input;
  const refuse = (problem: MessageKey, extra: { field?: MoveProblemField; next?: IdeaStage } = {}): MoveRefusal => ({
    ok: false,
    problem,
    from,
    to,
    ...extra,
  });
  if (!IDEA_STAGES.includes(from) || !IDEA_STAGES.includes(to)) return refuse("pipeline.error.unknownStage");
  const rule = ruleFor(from, to);
  if (!rule) return refuseUnlisted(from, to, refuse);
  if (rule.by !== actor) {
    if (rule.by === "committee") return refuse("pipeline.error.committeeOnly");
    if (rule.by === "author") return refuse("pipeline.error.authorOnly");
    return refuse(to === "in_progress" ? "pipeline.error.startsWithProject" : "pipeline.error.implementedByInnovation");
  }
  if (rule.requires.includes("reason") && !(input.reason ?? "").trim()) return refuse("pipeline.error.reasonRequired", { field: "reason" });
  if ((input.reason ?? "").length > REASON_MAX_LENGTH) return refuse("pipeline.error.reasonTooLong", { field: "reason" });
  if (rule.requires.includes("duplicateOf")) {
    const originalId = input.duplicateOfIdeaId ?? null;
    if (originalId === null) return refuse("pipeline.error.originalRequired", { field: "duplicateOf" });
    if (input.ideaId !== undefined && originalId === input.ideaId) return refuse("pipeline.error.originalSelf", { field: "duplicateOf" });
    if (input.original !== undefined) {
      if (input.original === null || input.original.id !== originalId) return refuse("pipeline.error.originalUnknown", { field: "duplicateOf" });
      if (input.original.stage === "withdrawn") return refuse("pipeline.error.originalWithdrawn", { field: "duplicateOf" });
      if (input.original.stage === "duplicate") return refuse("pipeline.error.originalDuplicate", { field: "duplicateOf" });
    }
  }
  if (rule.requires.includes("project") && !input.hasProject) return refuse("pipeline.error.projectRequired", { field: "project" });
  return { ok: true, rule };
}

/** Why a pair that the table does not list is refused. */
function refuseUnlisted(
  from: IdeaStage,
  to: IdeaStage,
  refuse: (problem: MessageKey, extra?: { next?: IdeaStage }) => MoveRefusal,
): MoveRefusal {
  if (from === to) return refuse("pipeline.error.sameStage");
  if (CLOSED_STAGES.includes(from)) return refuse("pipeline.error.closed");
  const fromIndex = MAIN_LINE.indexOf(from);
  const toIndex = MAIN_LINE.indexOf(to);
  if (fromIndex >= 0 && toIndex > fromIndex) return refuse("pipeline.error.skip", { next: MAIN_LINE[fromIndex + 1] });
  if (fromIndex >= 0 && toIndex >= 0) return refuse("pipeline.error.reverse");
  if (to === "withdrawn") return refuse("pipeline.error.withdrawOnlyBeforeReview");
  if (EXITS.includes(to)) return refuse("pipeline.error.exitNotHere");
  return refuse("pipeline.error.reverse");
}

// ---------------------------------------------------------------------------
// Meeting citations

export type MeetingCitation = { number: string; date: string; resolution: string };
export type MeetingFieldErrors = Partial<Record<"meetingNumber" | "meetingDate" | "meetingResolution", MessageKey>>;

export const MEETING_LIMITS = { numberMax: 50, resolutionMax: 2000 } as const;

/**
 * A meeting citation from a form: all empty means none; otherwise the number and date are
 * required, the date a real day not after today (ISO, `today` in the organisation's zone).
 */
export function parseMeetingCitation(
  values: { number: string; date: string; resolution: string },
  today: string,
): { ok: true; meeting: MeetingCitation | null } | { ok: false; errors: MeetingFieldErrors } {
  const number = values.number.normalize("NFC").trim();
  const date = values.date.trim();
  const resolution = values.resolution.normalize("NFC").trim();
  if (!number && !date && !resolution) return { ok: true, meeting: null };
  const errors: MeetingFieldErrors = {};
  if (!number) errors.meetingNumber = "pipeline.meeting.numberRequired";
  else if (number.length > MEETING_LIMITS.numberMax) errors.meetingNumber = "pipeline.error.tooLong";
  if (!date) errors.meetingDate = "pipeline.meeting.dateRequired";
  else if (isoDateProblem(date) === "buddhistEraYear") errors.meetingDate = "error.buddhistEraYear";
  else if (isoDateProblem(date) !== null) errors.meetingDate = "pipeline.meeting.dateInvalid";
  else if (date > today) errors.meetingDate = "pipeline.meeting.dateFuture";
  if (resolution.length > MEETING_LIMITS.resolutionMax) errors.meetingResolution = "pipeline.error.tooLong";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, meeting: { number, date, resolution } };
}

// ---------------------------------------------------------------------------
// Scores

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

export type ScoreEntry = { criterionId: number; personId: number; score: number };
export type Spread = { count: number; mean: number; min: number; max: number };
export type ScoreSummary = {
  /** Per criterion, in the order given; null when nobody scored it. */
  criteria: { criterionId: number; spread: Spread | null }[];
  /** Over members: each member's mean over the criteria they scored; null when nobody scored. */
  overall: Spread | null;
};

function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sum = values.reduce((total, value) => total + value, 0);
  return { count: values.length, mean: sum / values.length, min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Mean and spread (lowest–highest) of the committee's scores, per criterion and overall. The
 * spread is shown as a range rather than a standard deviation: with four or five members a
 * range says plainly how far apart they are.
 */
export function summariseScores(entries: readonly ScoreEntry[], criterionIds: readonly number[]): ScoreSummary {
  const criteria = criterionIds.map((criterionId) => ({
    criterionId,
    spread: spreadOf(entries.filter((entry) => entry.criterionId === criterionId).map((entry) => entry.score)),
  }));
  const counted = entries.filter((entry) => criterionIds.includes(entry.criterionId));
  const people = [...new Set(counted.map((entry) => entry.personId))];
  const memberMeans = people.map((personId) => spreadOf(counted.filter((entry) => entry.personId === personId).map((entry) => entry.score))!.mean);
  return { criteria, overall: spreadOf(memberMeans) };
}

/**
 * Who sees an idea's mean and spread: the committee and executives always; the idea's authors
 * once the committee has decided (so a score cannot sway them mid-review). Each member's own
 * scores are for the committee only.
 */
export function mayViewScoreSummary(viewer: { roles: readonly string[]; isAuthor: boolean }, stage: IdeaStage): boolean {
  if (viewer.roles.includes("committee") || viewer.roles.includes("executive")) return true;
  return viewer.isAuthor && DECIDED_STAGES.includes(stage);
}
