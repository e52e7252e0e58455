import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { THAI_FISCAL_CALENDAR, fiscalYearBounds } from "./fiscal-year";
import {
  computeParticipation,
  participantsNeeded,
  participationWindow,
  projectedPercentAtYearEnd,
  summariseParticipationRows,
  type ParticipationData,
} from "./participation";
import { DEFAULT_PARTICIPATION_RULE, type ParticipationRule } from "./participation-rule";

const FY = 2569; // 1 Oct 2025 – 30 Sep 2026 (Bangkok)
const person = (personId: number, start: string, end: string | null = null, categoryCode = "civil_servant") => ({
  personId,
  categoryCode,
  employment: [{ start, end }],
});
const idea = (ideaId: number, submittedAt: string, authorPersonIds: number[], stage: ParticipationData["ideas"][number]["stage"] = "submitted", rejectedAtScreening = false) => ({
  ideaId,
  submittedAt: new Date(submittedAt),
  stage,
  rejectedAtScreening,
  authorPersonIds,
});
const empty: ParticipationData = { people: [], ideas: [], comments: [], trainingAttendance: [] };
const compute = (data: Partial<ParticipationData>, rule: ParticipationRule = DEFAULT_PARTICIPATION_RULE, fy = FY) =>
  computeParticipation({ ...empty, ...data }, fy, rule, THAI_FISCAL_CALENDAR);

describe("participation (LG1), hand-worked examples", () => {
  it("counts a person on a team idea once, and every author of it", () => {
    const result = compute({
      people: [person(1, "2015-01-01"), person(2, "2015-01-01"), person(3, "2015-01-01"), person(4, "2015-01-01")],
      ideas: [idea(10, "2026-01-10T10:00:00+07:00", [1, 2]), idea(11, "2026-02-10T10:00:00+07:00", [1])],
    });
    expect(result.participantIds).toEqual([1, 2]);
    expect([result.numerator, result.denominator, result.percent]).toEqual([2, 4, 50]);
    expect(result.contributions.get(1)?.ideaIds).toEqual([10, 11]);
  });

  it("leaves out of the population someone who left before the year began, keeps someone who left during it", () => {
    const result = compute({
      people: [person(1, "2015-01-01", "2025-09-30"), person(2, "2015-01-01", "2025-10-01"), person(3, "2026-09-30")],
    });
    expect(result.populationIds).toEqual([2, 3]);
  });

  it("does not count a withdrawn idea, nor one rejected at screening when the rule says so", () => {
    const people = [person(1, "2015-01-01"), person(2, "2015-01-01"), person(3, "2015-01-01")];
    const ideas = [
      idea(10, "2026-01-10T10:00:00+07:00", [1], "withdrawn"),
      idea(11, "2026-01-10T10:00:00+07:00", [2], "not_adopted", true),
      idea(12, "2026-01-10T10:00:00+07:00", [3], "not_adopted", false),
    ];
    expect(compute({ people, ideas }).participantIds).toEqual([3]);
    expect(compute({ people, ideas }, { ...DEFAULT_PARTICIPATION_RULE, excludeRejectedAtScreening: false }).participantIds).toEqual([2, 3]);
  });

  it("puts 30 Sep 23:59 Bangkok in that year and 1 Oct 00:00 in the next", () => {
    const people = [person(1, "2015-01-01"), person(2, "2015-01-01")];
    const ideas = [idea(10, "2026-09-30T23:59:00+07:00", [1]), idea(11, "2026-10-01T00:00:00+07:00", [2])];
    expect(compute({ people, ideas }, DEFAULT_PARTICIPATION_RULE, 2569).participantIds).toEqual([1]);
    expect(compute({ people, ideas }, DEFAULT_PARTICIPATION_RULE, 2570).participantIds).toEqual([2]);
  });

  it("counts comments and training only when the year's rule turns them on, but always reports them", () => {
    const data = {
      people: [person(1, "2015-01-01"), person(2, "2015-01-01")],
      comments: [{ personId: 1, createdAt: new Date("2026-03-01T09:00:00+07:00") }],
      trainingAttendance: [{ personId: 2, sessionStartDate: "2026-04-01" }],
    };
    const off = compute(data);
    expect(off.participantIds).toEqual([]);
    expect(off.contributorsByKind).toEqual({ ideas: 0, comments: 1, training: 1 });
    expect(compute(data, { ...DEFAULT_PARTICIPATION_RULE, countComments: true }).participantIds).toEqual([1]);
    expect(compute(data, { ...DEFAULT_PARTICIPATION_RULE, countTrainingAttendance: true }).participantIds).toEqual([2]);
  });

  it("limits the population to the counted staff categories", () => {
    const result = compute(
      {
        people: [person(1, "2015-01-01", null, "civil_servant"), person(2, "2015-01-01", null, "general_employee")],
        ideas: [idea(10, "2026-01-10T10:00:00+07:00", [1, 2])],
      },
      { ...DEFAULT_PARTICIPATION_RULE, countedCategoryCodes: ["civil_servant"] },
    );
    expect([result.numerator, result.denominator]).toEqual([1, 1]);
  });

  it("never counts an author who is outside the population", () => {
    const result = compute({ people: [person(1, "2015-01-01", "2020-01-01")], ideas: [idea(10, "2026-01-10T10:00:00+07:00", [1, 99])] });
    expect([result.numerator, result.denominator, result.percent]).toEqual([0, 0, null]);
  });
});

