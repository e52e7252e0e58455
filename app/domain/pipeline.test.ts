import { describe, expect, it } from "vitest";
import { IDEA_STAGES, type IdeaStage } from "./idea-stages";
import {
  CLOSED_STAGES,
  PIPELINE_MOVES,
  checkMove,
  mayViewScoreSummary,
  movesFrom,
  parseMeetingCitation,
  summariseScores,
  type MoveCheckInput,
  type PipelineActor,
} from "./pipeline";

/**
 * The expectation for every (from, to) pair, written out by hand from PRODUCT.md §4 and the
 * decisions in pipeline.ts — NOT derived from PIPELINE_MOVES, so a change to the table that
 * nobody meant shows up here.
 *
 * Allowed:  C = committee, A = author, S = system; ":reason" / ":original" / ":project" = what it needs.
 * Refused:  same, skip, reverse, exit (exit from the wrong stage), withdraw (only before review), closed.
 */
const ORDER: readonly IdeaStage[] = [
  "submitted",
  "screening",
  "committee_review",
  "approved",
  "in_progress",
  "implemented",
  "not_adopted",
  "duplicate",
  "withdrawn",
];
// prettier-ignore
const EXPECTED: Record<IdeaStage, readonly string[]> = {
  //                  submitted   screening   committee_review approved     in_progress  implemented not_adopted  duplicate      withdrawn
  submitted:        ["same",     "C",        "skip",          "skip",      "skip",      "skip",     "exit",      "C:original",  "A"],
  screening:        ["reverse",  "same",     "C",             "skip",      "skip",      "skip",     "C:reason",  "C:original",  "withdraw"],
  committee_review: ["reverse",  "C:reason", "same",          "C:project", "skip",      "skip",     "C:reason",  "C:original",  "withdraw"],
  approved:         ["reverse",  "reverse",  "reverse",       "same",      "S",         "skip",     "exit",      "exit",        "withdraw"],
  in_progress:      ["reverse",  "reverse",  "reverse",       "reverse",   "same",      "S",        "exit",      "exit",        "withdraw"],
  implemented:      ["closed",   "closed",   "closed",        "closed",    "closed",    "same",     "closed",    "closed",      "closed"],
  not_adopted:      ["closed",   "closed",   "closed",        "closed",    "closed",    "closed",   "same",      "closed",      "closed"],
  duplicate:        ["closed",   "closed",   "closed",        "closed",    "closed",    "closed",   "closed",    "same",        "closed"],
  withdrawn:        ["closed",   "closed",   "closed",        "closed",    "closed",    "closed",   "closed",    "closed",      "same"],
};

const REFUSAL_PROBLEM: Record<string, string> = {
  same: "pipeline.error.sameStage",
  skip: "pipeline.error.skip",
  reverse: "pipeline.error.reverse",
  exit: "pipeline.error.exitNotHere",
  withdraw: "pipeline.error.withdrawOnlyBeforeReview",
  closed: "pipeline.error.closed",
};
const ACTOR_OF: Record<string, PipelineActor> = { C: "committee", A: "author", S: "system" };
const ACTORS: readonly PipelineActor[] = ["committee", "author", "system"];

const IDEA_ID = 10;
const ORIGINAL = { id: 20, stage: "screening" as IdeaStage };
/** Everything any move could need, so only the pair and the actor decide. */
const everything = { ideaId: IDEA_ID, reason: "เหตุผล", duplicateOfIdeaId: ORIGINAL.id, original: ORIGINAL, hasProject: true };

const pairs = ORDER.flatMap((from) => ORDER.map((to, column) => ({ from, to, expected: EXPECTED[from][column] })));

