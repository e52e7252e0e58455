import { and, eq, gte, sql, TransactionRollbackError, type SQL } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarDateIn } from "../../app/domain/calendar-date";
import { fiscalYearBounds } from "../../app/domain/fiscal-year";
import type { ParticipationRule } from "../../app/domain/participation-rule";
import { addComment } from "../../app/models/comments.server";
import { createIdea } from "../../app/models/ideas.server";
import { ideaFunnel, openYearFigures } from "../../app/models/open-year-figures.server";
import { getParticipationRule, participationSummary } from "../../app/models/participation.server";
import { getAppSettings } from "../../app/models/settings.server";
import { upsertAttendance } from "../../app/models/training.server";
import { addVote, removeVotesOfAuthors } from "../../app/models/votes.server";
import { openDatabase, type Database } from "../../db/client.server";
import {
  accounts,
  divisionAssignments,
  divisions,
  employmentPeriods,
  fiscalYearSettings,
  ideaAuthors,
  ideaComments,
  ideaStageEvents,
  ideas,
  openYearFiguresCache,
  participationDataVersion,
  people,
  staffCategories,
  trainingSessions,
} from "../../db/schema";
import { seedDemoData } from "../../db/seed/seed.server";
import { createTestDatabase, engineName, queryRows, type TestDatabase } from "./test-database";

// The demo's running year, and pairs of moments on one day to take the figures at: an entry
// stored for the first holds for the second unless an idea or a comment is stamped between.
const YEAR = 2570;
const TZ = "Asia/Bangkok";
const PAIRS = [
  ["2026-11-25T10:00:00+07:00", "2026-11-25T18:00:00+07:00"],
  ["2027-06-01T00:00:00.001+07:00", "2027-06-01T23:00:00+07:00"],
].map((pair) => pair.map((text) => new Date(text)) as [Date, Date]);

let test: TestDatabase;
let db: Database;
let accountId: string;
const queries: string[] = [];

beforeAll(async () => {
  test = await createTestDatabase({ onQuery: (query) => queries.push(query) });
  db = test.handle.db;
  await seedDemoData(db);
  [{ id: accountId }] = await db.select({ id: accounts.id }).from(accounts).limit(1);
});
afterAll(async () => {
  await test?.drop();
});

async function dataVersion() {
  const [row] = await db.select({ version: participationDataVersion.version }).from(participationDataVersion);
  return row.version;
}

let hits = 0;

/** At each moment, in this order: the figures the dashboard reads equal the figures computed afresh. */
async function expectFresh(moments: readonly Date[]) {
  const rule = await getParticipationRule(db, YEAR);
  const { fiscalCalendar } = await getAppSettings(db);
  const { start } = fiscalYearBounds(YEAR, fiscalCalendar);
  const byStage = (funnel: { stage: string; count: number }[]) => [...funnel].sort((a, b) => a.stage.localeCompare(b.stage));
  for (const asOf of moments) {
    queries.length = 0;
    const read = await openYearFigures(db, YEAR, rule, fiscalCalendar, asOf);
    if (queries.length === 1) hits += 1;
    expect(read.divisions, `LG1 at ${asOf.toISOString()}`).toEqual(await participationSummary(db, YEAR, rule, fiscalCalendar, asOf));
    expect(byStage(read.funnel), `funnel at ${asOf.toISOString()}`).toEqual(byStage(await ideaFunnel(db, start, asOf)));
  }
}

const pick = <T>(list: readonly T[], index: number): T | undefined => (list.length === 0 ? undefined : list[index % list.length]);

/** An author row more, as an edit writes it: the person's vote on the idea goes first (migration 0013 refuses both). */
const addCoAuthor = (on: Database, ideaId: number, personId: number) =>
  on.transaction(async (tx) => {
    await removeVotesOfAuthors(tx, ideaId, [personId]);
    await tx.insert(ideaAuthors).values({ ideaId, personId }).onConflictDoNothing();
  });

/** An instant a share of the way through the year (a negative share: before it). */
function instantInYear(share: number) {
  const start = new Date("2026-10-01T00:00:00+07:00").getTime();
  const end = new Date("2027-10-01T00:00:00+07:00").getTime();
  return new Date(start + Math.floor(share * (end - start)));
}

