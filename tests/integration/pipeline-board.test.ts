import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { divisionAssignments, divisions, ideaAuthors, ideaScores, ideas, people, plans, scoringCriteria, staffCategories } from "../../db/schema";
import { getIdeaDetail, listIdeas } from "../../app/models/ideas.server";
import { seedDemoData } from "../../db/seed/seed.server";
import { IDEA_STAGES } from "../../app/domain/idea-stages";
import { CLOSED_STAGES } from "../../app/domain/pipeline";
import { findOriginalCandidates, getBoard, listBoardIdeas, stageCountDrift, type BoardFilters } from "../../app/models/board.server";
import fc from "fast-check";
import { createTestDatabase, engineName, findPersonId, queryRows, type TestDatabase } from "./test-database";

const TZ = "Asia/Bangkok";
let database: TestDatabase;
let db: Database;
const queries: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase({ onQuery: (query) => queries.push(query) });
  db = database.handle.db;
  await seedDemoData(db);
});
afterAll(async () => {
  await database?.drop();
});

async function countQueries<T>(run: () => Promise<T>): Promise<{ result: T; count: number }> {
  queries.length = 0;
  const result = await run();
  return { result, count: queries.length };
}

const ideaIdOfKey = async (key: string) => {
  const [row] = await db.select({ id: ideas.id }).from(ideas).where(eq(ideas.submissionToken, `seed:${key}`));
  return row.id;
};