describe("the stage table", () => {
  it("covers the nine stages of the schema, each pair once", () => {
    expect([...ORDER].sort()).toEqual([...IDEA_STAGES].sort());
    expect(pairs).toHaveLength(81);
    const listed = PIPELINE_MOVES.map((rule) => `${rule.from}>${rule.to}`);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("lists exactly the pairs the expectation allows, with the same actor and requirement", () => {
    const fromTable = PIPELINE_MOVES.map((rule) => `${rule.from}>${rule.to}:${rule.by}:${rule.requires.join(",")}`).sort();
    const fromExpectation = pairs
      .filter((pair) => /^[CAS]/.test(pair.expected))
      .map((pair) => {
        const [actor, need] = pair.expected.split(":");
        const requirement = need === "original" ? "duplicateOf" : (need ?? "");
        return `${pair.from}>${pair.to}:${ACTOR_OF[actor]}:${requirement}`;
      })
      .sort();
    expect(fromTable).toEqual(fromExpectation);
  });

  it("closes the stages no move leaves", () => {
    expect([...CLOSED_STAGES].sort()).toEqual(["duplicate", "implemented", "not_adopted", "withdrawn"]);
  });

  it("lets the system make the two moves part 2 makes (a project starts, an innovation is delivered)", () => {
    expect(movesFrom("approved", "system").map((rule) => rule.to)).toEqual(["in_progress"]);
    expect(movesFrom("in_progress", "system").map((rule) => rule.to)).toEqual(["implemented"]);
    expect(movesFrom("approved", "committee")).toEqual([]);
  });
});

describe("checkMove for every pair of stages and every actor", () => {
  for (const { from, to, expected } of pairs) {
    for (const actor of ACTORS) {
      const title = `${from} → ${to} by ${actor}: ${expected}`;
      if (expected in REFUSAL_PROBLEM) {
        it(`${title} is refused, whatever is given`, () => {
          const result = checkMove({ from, to, actor, ...everything });
          expect(result).toMatchObject({ ok: false, problem: REFUSAL_PROBLEM[expected], from, to });
          if (expected === "skip") {
            // The message names the next step on the main line.
            const next = ORDER[ORDER.indexOf(from) + 1];
            expect(result).toMatchObject({ next });
          }
        });
        continue;
      }
      const [actorCode, need] = expected.split(":");
      const allowedActor = ACTOR_OF[actorCode];
      if (actor !== allowedActor) {
        it(`${title} is refused for ${actor}`, () => {
          const result = checkMove({ from, to, actor, ...everything });
          const problem =
            allowedActor === "committee"
              ? "pipeline.error.committeeOnly"
              : allowedActor === "author"
                ? "pipeline.error.authorOnly"
                : to === "in_progress"
                  ? "pipeline.error.startsWithProject"
                  : "pipeline.error.implementedByInnovation";
          expect(result).toMatchObject({ ok: false, problem });
        });
        continue;
      }
      it(`${title} is allowed with what it needs`, () => {
        expect(checkMove({ from, to, actor, ...everything })).toMatchObject({ ok: true, rule: { from, to, by: actor } });
      });
      it(`${title} without anything extra is ${need ? `refused for want of ${need}` : "allowed"}`, () => {
        const bare: MoveCheckInput = { from, to, actor, ideaId: IDEA_ID };
        const result = checkMove(bare);
        if (!need) expect(result.ok).toBe(true);
        if (need === "reason") expect(result).toMatchObject({ ok: false, problem: "pipeline.error.reasonRequired", field: "reason" });
        if (need === "original") expect(result).toMatchObject({ ok: false, problem: "pipeline.error.originalRequired", field: "duplicateOf" });
        if (need === "project") expect(result).toMatchObject({ ok: false, problem: "pipeline.error.projectRequired", field: "project" });
      });
    }
  }
});

describe("what a move needs", () => {
  it("a reason of only spaces is no reason; an over-long one is refused", () => {
    expect(checkMove({ from: "screening", to: "not_adopted", actor: "committee", reason: "   \n " })).toMatchObject({
      ok: false,
      problem: "pipeline.error.reasonRequired",
    });
    expect(checkMove({ from: "screening", to: "not_adopted", actor: "committee", reason: "ก".repeat(2001) })).toMatchObject({
      ok: false,
      problem: "pipeline.error.reasonTooLong",
    });
    // An optional reason may be given on any move, within the limit.
    expect(checkMove({ from: "submitted", to: "screening", actor: "committee", reason: "ผ่านเกณฑ์เบื้องต้น" }).ok).toBe(true);
  });

  const duplicate = (original: MoveCheckInput["original"], duplicateOfIdeaId: number | null = original?.id ?? 99) =>
    checkMove({ from: "screening", to: "duplicate", actor: "committee", ideaId: IDEA_ID, duplicateOfIdeaId, original });

  it("a duplicate needs an original that exists, is not itself, not withdrawn and not a duplicate", () => {
    expect(duplicate({ id: 20, stage: "approved" }).ok).toBe(true);
    expect(duplicate({ id: 20, stage: "implemented" }).ok).toBe(true);
    expect(duplicate({ id: 20, stage: "not_adopted" }).ok).toBe(true);
    expect(duplicate(undefined, null)).toMatchObject({ problem: "pipeline.error.originalRequired" });
    expect(duplicate(null, 99)).toMatchObject({ problem: "pipeline.error.originalUnknown" });
    expect(duplicate({ id: 21, stage: "screening" }, 20)).toMatchObject({ problem: "pipeline.error.originalUnknown" });
    expect(duplicate({ id: IDEA_ID, stage: "screening" })).toMatchObject({ problem: "pipeline.error.originalSelf" });
    expect(duplicate({ id: 20, stage: "withdrawn" })).toMatchObject({ problem: "pipeline.error.originalWithdrawn" });
    expect(duplicate({ id: 20, stage: "duplicate" })).toMatchObject({ problem: "pipeline.error.originalDuplicate" });
  });

  it("an unknown stage is refused", () => {
    expect(checkMove({ from: "draft" as IdeaStage, to: "screening", actor: "committee" })).toMatchObject({ problem: "pipeline.error.unknownStage" });
  });
});

describe("meeting citations", () => {
  const today = "2026-11-25";
  it("all empty is no citation", () => {
    expect(parseMeetingCitation({ number: " ", date: "", resolution: "" }, today)).toEqual({ ok: true, meeting: null });
  });
  it("needs a number and a real date not after today", () => {
    expect(parseMeetingCitation({ number: "ครั้งที่ 2/2568", date: "2025-06-10", resolution: " อนุมัติ " }, today)).toEqual({
      ok: true,
      meeting: { number: "ครั้งที่ 2/2568", date: "2025-06-10", resolution: "อนุมัติ" },
    });
    expect(parseMeetingCitation({ number: "", date: "", resolution: "มติ" }, today)).toEqual({
      ok: false,
      errors: { meetingNumber: "pipeline.meeting.numberRequired", meetingDate: "pipeline.meeting.dateRequired" },
    });
    expect(parseMeetingCitation({ number: "1/2569", date: "2026-02-30", resolution: "" }, today)).toMatchObject({
      errors: { meetingDate: "pipeline.meeting.dateInvalid" },
    });
    expect(parseMeetingCitation({ number: "1/2569", date: "2569-06-10", resolution: "" }, today)).toMatchObject({
      errors: { meetingDate: "error.buddhistEraYear" },
    });
    expect(parseMeetingCitation({ number: "1/2569", date: "2026-11-26", resolution: "" }, today)).toMatchObject({
      errors: { meetingDate: "pipeline.meeting.dateFuture" },
    });
    expect(parseMeetingCitation({ number: "1/2569", date: today, resolution: "" }, today).ok).toBe(true);
  });
});

describe("score summary", () => {
  it("gives the mean and the range per criterion and over members", () => {
    const entries = [
      { criterionId: 1, personId: 100, score: 5 },
      { criterionId: 2, personId: 100, score: 3 },
      { criterionId: 1, personId: 200, score: 2 },
      { criterionId: 2, personId: 200, score: 2 },
      { criterionId: 9, personId: 300, score: 1 }, // a criterion not asked for is ignored
    ];
    expect(summariseScores(entries, [1, 2, 3])).toEqual({
      criteria: [
        { criterionId: 1, spread: { count: 2, mean: 3.5, min: 2, max: 5 } },
        { criterionId: 2, spread: { count: 2, mean: 2.5, min: 2, max: 3 } },
        { criterionId: 3, spread: null },
      ],
      overall: { count: 2, mean: 3, min: 2, max: 4 },
    });
    expect(summariseScores([], [1])).toEqual({ criteria: [{ criterionId: 1, spread: null }], overall: null });
  });

  it("is shown to the committee and executives, and to authors once decided", () => {
    for (const stage of IDEA_STAGES) {
      expect(mayViewScoreSummary({ roles: ["staff", "committee"], isAuthor: false }, stage)).toBe(true);
      expect(mayViewScoreSummary({ roles: ["staff", "executive"], isAuthor: false }, stage)).toBe(true);
      expect(mayViewScoreSummary({ roles: ["staff", "hr", "director", "admin"], isAuthor: false }, stage)).toBe(false);
      expect(mayViewScoreSummary({ roles: ["staff"], isAuthor: true }, stage)).toBe(
        ["approved", "in_progress", "implemented", "not_adopted"].includes(stage),
      );
    }
  });
});