/** Anywhere in the year (or before it, from `min`), or on and around the moments the figures are taken at. */
const instant = (min = 0) =>
  fc.oneof(
    fc.double({ min, max: 0.999, noNaN: true }).map(instantInYear),
    fc.constantFrom(...PAIRS.flat().flatMap((moment) => [-1, 0, 1, 3_600_000].map((offset) => new Date(moment.getTime() + offset)))),
  );

const write = fc.oneof(
  fc.record({ kind: fc.constant("submit" as const), person: fc.nat(), coAuthor: fc.option(fc.nat()), at: instant() }),
  fc.record({ kind: fc.constant("coAuthor" as const), idea: fc.nat(), person: fc.nat() }),
  fc.record({ kind: fc.constant("withdraw" as const), idea: fc.nat() }),
  fc.record({ kind: fc.constant("rejectAtScreening" as const), idea: fc.nat() }),
  // One table at a time (corrections typed by an administrator): each trigger alone is tested.
  fc.record({ kind: fc.constant("stageOnly" as const), idea: fc.nat(), stage: fc.constantFrom("submitted" as const, "withdrawn" as const, "not_adopted" as const) }),
  fc.record({ kind: fc.constant("rejectionEventOnly" as const), idea: fc.nat() }),
  fc.record({ kind: fc.constant("resubmitOnly" as const), idea: fc.nat(), at: instant(-0.2) }),
  fc.record({ kind: fc.constant("rehireOnly" as const), person: fc.nat(), at: instant(-0.5) }),
  fc.record({ kind: fc.constant("comment" as const), idea: fc.nat(), person: fc.nat() }),
  fc.record({ kind: fc.constant("backdatedComment" as const), idea: fc.nat(), person: fc.nat(), at: instant() }),
  fc.record({ kind: fc.constant("deleteComment" as const), comment: fc.nat() }),
  fc.record({ kind: fc.constant("attendance" as const), session: fc.nat(), person: fc.nat() }),
  fc.record({ kind: fc.constant("hire" as const), category: fc.nat(), division: fc.nat(), at: instant() }),
  fc.record({ kind: fc.constant("leave" as const), person: fc.nat(), at: instant(-0.5) }),
  fc.record({ kind: fc.constant("moveDivision" as const), person: fc.nat(), division: fc.nat(), at: instant() }),
  fc.record({ kind: fc.constant("recategorise" as const), person: fc.nat(), category: fc.nat() }),
  fc.record({ kind: fc.constant("recodeCategory" as const), category: fc.nat() }),
  fc.record({ kind: fc.constant("moveSession" as const), session: fc.nat(), at: instant(-0.5) }),
  fc.record({ kind: fc.constant("rule" as const), categories: fc.constantFrom(0, 1, 2), countComments: fc.boolean(), countTraining: fc.boolean(), excludeRejected: fc.boolean() }),
  fc.record({ kind: fc.constant("vote" as const), idea: fc.nat(), person: fc.nat() }),
);
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

const dateOf = (moment: Date) => calendarDateIn(moment, TZ);