describe("participation, properties", () => {
  const dataArbitrary = fc.record({
    people: fc.array(
      fc.record({
        personId: fc.integer({ min: 1, max: 30 }),
        categoryCode: fc.constantFrom("civil_servant", "general_employee"),
        employment: fc.array(
          fc.tuple(fc.date({ min: new Date("2024-01-01"), max: new Date("2027-12-31"), noInvalidDate: true }), fc.option(fc.integer({ min: 0, max: 900 }))).map(([start, days]) => {
            const startIso = start.toISOString().slice(0, 10);
            const end = days === null ? null : new Date(start.getTime() + days * 86_400_000).toISOString().slice(0, 10);
            return { start: startIso, end };
          }),
          { minLength: 1, maxLength: 2 },
        ),
      }),
      { maxLength: 30 },
    ),
    ideas: fc.array(
      fc.record({
        ideaId: fc.nat(),
        submittedAt: fc.date({ min: new Date("2025-06-01"), max: new Date("2027-01-31"), noInvalidDate: true }),
        stage: fc.constantFrom("submitted", "screening", "not_adopted", "withdrawn", "implemented", "duplicate"),
        rejectedAtScreening: fc.boolean(),
        authorPersonIds: fc.array(fc.integer({ min: 1, max: 35 }), { minLength: 1, maxLength: 3 }),
      }),
      { maxLength: 40 },
    ),
    comments: fc.constant([]),
    trainingAttendance: fc.constant([]),
  }) as fc.Arbitrary<ParticipationData>;

  it("is a share of the population: 0 ≤ numerator ≤ denominator, participants ⊆ population", () => {
    fc.assert(
      fc.property(dataArbitrary, fc.constantFrom(2568, 2569, 2570), (data, fy) => {
        const result = compute(data, DEFAULT_PARTICIPATION_RULE, fy);
        expect(result.numerator).toBeLessThanOrEqual(result.denominator);
        expect(result.participantIds.every((id) => result.populationIds.includes(id))).toBe(true);
        if (result.percent !== null) expect(result.percent).toBeCloseTo((result.numerator / result.denominator) * 100);
      }),
    );
  });

  it("never goes down when an idea is added", () => {
    fc.assert(
      fc.property(dataArbitrary, fc.integer({ min: 1, max: 30 }), (data, authorId) => {
        const before = compute(data).numerator;
        const after = compute({ ...data, ideas: [...data.ideas, idea(999_999, "2026-05-05T10:00:00+07:00", [authorId])] }).numerator;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});

describe("the running year", () => {
  it("says how many more participants reach the target", () => {
    expect(participantsNeeded(80, 5, 35)).toBe(23); // 80% of 35 = 28
    expect(participantsNeeded(40, 20, 35)).toBe(0);
    expect(participantsNeeded(70, 0, 10)).toBe(7);
  });
  it("projects the current pace to the year's end", () => {
    const bounds = fiscalYearBounds(2570, THAI_FISCAL_CALENDAR);
    const quarterIn = new Date(bounds.start.getTime() + (bounds.end.getTime() - bounds.start.getTime()) / 4);
    expect(projectedPercentAtYearEnd(5, 40, bounds, quarterIn)).toBeCloseTo(50);
    expect(projectedPercentAtYearEnd(30, 40, bounds, quarterIn)).toBe(100);
    expect(projectedPercentAtYearEnd(5, 40, bounds, bounds.start)).toBeNull();
  });
});

describe("figures as of a moment in the year (a quarterly report)", () => {
  const asOfQ1End = new Date("2026-01-01T00:00:00+07:00"); // Q1 of FY2569 = Oct–Dec 2025

  it("cuts the window at the quarter's end: the last day counted is 31 December", () => {
    const window = participationWindow(FY, THAI_FISCAL_CALENDAR, asOfQ1End);
    expect(window).toMatchObject({ firstDay: "2025-10-01", lastDay: "2025-12-31" });
    expect(window.end).toEqual(asOfQ1End);
  });

  it("uses the whole year when the moment is outside it", () => {
    const whole = participationWindow(FY, THAI_FISCAL_CALENDAR);
    expect(whole).toMatchObject({ firstDay: "2025-10-01", lastDay: "2026-09-30" });
    expect(participationWindow(FY, THAI_FISCAL_CALENDAR, new Date("2027-03-01T00:00:00Z"))).toEqual(whole);
    expect(participationWindow(FY, THAI_FISCAL_CALENDAR, new Date("2025-01-01T00:00:00Z"))).toEqual(whole);
  });

  it("leaves out ideas after the quarter and people who join after it, so Q1 never moves later", () => {
    const data = {
      people: [person(1, "2015-01-01"), person(2, "2015-01-01"), person(3, "2026-02-01")],
      ideas: [idea(10, "2025-12-31T23:59:00+07:00", [1]), idea(11, "2026-01-01T00:00:00+07:00", [2]), idea(12, "2026-03-01T10:00:00+07:00", [3])],
    };
    const q1 = computeParticipation({ ...empty, ...data }, FY, DEFAULT_PARTICIPATION_RULE, THAI_FISCAL_CALENDAR, asOfQ1End);
    expect([q1.populationIds, q1.participantIds]).toEqual([[1, 2], [1]]);
    const year = compute(data);
    expect([year.populationIds, year.participantIds]).toEqual([[1, 2, 3], [1, 2, 3]]);
  });

  it("counts training held up to the moment only", () => {
    const data = { people: [person(1, "2015-01-01"), person(2, "2015-01-01")], trainingAttendance: [{ personId: 1, sessionStartDate: "2025-12-31" }, { personId: 2, sessionStartDate: "2026-01-01" }] };
    const rule = { ...DEFAULT_PARTICIPATION_RULE, countTrainingAttendance: true };
    expect(computeParticipation({ ...empty, ...data }, FY, rule, THAI_FISCAL_CALENDAR, asOfQ1End).participantIds).toEqual([1]);
  });
});

describe("summariseParticipationRows", () => {
  it("sums people per division, no-division last, and the totals equal the rows", () => {
    const rows = [
      { divisionId: 2, participant: true, countedIdeas: 1, comments: 0, trainingSessions: 2 },
      { divisionId: null, participant: false, countedIdeas: 0, comments: 3, trainingSessions: 0 },
      { divisionId: 1, participant: false, countedIdeas: 0, comments: 0, trainingSessions: 0 },
      { divisionId: 2, participant: false, countedIdeas: 0, comments: 1, trainingSessions: 0 },
    ];
    expect(summariseParticipationRows(rows)).toEqual([
      { divisionId: 1, population: 1, participants: 0, withIdeas: 0, withComments: 0, withTraining: 0 },
      { divisionId: 2, population: 2, participants: 1, withIdeas: 1, withComments: 1, withTraining: 1 },
      { divisionId: null, population: 1, participants: 0, withIdeas: 0, withComments: 1, withTraining: 0 },
    ]);
  });

  it("keeps every person once, whatever the rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ divisionId: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), participant: fc.boolean(), countedIdeas: fc.nat(3), comments: fc.nat(3), trainingSessions: fc.nat(3) })),
        (rows) => {
          const summary = summariseParticipationRows(rows);
          expect(summary.reduce((sum, entry) => sum + entry.population, 0)).toBe(rows.length);
          expect(summary.reduce((sum, entry) => sum + entry.participants, 0)).toBe(rows.filter((row) => row.participant).length);
          expect(new Set(summary.map((entry) => entry.divisionId)).size).toBe(summary.length);
        },
      ),
    );
  });
});