describe(`the committee's board (${engineName})`, () => {
  it("has a column per stage with its count, and cards with the authors' division at submission", async () => {
    const columns = await getBoard(db, { filters: {}, timeZone: TZ, perColumn: { open: 30, closed: 30 } });
    expect(columns.map((column) => column.stage)).toEqual([...IDEA_STAGES]);
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ideas`);
    expect(columns.reduce((total, column) => total + column.count, 0)).toBe(Number(n));
    const submitted = columns.find((column) => column.stage === "submitted")!;
    expect(submitted.cards.map((card) => card.id)).toContain(await ideaIdOfKey("I060"));
    // I001 is by LS008 and LS013 (both in the same division in 2022).
    const implemented = columns.find((column) => column.stage === "implemented")!;
    const first = implemented.cards.find((card) => card.title.startsWith("เตือนภัยน้ำป่า"))!;
    expect(first.divisions.length).toBeGreaterThan(0);
    expect(first.voteCount).toBe(11);
    expect(first.stageChangedAt).toBeInstanceOf(Date);
  });

  it("shows at most perColumn cards per column; the open ones longest waiting first", async () => {
    const columns = await getBoard(db, { filters: {}, timeZone: TZ, perColumn: { open: 2, closed: 2 } });
    for (const column of columns) expect(column.cards.length).toBe(Math.min(2, column.count));
    const screening = columns.find((column) => column.stage === "screening")!;
    const [a, b] = screening.cards;
    expect(a.stageChangedAt.getTime()).toBeLessThanOrEqual(b.stageChangedAt.getTime());
    const implemented = columns.find((column) => column.stage === "implemented")!;
    expect(implemented.cards[0].stageChangedAt.getTime()).toBeGreaterThanOrEqual(implemented.cards[1].stageChangedAt.getTime());
    // The first cards of each column are the first of the whole column, not any two.
    const everything = await getBoard(db, { filters: {}, timeZone: TZ, perColumn: { open: 10_000, closed: 10_000 } });
    for (const column of columns) {
      const whole = everything.find((candidate) => candidate.stage === column.stage)!;
      expect(whole.cards).toHaveLength(whole.count);
      expect(column.cards.map((card) => card.id)).toEqual(whole.cards.slice(0, 2).map((card) => card.id));
    }
  });

  it("shows fewer cards in a closed column than in an open one: the most recent decisions", async () => {
    const columns = await getBoard(db, { filters: {}, timeZone: TZ, perColumn: { open: 3, closed: 1 } });
    const everything = await getBoard(db, { filters: {}, timeZone: TZ, perColumn: { open: 10_000, closed: 10_000 } });
    let closedWithMore = 0;
    for (const column of columns) {
      const limit = CLOSED_STAGES.includes(column.stage) ? 1 : 3;
      expect(column.cards.length, column.stage).toBe(Math.min(limit, column.count));
      const whole = everything.find((candidate) => candidate.stage === column.stage)!;
      expect(column.cards.map((card) => card.id)).toEqual(whole.cards.slice(0, limit).map((card) => card.id));
      if (CLOSED_STAGES.includes(column.stage) && column.count > 1) {
        closedWithMore++;
        const latest = Math.max(...whole.cards.map((card) => card.stageChangedAt.getTime()));
        expect(column.cards[0].stageChangedAt.getTime(), column.stage).toBe(latest);
      }
    }
    // The demo has closed stages with more than one idea, or this checks nothing.
    expect(closedWithMore).toBeGreaterThan(0);
  });

  it("filters by plan item, fiscal year and the authors' division when they submitted", async () => {
    const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.code, "2.3"));
    const byPlan = await getBoard(db, { filters: { planId: plan.id }, timeZone: TZ, perColumn: { open: 100, closed: 100 } });
    const planIdeaIds = byPlan.flatMap((column) => column.cards.map((card) => card.id));
    const planRows = await db.select({ planId: ideas.planId }).from(ideas).where(inArray(ideas.id, planIdeaIds));
    expect(planRows.every((row) => row.planId === plan.id)).toBe(true);
    expect(planRows.length).toBeGreaterThan(0);

    const byYear = await getBoard(db, { filters: { fiscalYear: 2570 }, timeZone: TZ, perColumn: { open: 100, closed: 100 } });
    const yearIds = byYear.flatMap((column) => column.cards.map((card) => card.id));
    expect(yearIds.sort()).toEqual([await ideaIdOfKey("I055"), ...(await Promise.all(["I056", "I057", "I058", "I059", "I060"].map(ideaIdOfKey)))].sort());

    // A division filter keeps exactly the ideas with an author in that division on the day.
    const [division] = await db.select({ id: divisions.id, nameTh: divisions.nameTh }).from(divisions).limit(1);
    const byDivision = await getBoard(db, { filters: { divisionId: division.id }, timeZone: TZ, perColumn: { open: 100, closed: 100 } });
    const cards = byDivision.flatMap((column) => column.cards);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.divisions.map((name) => name.th)).toContain(division.nameTh);
  });

  it("column counts under every filter equal the ideas counted one by one (idea_stage_counts, kept by a trigger)", async () => {
    const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.code, "2.3"));
    const [division] = await db.select({ id: divisions.id }).from(divisions).limit(1);
    const filterSets: BoardFilters[] = [
      {},
      { fiscalYear: 2568 },
      { planId: plan.id },
      { planId: plan.id, fiscalYear: 2567 },
      { stage: "screening" },
      { stage: "implemented", fiscalYear: 2566 },
      { divisionId: division.id },
    ];
    for (const filters of filterSets) {
      const columns = await getBoard(db, { filters, timeZone: TZ, perColumn: { open: 10_000, closed: 10_000 } });
      // With every card shown, each column's count is its number of cards.
      for (const column of columns) expect(column.count, `${JSON.stringify(filters)} ${column.stage}`).toBe(column.cards.length);
    }
  });

  it("keeps the stage counts exact through any mix of submissions, moves, edits and deletions", async () => {
    const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.code, "2.3"));
    const action = fc.oneof(
      fc.record({ kind: fc.constant("insert" as const), stage: fc.constantFrom(...IDEA_STAGES), year: fc.constantFrom(2568, 2569, 2570), withPlan: fc.boolean() }),
      fc.record({ kind: fc.constant("move" as const), pick: fc.nat(), stage: fc.constantFrom(...IDEA_STAGES) }),
      fc.record({ kind: fc.constant("replan" as const), pick: fc.nat(), withPlan: fc.boolean(), year: fc.constantFrom(2569, 2570) }),
      fc.record({ kind: fc.constant("touch" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 12 }), async (actions) => {
        const made: number[] = [];
        const pick = (index: number) => made[index % made.length];
        for (const step of actions) {
          if (step.kind === "insert") {
            const [row] = await db
              .insert(ideas)
              .values({ title: "นับตามขั้นตอน", problem: "ปัญหา", solution: "วิธีแก้", benefit: "ประโยชน์", stage: step.stage, fiscalYear: step.year, planId: step.withPlan ? plan.id : null })
              .returning({ id: ideas.id });
            made.push(row.id);
          } else if (made.length === 0) {
            continue;
          } else if (step.kind === "move") {
            await db.update(ideas).set({ stage: step.stage }).where(eq(ideas.id, pick(step.pick)));
          } else if (step.kind === "replan") {
            await db.update(ideas).set({ planId: step.withPlan ? plan.id : null, fiscalYear: step.year }).where(eq(ideas.id, pick(step.pick)));
          } else if (step.kind === "touch") {
            // An update that changes none of the counted columns (a vote) leaves the counts alone.
            await db.update(ideas).set({ voteCount: sql`${ideas.voteCount} + 1` }).where(eq(ideas.id, pick(step.pick)));
          } else {
            const id = made.splice(step.pick % made.length, 1)[0];
            await db.delete(ideas).where(eq(ideas.id, id));
          }
        }
        expect(await stageCountDrift(db)).toEqual([]);
        if (made.length > 0) await db.delete(ideas).where(inArray(ideas.id, made));
      }),
      { numRuns: 15 },
    );
  });

  it("costs the same number of queries whatever the number of ideas", async () => {
    const before = await countQueries(() => getBoard(db, { filters: {}, timeZone: TZ, perColumn: { open: 30, closed: 30 } }));
    const author = await findPersonId(db, "LS025");
    const added = await db
      .insert(ideas)
      .values(
        Array.from({ length: 120 }, (_, index) => ({
          title: `ไอเดียจำนวนมาก ${index}`,
          problem: "ปัญหา",
          solution: "วิธีแก้",
          benefit: "ประโยชน์",
          fiscalYear: 2570,
          stage: IDEA_STAGES[index % IDEA_STAGES.length],
        })),
      )
      .returning({ id: ideas.id });
    await db.insert(ideaAuthors).values(added.map((row) => ({ ideaId: row.id, personId: author, isSubmitter: true })));
    const after = await countQueries(() => getBoard(db, { filters: {}, timeZone: TZ, perColumn: { open: 30, closed: 30 } }));
    expect(before.count).toBe(2);
    expect(after.count).toBe(before.count);
    const list = await countQueries(() => listBoardIdeas(db, { filters: {}, timeZone: TZ, limit: 50 }));
    expect(list.count).toBe(1);
  });
});

describe(`an author's division on the day an idea was submitted (${engineName})`, () => {
  it("is the assignment covering that day, the same on the idea page, the board's cards and both division filters", async () => {
    const [first, second] = await db.select({ id: divisions.id, nameTh: divisions.nameTh }).from(divisions).orderBy(divisions.id).limit(2);
    const [category] = await db.select({ id: staffCategories.id }).from(staffCategories).limit(1);
    const [person] = await db
      .insert(people)
      .values({ employeeCode: "DIVTEST1", prefixTh: "นาย", firstNameTh: "ทดสอบ", lastNameTh: "ย้ายกอง", positionTh: "นักวิชาการ", categoryId: category.id })
      .returning({ id: people.id });
    // In the first division until the end of 2023; no division from then until 2024-03-01.
    await db.insert(divisionAssignments).values({ personId: person.id, divisionId: first.id, startDate: "2020-01-01", endDate: "2023-12-31" });
    const [idea] = await db
      .insert(ideas)
      .values({ title: "ไอเดียระหว่างรอย้ายกอง", problem: "ปัญหา", solution: "วิธีแก้", benefit: "ประโยชน์", fiscalYear: 2567, submittedAt: new Date("2024-02-01T10:00:00+07:00") })
      .returning({ id: ideas.id });
    await db.insert(ideaAuthors).values({ ideaId: idea.id, personId: person.id, isSubmitter: true });

    const seen = async () => {
      const detail = await getIdeaDetail(db, idea.id, TZ);
      const card = (await getBoard(db, { filters: { fiscalYear: 2567, stage: "submitted" }, timeZone: TZ, perColumn: { open: 10_000, closed: 10_000 } }))[0].cards.find((candidate) => candidate.id === idea.id);
      const inFilter = async (divisionId: number) => ({
        board: (await getBoard(db, { filters: { divisionId, stage: "submitted" }, timeZone: TZ, perColumn: { open: 10_000, closed: 10_000 } }))[0].cards.some((candidate) => candidate.id === idea.id),
        list: (await listIdeas(db, { filters: { divisionId }, sort: "newest", cursor: null, limit: 1_000, timeZone: TZ })).rows.some((row) => row.id === idea.id),
      });
      return {
        page: detail?.authors[0].divisionNameTh ?? null,
        card: card?.divisions.map((division) => division.th),
        first: await inFilter(first.id),
        second: await inFilter(second.id),
      };
    };
    // The assignment that ended before the idea is nobody's division on that day, anywhere.
    expect(await seen()).toEqual({ page: null, card: [], first: { board: false, list: false }, second: { board: false, list: false } });

    await db.insert(divisionAssignments).values({ personId: person.id, divisionId: second.id, startDate: "2024-01-15", endDate: null });
    expect(await seen()).toEqual({ page: second.nameTh, card: [second.nameTh], first: { board: false, list: false }, second: { board: true, list: true } });
  });
});

describe(`the committee's list (${engineName})`, () => {
  it("pages by id, newest first, with the mean of the members' scores", async () => {
    const first = await listBoardIdeas(db, { filters: { fiscalYear: 2568 }, timeZone: TZ, limit: 5 });
    expect(first.rows).toHaveLength(5);
    expect(first.nextBeforeId).toBe(first.rows[4].id);
    const second = await listBoardIdeas(db, { filters: { fiscalYear: 2568 }, timeZone: TZ, limit: 5, beforeId: first.nextBeforeId! });
    expect(second.rows[0].id).toBeLessThan(first.rows[4].id);
    const approvedId = await ideaIdOfKey("I034");
    const page = await listBoardIdeas(db, { filters: { stage: "approved" }, timeZone: TZ, limit: 50 });
    const row = page.rows.find((candidate) => candidate.id === approvedId)!;
    const [{ mean }] = await queryRows<{ mean: number }>(
      db,
      sql`select avg(m)::float8 as mean from (select avg(score) as m from idea_scores where idea_id = ${approvedId} group by person_id) x`,
    );
    expect(row.meanScore).toBeCloseTo(Number(mean), 6);
    expect(row.meanScore).toBeGreaterThanOrEqual(3);
    expect(page.rows.every((candidate) => candidate.stage === "approved")).toBe(true);
  });
});

describe(`the demo's committee work (${engineName})`, () => {
  it("scores every idea that reached committee review, cites meetings, and keeps notes", async () => {
    const criteria = await db.select().from(scoringCriteria);
    expect(criteria.map((criterion) => criterion.nameTh)).toEqual(["ประโยชน์ต่อประชาชน", "ความใหม่", "ความเป็นไปได้", "ความคุ้มค่า/ต้นทุน", "ความสอดคล้องกับแผน"]);
    const implemented = await ideaIdOfKey("I001");
    const rejected = await ideaIdOfKey("I008");
    const scores = await db.select().from(ideaScores).where(inArray(ideaScores.ideaId, [implemented, rejected]));
    expect(new Set(scores.filter((score) => score.ideaId === implemented).map((score) => score.personId)).size).toBe(4);
    const mean = (ideaId: number) => {
      const list = scores.filter((score) => score.ideaId === ideaId).map((score) => score.score);
      return list.reduce((a, b) => a + b, 0) / list.length;
    };
    expect(mean(implemented)).toBeGreaterThan(mean(rejected));
    const [{ cited }] = await queryRows<{ cited: number }>(db, sql`select count(*)::int as cited from idea_stage_events where meeting_number like 'ครั้งที่ %/25%'`);
    expect(Number(cited)).toBeGreaterThan(50);
    const [{ notes, replies }] = await queryRows<{ notes: number; replies: number }>(
      db,
      sql`select count(*)::int as notes, count(parent_note_id)::int as replies from committee_notes`,
    );
    expect(Number(notes)).toBeGreaterThanOrEqual(8);
    expect(Number(replies)).toBeGreaterThanOrEqual(3);
  });

  it("finds originals by number or by words, never withdrawn ones, duplicates or the idea itself", async () => {
    const self = await ideaIdOfKey("I060");
    const original = await ideaIdOfKey("I009");
    expect(await findOriginalCandidates(db, { query: `#${original}`, excludeIdeaId: self })).toEqual([{ id: original, title: expect.any(String), stage: "implemented" }]);
    expect(await findOriginalCandidates(db, { query: String(self), excludeIdeaId: self })).toEqual([]);
    const withdrawn = await ideaIdOfKey("I011");
    expect(await findOriginalCandidates(db, { query: String(withdrawn), excludeIdeaId: self })).toEqual([]);
    const found = await findOriginalCandidates(db, { query: "QR ไฟฟ้า", excludeIdeaId: self });
    expect(found.map((row) => row.id)).toContain(await ideaIdOfKey("I006"));
    expect(found.map((row) => row.id)).not.toContain(await ideaIdOfKey("I023"));
  });
});