async function apply(step: Write) {
  const personIds = (await db.select({ id: people.id }).from(people).orderBy(people.id)).map((row) => row.id);
  const yearIdeas = await db.select({ id: ideas.id, stage: ideas.stage }).from(ideas).where(gte(ideas.submittedAt, new Date("2026-10-01T00:00:00+07:00"))).orderBy(ideas.id);
  switch (step.kind) {
    case "submit": {
      const submitter = pick(personIds, step.person)!;
      const coAuthor = step.coAuthor === null ? undefined : pick(personIds, step.coAuthor);
      const input = { title: "ทดสอบ", problem: "ปัญหา", solution: "ทางแก้", benefit: "ประโยชน์", planId: null, coAuthorPersonIds: coAuthor && coAuthor !== submitter ? [coAuthor] : [], tags: [] };
      await createIdea(db, { input, submitterPersonId: submitter, accountId, submissionToken: crypto.randomUUID(), fiscalYear: YEAR, now: step.at });
      return;
    }
    case "coAuthor": {
      const idea = pick(yearIdeas, step.idea);
      if (idea) await addCoAuthor(db, idea.id, pick(personIds, step.person)!);
      return;
    }
    case "withdraw":
    case "rejectAtScreening": {
      const idea = pick(yearIdeas, step.idea);
      if (!idea) return;
      const toStage = step.kind === "withdraw" ? "withdrawn" : "not_adopted";
      const fromStage = step.kind === "withdraw" ? idea.stage : "screening";
      await db.transaction(async (tx) => {
        await tx.update(ideas).set({ stage: toStage }).where(eq(ideas.id, idea.id));
        await tx.insert(ideaStageEvents).values({ ideaId: idea.id, fromStage, toStage });
      });
      return;
    }
    case "stageOnly": {
      const idea = pick(yearIdeas, step.idea);
      if (idea) await db.update(ideas).set({ stage: step.stage }).where(eq(ideas.id, idea.id));
      return;
    }
    case "rejectionEventOnly": {
      const idea = pick(yearIdeas, step.idea);
      if (idea) await db.insert(ideaStageEvents).values({ ideaId: idea.id, fromStage: "screening", toStage: "not_adopted" });
      return;
    }
    case "resubmitOnly": {
      const idea = pick(yearIdeas, step.idea);
      if (idea) await db.update(ideas).set({ submittedAt: step.at }).where(eq(ideas.id, idea.id));
      return;
    }
    case "rehireOnly": {
      await db.insert(employmentPeriods).values({ personId: pick(personIds, step.person)!, startDate: dateOf(step.at) });
      return;
    }
    case "comment": {
      const idea = pick(yearIdeas, step.idea);
      if (idea) await addComment(db, { ideaId: idea.id, authorPersonId: pick(personIds, step.person)!, body: "ดี", byCommittee: false });
      return;
    }
    case "backdatedComment": {
      const idea = pick(yearIdeas, step.idea);
      if (idea) await db.insert(ideaComments).values({ ideaId: idea.id, authorPersonId: pick(personIds, step.person)!, body: "ดี", createdAt: step.at });
      return;
    }
    case "deleteComment": {
      const comments = await db.select({ id: ideaComments.id }).from(ideaComments).orderBy(ideaComments.id);
      const comment = pick(comments, step.comment);
      if (comment) await db.delete(ideaComments).where(eq(ideaComments.id, comment.id));
      return;
    }
    case "attendance": {
      const sessions = await db.select({ id: trainingSessions.id }).from(trainingSessions).orderBy(trainingSessions.id);
      const session = pick(sessions, step.session);
      if (session) await upsertAttendance(db, session.id, [{ personId: pick(personIds, step.person)!, hours: 3 }], null);
      return;
    }
    case "hire": {
      const categories = await db.select({ id: staffCategories.id }).from(staffCategories).orderBy(staffCategories.id);
      const divisionIds = (await db.select({ id: divisions.id }).from(divisions).orderBy(divisions.id)).map((row) => row.id);
      const code = `H${crypto.randomUUID().slice(0, 8)}`;
      await db.transaction(async (tx) => {
        const [person] = await tx
          .insert(people)
          .values({ employeeCode: code, prefixTh: "นาย", firstNameTh: "ใหม่", lastNameTh: "ทดสอบ", positionTh: "เจ้าหน้าที่", categoryId: pick(categories, step.category)!.id })
          .returning({ id: people.id });
        await tx.insert(employmentPeriods).values({ personId: person.id, startDate: dateOf(step.at) });
        await tx.insert(divisionAssignments).values({ personId: person.id, divisionId: pick(divisionIds, step.division)!, startDate: dateOf(step.at) });
      });
      return;
    }
    case "leave": {
      const personId = pick(personIds, step.person)!;
      const on = dateOf(step.at);
      await db
        .update(employmentPeriods)
        .set({ endDate: on })
        .where(and(eq(employmentPeriods.personId, personId), sql`${employmentPeriods.endDate} is null`, sql`${employmentPeriods.startDate} <= ${on}::date`));
      return;
    }
    case "moveDivision": {
      const divisionIds = (await db.select({ id: divisions.id }).from(divisions).orderBy(divisions.id)).map((row) => row.id);
      await db
        .insert(divisionAssignments)
        .values({ personId: pick(personIds, step.person)!, divisionId: pick(divisionIds, step.division)!, startDate: dateOf(step.at) })
        .onConflictDoNothing();
      return;
    }
    case "recategorise": {
      const categories = await db.select({ id: staffCategories.id }).from(staffCategories).orderBy(staffCategories.id);
      await db.update(people).set({ categoryId: pick(categories, step.category)!.id }).where(eq(people.id, pick(personIds, step.person)!));
      return;
    }
    case "recodeCategory": {
      // Swap a category's code with the first's: a rule counting the first counts other people.
      const categories = await db.select().from(staffCategories).orderBy(staffCategories.id);
      const [first, other] = [categories[0], pick(categories, step.category)!];
      if (first.id === other.id) return;
      await db.transaction(async (tx) => {
        await tx.update(staffCategories).set({ code: `${first.code}-swap` }).where(eq(staffCategories.id, first.id));
        await tx.update(staffCategories).set({ code: first.code }).where(eq(staffCategories.id, other.id));
        await tx.update(staffCategories).set({ code: other.code }).where(eq(staffCategories.id, first.id));
      });
      return;
    }
    case "moveSession": {
      const sessions = await db.select({ id: trainingSessions.id }).from(trainingSessions).orderBy(trainingSessions.id);
      const session = pick(sessions, step.session);
      const day = dateOf(step.at);
      if (session) await db.update(trainingSessions).set({ startDate: day, endDate: day }).where(eq(trainingSessions.id, session.id));
      return;
    }
    case "rule": {
      const categories = await db.select({ code: staffCategories.code }).from(staffCategories).orderBy(staffCategories.id);
      const rule: ParticipationRule = {
        ...(await getParticipationRule(db, YEAR)),
        // Every category, or only the first one or two (then a category change moves people in or out).
        countedCategoryCodes: step.categories === 0 ? null : categories.slice(0, step.categories).map((category) => category.code),
        countComments: step.countComments,
        countTrainingAttendance: step.countTraining,
        excludeRejectedAtScreening: step.excludeRejected,
      };
      await db.insert(fiscalYearSettings).values({ fiscalYear: YEAR, participationRule: rule }).onConflictDoUpdate({ target: fiscalYearSettings.fiscalYear, set: { participationRule: rule } });
      return;
    }
    case "vote": {
      const idea = pick(yearIdeas, step.idea);
      if (idea) await addVote(db, { ideaId: idea.id, personId: pick(personIds, step.person)! });
      return;
    }
  }
}

