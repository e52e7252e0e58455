import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { THAI_FISCAL_CALENDAR } from "../../app/domain/fiscal-year";
import { computeParticipation, summariseParticipationRows, type ParticipationData } from "../../app/domain/participation";
import { DEFAULT_PARTICIPATION_RULE, type ParticipationRule } from "../../app/domain/participation-rule";
import { loadParticipationData, participationRows, participationSummary } from "../../app/models/participation.server";
import type { Database } from "../../db/client.server";
import {
  employmentPeriods,
  ideaAuthors,
  ideaComments,
  ideaStageEvents,
  ideas,
  people,
  staffCategories,
  trainingAttendance,
  trainingSessions,
} from "../../db/schema";
import { seedDemoData, seedPlanOnly } from "../../db/seed/seed.server";
import { createTestDatabase, engineName, type TestDatabase } from "./test-database";

const CALENDAR = THAI_FISCAL_CALENDAR;

function fromSql(rows: Awaited<ReturnType<typeof participationRows>>) {
  return {
    populationIds: rows.map((row) => row.personId),
    participantIds: rows.filter((row) => row.participant).map((row) => row.personId),
  };
}

describe(`participation: the SQL query agrees with the pure function (${engineName})`, () => {
  let test: TestDatabase;
  let db: Database;
  const categoryIdByCode = new Map<string, number>();

  beforeAll(async () => {
    test = await createTestDatabase();
    db = test.handle.db;
    await seedPlanOnly(db);
    for (const row of await db.select().from(staffCategories)) categoryIdByCode.set(row.code, row.id);
  });
  afterAll(async () => {
    await test?.drop();
  });

  async function replaceData(data: ParticipationData) {
    await db.transaction(async (tx) => {
      for (const table of [trainingAttendance, trainingSessions, ideaComments, ideaStageEvents, ideaAuthors, ideas, employmentPeriods]) {
        await tx.delete(table);
      }
      await tx.delete(people);
      const codes = [...categoryIdByCode.keys()];
      for (const person of data.people) {
        await tx.insert(people).values({
          id: person.personId,
          employeeCode: `R${person.personId}`,
          prefixTh: "นาย",
          firstNameTh: `ทดสอบ${person.personId}`,
          lastNameTh: "สุ่ม",
          positionTh: "เจ้าหน้าที่",
          categoryId: categoryIdByCode.get(person.categoryCode) ?? categoryIdByCode.get(codes[0])!,
        });
        if (person.employment.length > 0) await tx.insert(employmentPeriods).values(person.employment.map((period) => ({ personId: person.personId, startDate: period.start, endDate: period.end })));
      }
      const personIds = new Set(data.people.map((person) => person.personId));
      for (const idea of data.ideas) {
        await tx.insert(ideas).values({ id: idea.ideaId, title: "t", problem: "p", solution: "s", benefit: "b", fiscalYear: 0, stage: idea.stage, submittedAt: idea.submittedAt });
        const authors = [...new Set(idea.authorPersonIds)].filter((id) => personIds.has(id));
        if (authors.length > 0) await tx.insert(ideaAuthors).values(authors.map((personId, index) => ({ ideaId: idea.ideaId, personId, isSubmitter: index === 0 })));
        if (idea.stage === "not_adopted") {
          await tx.insert(ideaStageEvents).values({ ideaId: idea.ideaId, fromStage: idea.rejectedAtScreening ? "screening" : "committee_review", toStage: "not_adopted" });
        }
      }
      const firstIdea = data.ideas[0]?.ideaId;
      for (const comment of data.comments) {
        if (firstIdea !== undefined && personIds.has(comment.personId)) {
          await tx.insert(ideaComments).values({ ideaId: firstIdea, authorPersonId: comment.personId, body: "x", createdAt: comment.createdAt });
        }
      }
      for (const [index, attendance] of data.trainingAttendance.entries()) {
        if (!personIds.has(attendance.personId)) continue;
        const [session] = await tx
          .insert(trainingSessions)
          .values({ title: `s${index}`, startDate: attendance.sessionStartDate, endDate: attendance.sessionStartDate, hours: 3, fiscalYear: 0 })
          .returning({ id: trainingSessions.id });
        await tx.insert(trainingAttendance).values({ sessionId: session.id, personId: attendance.personId, hours: 3 });
      }
    });
  }

  const dateString = (min: string, max: string) =>
    fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
  const dataArbitrary: fc.Arbitrary<ParticipationData> = fc
    .record({
      people: fc.uniqueArray(
        fc.record({
          personId: fc.integer({ min: 1, max: 12 }),
          categoryCode: fc.constantFrom("civil_servant", "permanent_employee", "mission_employee", "general_employee"),
          employment: fc.array(
            fc.tuple(dateString("2024-01-01", "2027-03-31"), fc.option(fc.integer({ min: 0, max: 900 }), { nil: null, freq: 2 })).map(([start, days]) => ({
              start,
              end: days === null ? null : new Date(new Date(`${start}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10),
            })),
            { minLength: 1, maxLength: 2 },
          ),
        }),
        { selector: (person) => person.personId, minLength: 3, maxLength: 12 },
      ),
      ideas: fc.uniqueArray(
        fc.record({
          ideaId: fc.integer({ min: 1, max: 500 }),
          // Around the FY2569/FY2570 boundary in Bangkok time, to the minute.
          submittedAt: fc.oneof(
            fc.date({ min: new Date("2025-09-01T00:00:00+07:00"), max: new Date("2026-12-31T00:00:00+07:00"), noInvalidDate: true }),
            fc.constantFrom(new Date("2026-09-30T23:59:00+07:00"), new Date("2026-10-01T00:00:00+07:00"), new Date("2025-10-01T00:00:00+07:00")),
          ),
          stage: fc.constantFrom("submitted", "screening", "committee_review", "not_adopted", "withdrawn", "implemented", "duplicate"),
          rejectedAtScreening: fc.boolean(),
          authorPersonIds: fc.array(fc.integer({ min: 1, max: 13 }), { minLength: 1, maxLength: 3 }),
        }),
        { selector: (idea) => idea.ideaId, minLength: 1, maxLength: 25 },
      ),
      comments: fc.array(fc.record({ personId: fc.integer({ min: 1, max: 12 }), createdAt: fc.date({ min: new Date("2025-09-01"), max: new Date("2026-12-31"), noInvalidDate: true }) }), { maxLength: 8 }),
      trainingAttendance: fc.array(fc.record({ personId: fc.integer({ min: 1, max: 12 }), sessionStartDate: dateString("2025-09-01", "2026-12-31") }), { maxLength: 6 }),
    })
    .map((data) => ({
      ...data,
      // A rejection at screening only exists on a not-adopted idea.
      ideas: data.ideas.map((idea) => ({ ...idea, rejectedAtScreening: idea.stage === "not_adopted" && idea.rejectedAtScreening })),
    })) as fc.Arbitrary<ParticipationData>;
  const ruleArbitrary: fc.Arbitrary<ParticipationRule> = fc.record({
    version: fc.constant(1 as const),
    countedCategoryCodes: fc.option(fc.subarray(["civil_servant", "permanent_employee", "mission_employee", "general_employee"]), { nil: null }),
    countComments: fc.boolean(),
    countTrainingAttendance: fc.boolean(),
    excludeRejectedAtScreening: fc.boolean(),
  });

  it("gives the same population and participants on random data, rules and years", async () => {
    await fc.assert(
      fc.asyncProperty(
        dataArbitrary,
        ruleArbitrary,
        fc.constantFrom(2569, 2570),
        // Sometimes the figures are taken part-way through the year (a quarterly report).
        fc.option(fc.date({ min: new Date("2025-09-15"), max: new Date("2026-12-15"), noInvalidDate: true }), { nil: undefined }),
        async (data, rule, fiscalYearBE, asOf) => {
          await replaceData(data);
          // The pure function runs on what the database holds (authors outside the roster dropped).
          const stored = await loadParticipationData(db);
          const expected = computeParticipation(stored, fiscalYearBE, rule, CALENDAR, asOf);
          const rows = await participationRows(db, fiscalYearBE, rule, CALENDAR, asOf);
          expect(fromSql(rows)).toEqual({ populationIds: expected.populationIds, participantIds: expected.participantIds });
          // The aggregated query the dashboard reads sums the same rows.
          expect(await participationSummary(db, fiscalYearBE, rule, CALENDAR, asOf)).toEqual(summariseParticipationRows(rows));
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe(`participation in the demo data, counted by hand (${engineName})`, () => {
  let test: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    test = await createTestDatabase();
    db = test.handle.db;
    await seedDemoData(db);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("FY2569 is 23 of 35 (65.7%), the people listed by hand from db/seed/data", async () => {
    // Population: the 35 staff whose employment overlaps 1 Oct 2025 – 30 Sep 2026 (LS022 left
    // 2023, LS028 2022, LS007 2025-03, LS014 2024-10 are out; LS031 only joined 2026-11).
    // Participants: the authors of the FY2569 ideas I041–I054 that count — I047 (LS010) was
    // rejected at screening and I051 (LS003) withdrawn, so neither counts.
    const byHand = [
      "LS004", "LS006", "LS008", "LS009", "LS012", "LS015", "LS017", "LS018", "LS020", "LS024", "LS025", "LS026",
      "LS027", "LS029", "LS030", "LS033", "LS034", "LS035", "LS036", "LS037", "LS038", "LS039", "LS040",
    ];
    const rows = await participationRows(db, 2569, DEFAULT_PARTICIPATION_RULE, CALENDAR);
    const codeById = new Map((await db.select({ id: people.id, code: people.employeeCode }).from(people)).map((row) => [row.id, row.code]));
    const participants = rows.filter((row) => row.participant).map((row) => codeById.get(row.personId)).sort();
    expect(rows).toHaveLength(35);
    expect(participants).toEqual(byHand);
    expect(((participants.length / rows.length) * 100).toFixed(1)).toBe("65.7");
    const expected = computeParticipation(await loadParticipationData(db), 2569, DEFAULT_PARTICIPATION_RULE, CALENDAR);
    expect(expected.numerator).toBe(23);
  });

  it("every year of the plan agrees between SQL and the pure function on the demo data", async () => {
    const data = await loadParticipationData(db);
    for (const fiscalYearBE of [2566, 2567, 2568, 2569, 2570]) {
      const expected = computeParticipation(data, fiscalYearBE, DEFAULT_PARTICIPATION_RULE, CALENDAR);
      const actual = fromSql(await participationRows(db, fiscalYearBE, DEFAULT_PARTICIPATION_RULE, CALENDAR));
      expect(actual, String(fiscalYearBE)).toEqual({ populationIds: expected.populationIds, participantIds: expected.participantIds });
    }
  });
});