describe(`an open year's figures, cached in the database, are never stale (${engineName})`, () => {
  it("answer a second read with one query, from the entry the first read stored", async () => {
    const rule = await getParticipationRule(db, YEAR);
    const { fiscalCalendar } = await getAppSettings(db);
    const [asOf] = PAIRS[0];
    const first = await openYearFigures(db, YEAR, rule, fiscalCalendar, asOf);
    queries.length = 0;
    const second = await openYearFigures(db, YEAR, rule, fiscalCalendar, asOf);
    expect(second).toEqual(first);
    expect(queries).toHaveLength(1);
    const [entry] = await db.select().from(openYearFiguresCache).where(eq(openYearFiguresCache.fiscalYear, YEAR));
    expect(entry.dataVersion).toBe(await dataVersion());
    expect(entry.divisions).toEqual(first.divisions);
  });

  it("move the data version once per writing transaction, never for a vote", async () => {
    const [idea] = await db.select({ id: ideas.id }).from(ideas).where(eq(ideas.stage, "submitted")).limit(1);
    const authorIds = (await db.select({ id: ideaAuthors.personId }).from(ideaAuthors).where(eq(ideaAuthors.ideaId, idea.id))).map((row) => row.id);
    const voters = await db.select({ id: people.id }).from(people).orderBy(people.id);
    const voter = voters.find((person) => !authorIds.includes(person.id))!;
    await db.execute(sql`delete from idea_votes where idea_id = ${idea.id} and person_id = ${voter.id}`);

    const before = await dataVersion();
    expect(await addVote(db, { ideaId: idea.id, personId: voter.id })).toBe("added");
    expect(await dataVersion()).toBe(before);

    expect((await addComment(db, { ideaId: idea.id, authorPersonId: voter.id, body: "ดี", byCommittee: false })).status).toBe("added");
    expect(await dataVersion()).toBe(before + 1);
    // An idea, two authors and its first stage event: four rows in three tables, one transaction, one step.
    const input = { title: "ทดสอบ", problem: "ปัญหา", solution: "ทางแก้", benefit: "ประโยชน์", planId: null, coAuthorPersonIds: [authorIds[0]], tags: [] };
    await createIdea(db, { input, submitterPersonId: voter.id, accountId, submissionToken: crypto.randomUUID(), fiscalYear: YEAR });
    expect(await dataVersion()).toBe(before + 2);
    await db.execute(sql`truncate training_attendance`);
    expect(await dataVersion()).toBe(before + 3);
  });

  it("have a trigger on every table the participation query and the funnel read", async () => {
    const rule = await getParticipationRule(db, YEAR);
    const { fiscalCalendar } = await getAppSettings(db);
    queries.length = 0;
    await participationSummary(db, YEAR, rule, fiscalCalendar);
    await ideaFunnel(db, PAIRS[0][0], PAIRS[0][1]);
    const read = new Set(queries.flatMap((query) => [...query.matchAll(/\b(?:from|join)\s+"(\w+)"/gi)].map((match) => match[1])));
    const triggers = await queryRows<{ table: string }>(db, sql`select distinct c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname like '%\_participation\_changed'`);
    expect([...read].sort()).toEqual(triggers.map((row) => row.table).sort());
  });

  it("move the data version on a write to any of those tables, and not on other columns", async () => {
    const [idea] = await db.select({ id: ideas.id }).from(ideas).limit(1);
    const [person] = await db.select({ id: people.id, categoryId: people.categoryId }).from(people).limit(1);
    const moves: [string, SQL][] = [
      ["people", sql`update people set category_id = category_id where id = ${person.id}`],
      ["staff_categories", sql`update staff_categories set code = code where id = ${person.categoryId}`],
      ["employment_periods", sql`update employment_periods set end_date = end_date where person_id = ${person.id}`],
      ["division_assignments", sql`update division_assignments set start_date = start_date where person_id = ${person.id}`],
      ["ideas", sql`update ideas set stage = stage where id = ${idea.id}`],
      ["idea_authors", sql`update idea_authors set person_id = person_id where idea_id = ${idea.id}`],
      ["idea_stage_events", sql`update idea_stage_events set to_stage = to_stage where idea_id = ${idea.id}`],
      ["idea_comments", sql`update idea_comments set created_at = created_at where id = (select min(id) from idea_comments)`],
      ["training_sessions", sql`update training_sessions set start_date = start_date where id = (select min(id) from training_sessions)`],
      ["training_attendance", sql`insert into training_attendance (session_id, person_id, hours) values ((select min(id) from training_sessions), ${person.id}, 1)`],
    ];
    await db.execute(sql`delete from training_attendance where person_id = ${person.id} and session_id = (select min(id) from training_sessions)`);
    for (const [table, statement] of moves) {
      const before = await dataVersion();
      await db.execute(statement);
      expect(await dataVersion(), table).toBe(before + 1);
    }
    const still: SQL[] = [
      sql`update people set first_name_th = first_name_th where id = ${person.id}`,
      sql`update ideas set vote_count = vote_count, title = title, search_text = search_text where id = ${idea.id}`,
      sql`update idea_comments set body = body where id = (select min(id) from idea_comments)`,
    ];
    for (const statement of still) {
      const before = await dataVersion();
      await db.execute(statement);
      expect(await dataVersion()).toBe(before);
    }
  });

  it("hold for their calendar day only: someone starting tomorrow is counted tomorrow", async () => {
    const rule = await getParticipationRule(db, YEAR);
    const { fiscalCalendar } = await getAppSettings(db);
    // Late one evening and early the next morning, with no idea or comment stamped between.
    const evening = new Date("2027-09-28T23:00:00+07:00");
    const morning = new Date("2027-09-29T01:00:00+07:00");
    const [category] = await db.select({ id: staffCategories.id }).from(staffCategories).limit(1);
    const [person] = await db
      .insert(people)
      .values({ employeeCode: "TOMORROW", prefixTh: "นาง", firstNameTh: "พรุ่งนี้", lastNameTh: "ทดสอบ", positionTh: "เจ้าหน้าที่", categoryId: category.id })
      .returning({ id: people.id });
    await db.insert(employmentPeriods).values({ personId: person.id, startDate: "2027-09-29" });
    const before = await openYearFigures(db, YEAR, rule, fiscalCalendar, evening);
    const after = await openYearFigures(db, YEAR, rule, fiscalCalendar, morning);
    const population = (figures: typeof before) => figures.divisions.reduce((sum, entry) => sum + entry.population, 0);
    expect(population(after)).toBe(population(before) + 1);
    await expectFresh([evening, morning]);
  });

  it("are read afresh, not from the cache, by a transaction that wrote what they count", async () => {
    const rule = await getParticipationRule(db, YEAR);
    const { fiscalCalendar } = await getAppSettings(db);
    const [asOf] = PAIRS[0];
    await openYearFigures(db, YEAR, rule, fiscalCalendar, asOf);
    const [idea] = await db
      .select({ id: ideas.id })
      .from(ideas)
      .where(and(gte(ideas.submittedAt, new Date("2026-10-01T00:00:00+07:00")), sql`${ideas.submittedAt} < ${asOf.toISOString()}::timestamptz`, eq(ideas.stage, "submitted")))
      .limit(1);
    // Someone employed now who has no idea this year: co-authoring one makes them a participant.
    const [newcomer] = await db
      .select({ id: people.id })
      .from(people)
      .innerJoin(employmentPeriods, and(eq(employmentPeriods.personId, people.id), sql`${employmentPeriods.endDate} is null`))
      .where(sql`not exists (select 1 from idea_authors a join ideas i on i.id = a.idea_id where a.person_id = ${people.id} and i.submitted_at >= '2026-10-01T00:00:00+07:00')`)
      .limit(1);
    const outside = await openYearFigures(db, YEAR, rule, fiscalCalendar, asOf);
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(ideaAuthors).values({ ideaId: idea.id, personId: newcomer.id });
        const inside = await openYearFigures(tx, YEAR, rule, fiscalCalendar, asOf);
        expect(inside.divisions).toEqual(await participationSummary(tx, YEAR, rule, fiscalCalendar, asOf));
        expect(inside.divisions).not.toEqual(outside.divisions);
        tx.rollback();
      }),
    ).rejects.toThrow(TransactionRollbackError);
    await expectFresh([asOf]);
  });

  it("equal the figures computed afresh after comments, co-authors and reads all at once (a pool of 20 connections on PostgreSQL)", async () => {
    const pool = test.databaseUrl ? await openDatabase({ databaseUrl: test.databaseUrl, maxConnections: 20 }) : undefined;
    const on = pool?.db ?? db;
    try {
      const rule = await getParticipationRule(db, YEAR);
      const { fiscalCalendar } = await getAppSettings(db);
      const [idea] = await db.select({ id: ideas.id }).from(ideas).where(and(gte(ideas.submittedAt, PAIRS[0][0]), eq(ideas.stage, "submitted"))).limit(1);
      const personIds = (await db.select({ id: people.id }).from(people).orderBy(people.id).limit(20)).map((row) => row.id);
      const now = new Date();
      const read = () => openYearFigures(on, YEAR, rule, fiscalCalendar, now);
      await Promise.all(
        personIds.flatMap((personId) => [
          addComment(on, { ideaId: idea.id, authorPersonId: personId, body: "พร้อมกัน", byCommittee: false }),
          addCoAuthor(on, idea.id, personId),
          read(),
          read(),
        ]),
      );
      expect((await read()).divisions).toEqual(await participationSummary(db, YEAR, rule, fiscalCalendar, now));
    } finally {
      await pool?.close();
    }
  });

  it("equal the figures computed afresh after any mix of writes, at any moment of the year", async () => {
    hits = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PAIRS), fc.array(write, { minLength: 1, maxLength: 10 }), async ([early, late], steps) => {
        await expectFresh([early, late]);
        for (const step of steps) {
          await apply(step);
          // The later moment first, then back and forth: the entry left by the read before is
          // offered to each (it holds for a later moment until an idea or comment between).
          await expectFresh([late, early, late]);
        }
      }),
      // No shrinking: it would replay the writes hundreds of times; the failing run is shown as found.
      { numRuns: 30, endOnFailure: true },
    );
    // Not a vacuous pass: reads were answered from the cache. How many depends on the random
    // writes (16 to 110 in seven runs on PostgreSQL; a fixed seed gives the same count before and
    // after stop 14's changes): a bound of 30 failed a CI run by chance. That a second read is one
    // query is pinned down by "answer a second read with one query" above.
    expect(hits).toBeGreaterThan(5);
  });
});
