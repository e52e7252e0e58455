import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeIdeaCursor } from "../../app/domain/idea-cursor";
import {
  createIdea,
  findSimilarIdeas,
  getIdeaDetail,
  listIdeas,
  updateIdea,
  withdrawIdea,
  type IdeaInput,
} from "../../app/models/ideas.server";
import { listStageHistory } from "../../app/models/board.server";
import type { Database } from "../../db/client.server";
import { accounts, ideaFollowers, ideaStageEvents, ideas, notifications, people } from "../../db/schema";
import { seedPlanOnly } from "../../db/seed/seed.server";
import { createTestDatabase, engineName, queryRows, type TestDatabase } from "./test-database";

const TZ = "Asia/Bangkok";
let test: TestDatabase;
let db: Database;
let queries: string[] = [];
let authorId: number;
let coAuthorId: number;
let strangerId: number;
let accountId: string;

const input = (overrides: Partial<IdeaInput> = {}): IdeaInput => ({
  title: "ระบบแจ้งเตือนน้ำท่วมล่วงหน้าผ่านหอกระจายข่าว",
  problem: "หมู่บ้านริมแม่น้ำแควน้อยถูกน้ำท่วมฉับพลันทุกปี ชาวบ้านรู้ตัวช้า",
  solution: "ติดตั้งเซนเซอร์วัดระดับน้ำ แจ้งเตือนผ่านหอกระจายข่าวโดยไม่ต้องใช้อินเทอร์เน็ต",
  benefit: "ชาวบ้าน **ขนของขึ้นที่สูง** ได้ทันเวลา",
  planId: null,
  coAuthorPersonIds: [],
  tags: ["ภัยพิบัติ"],
  ...overrides,
});

let tokenCounter = 0;
const newToken = () => `00000000-0000-4000-8000-${String(++tokenCounter).padStart(12, "0")}`;

async function addPerson(code: string, firstNameTh: string) {
  const [category] = await queryRows<{ id: number }>(db, sql`select id from staff_categories limit 1`);
  const [row] = await db
    .insert(people)
    .values({ employeeCode: code, prefixTh: "นาย", firstNameTh, lastNameTh: "ทดสอบ", positionTh: "เจ้าหน้าที่", categoryId: category.id })
    .returning({ id: people.id });
  return row.id;
}

beforeAll(async () => {
  test = await createTestDatabase({ onQuery: (query) => queries.push(query) });
  db = test.handle.db;
  await seedPlanOnly(db);
  authorId = await addPerson("T001", "สมชาย");
  coAuthorId = await addPerson("T002", "สมหญิง");
  strangerId = await addPerson("T003", "สมศักดิ์");
  accountId = "acc-t001";
  await db.insert(accounts).values({ id: accountId, personId: authorId, username: "T001", passwordHash: "x", mustChangePassword: false });
});
afterAll(async () => {
  await test?.drop();
});

async function submit(overrides: Partial<IdeaInput> = {}, token = newToken(), now = new Date("2026-11-20T09:00:00+07:00")) {
  return createIdea(db, { input: input(overrides), submitterPersonId: authorId, accountId, submissionToken: token, fiscalYear: 2570, now });
}

describe(`ideas (${engineName})`, () => {
  it("a submitted idea keeps its authors, tags and first history entry", async () => {
    const { ideaId, status } = await submit({ coAuthorPersonIds: [coAuthorId, authorId] });
    expect(status).toBe("created");
    const idea = await getIdeaDetail(db, ideaId, TZ);
    expect(idea?.stage).toBe("submitted");
    expect(idea?.authors.map((author) => [author.personId, author.isSubmitter])).toEqual([
      [authorId, true],
      [coAuthorId, false],
    ]);
    expect(idea?.tags).toEqual(["ภัยพิบัติ"]);
    expect(idea?.history.map((event) => event.toStage)).toEqual(["submitted"]);
  });

  it("a page of ideas names its authors in English too, where the roster has an English name", async () => {
    await db.update(people).set({ firstNameEn: "Somying", lastNameEn: "Thotsop" }).where(eq(people.id, coAuthorId));
    try {
      const { ideaId } = await submit({ title: "ตู้รับเรื่องร้องเรียนออนไลน์ประจำหมู่บ้าน", coAuthorPersonIds: [coAuthorId] });
      const { rows } = await listIdeas(db, { filters: {}, sort: "newest", cursor: null, limit: 50, timeZone: TZ });
      expect(rows.find((row) => row.id === ideaId)?.authors).toEqual([
        { personId: authorId, nameTh: "นายสมชาย ทดสอบ", nameEn: null },
        { personId: coAuthorId, nameTh: "นายสมหญิง ทดสอบ", nameEn: "Somying Thotsop" },
      ]);
    } finally {
      await db.update(people).set({ firstNameEn: null, lastNameEn: null }).where(eq(people.id, coAuthorId));
    }
  });

  it("an idea's history names who moved it in English too, where the roster has an English name", async () => {
    const { ideaId } = await submit({ title: "จุดบริการรับชำระภาษีเคลื่อนที่" });
    const movers = async () => [
      ...(await getIdeaDetail(db, ideaId, TZ))!.history.map((event) => [event.byNameTh, event.byNameEn]),
      ...(await listStageHistory(db, ideaId)).map((event) => [event.byNameTh, event.byNameEn]),
    ];
    expect(await movers()).toEqual([
      ["นายสมชาย ทดสอบ", null],
      ["นายสมชาย ทดสอบ", null],
    ]);
    await db.update(people).set({ firstNameEn: "Somchai", lastNameEn: "Thotsop" }).where(eq(people.id, authorId));
    try {
      expect(await movers()).toEqual([
        ["นายสมชาย ทดสอบ", "Somchai Thotsop"],
        ["นายสมชาย ทดสอบ", "Somchai Thotsop"],
      ]);
    } finally {
      await db.update(people).set({ firstNameEn: null, lastNameEn: null }).where(eq(people.id, authorId));
    }
  });

  it("a double submit (same token) creates one idea", async () => {
    const token = newToken();
    const [first, second] = await Promise.all([submit({}, token), submit({}, token)]);
    expect(first.ideaId).toBe(second.ideaId);
    expect([first.status, second.status].sort()).toEqual(["created", "duplicate"]);
    const rows = await db.select().from(ideas).where(eq(ideas.submissionToken, token));
    expect(rows).toHaveLength(1);
  });

  it("authors may edit until review starts, then the edit is refused", async () => {
    const { ideaId } = await submit({ coAuthorPersonIds: [coAuthorId] });
    expect(await updateIdea(db, { ideaId, personId: coAuthorId, input: input({ title: "ชื่อใหม่ที่ชัดเจนขึ้น" }) })).toBe("ok");
    expect((await getIdeaDetail(db, ideaId, TZ))?.title).toBe("ชื่อใหม่ที่ชัดเจนขึ้น");
    expect(await updateIdea(db, { ideaId, personId: strangerId, input: input() })).toBe("notAuthor");
    await db.update(ideas).set({ stage: "screening" }).where(eq(ideas.id, ideaId));
    expect(await updateIdea(db, { ideaId, personId: authorId, input: input({ title: "แก้หลังเริ่มพิจารณา" }) })).toBe("locked");
    expect((await getIdeaDetail(db, ideaId, TZ))?.title).toBe("ชื่อใหม่ที่ชัดเจนขึ้น");
  });

  it("a person made co-author hears it once, from the author who did it; the one who did it hears nothing", async () => {
    const noticesOf = async (ideaId: number) =>
      (await db.select().from(notifications).where(eq(notifications.ideaId, ideaId)).orderBy(notifications.id)).map((notice) => [
        notice.recipientPersonId,
        notice.kind,
        notice.actorPersonId,
      ]);
    // Named at submission: the co-author hears it, from the submitter.
    const { ideaId } = await submit({ coAuthorPersonIds: [coAuthorId] });
    expect(await noticesOf(ideaId)).toEqual([[coAuthorId, "co_author_added", authorId]]);
    // Saved again with the same co-authors (another title): no one hears anything new.
    expect(await updateIdea(db, { ideaId, personId: authorId, input: input({ title: "ชื่อที่แก้แล้วแต่ผู้ร่วมเสนอเดิม", coAuthorPersonIds: [coAuthorId] }) })).toBe("ok");
    expect(await noticesOf(ideaId)).toHaveLength(1);
    // The co-author adds a third person: only that person hears it, from the co-author.
    expect(await updateIdea(db, { ideaId, personId: coAuthorId, input: input({ coAuthorPersonIds: [coAuthorId, strangerId] }) })).toBe("ok");
    expect(await noticesOf(ideaId)).toEqual([
      [coAuthorId, "co_author_added", authorId],
      [strangerId, "co_author_added", coAuthorId],
    ]);
    // Removed, then added back: added again, so told again.
    expect(await updateIdea(db, { ideaId, personId: authorId, input: input({ coAuthorPersonIds: [coAuthorId] }) })).toBe("ok");
    expect(await updateIdea(db, { ideaId, personId: authorId, input: input({ coAuthorPersonIds: [coAuthorId, strangerId] }) })).toBe("ok");
    expect((await noticesOf(ideaId)).at(-1)).toEqual([strangerId, "co_author_added", authorId]);
    expect(await noticesOf(ideaId)).toHaveLength(3);
    // An idea with no co-author notifies no one; the submitter never hears of their own idea.
    const alone = await submit();
    expect(await noticesOf(alone.ideaId)).toEqual([]);
  });

  it("a co-author taken off the idea stops following it; one kept, or added back, follows it", async () => {
    const followers = async (ideaId: number) =>
      (await db.select({ personId: ideaFollowers.personId }).from(ideaFollowers).where(eq(ideaFollowers.ideaId, ideaId))).map((row) => row.personId).sort();
    const { ideaId } = await submit({ coAuthorPersonIds: [coAuthorId, strangerId] });
    expect(await followers(ideaId)).toEqual([authorId, coAuthorId, strangerId].sort());
    expect(await updateIdea(db, { ideaId, personId: authorId, input: input({ coAuthorPersonIds: [coAuthorId] }) })).toBe("ok");
    expect(await followers(ideaId)).toEqual([authorId, coAuthorId].sort());
    expect(await updateIdea(db, { ideaId, personId: authorId, input: input({ coAuthorPersonIds: [coAuthorId, strangerId] }) })).toBe("ok");
    expect(await followers(ideaId)).toEqual([authorId, coAuthorId, strangerId].sort());
  });

  it("authors may withdraw before review; the move is recorded; not after review starts", async () => {
    const { ideaId } = await submit({ coAuthorPersonIds: [coAuthorId] });
    expect(await withdrawIdea(db, { ideaId, personId: strangerId, accountId, reason: "" })).toBe("notAuthor");
    expect(await withdrawIdea(db, { ideaId, personId: authorId, accountId, reason: "ซ้ำกับงานประจำ" })).toBe("ok");
    const events = await db.select().from(ideaStageEvents).where(eq(ideaStageEvents.ideaId, ideaId));
    expect(events.map((event) => [event.fromStage, event.toStage, event.reason])).toEqual([
      [null, "submitted", ""],
      ["submitted", "withdrawn", "ซ้ำกับงานประจำ"],
    ]);
    expect(await withdrawIdea(db, { ideaId, personId: authorId, accountId, reason: "" })).toBe("withdrawn");
    // The co-author is told; the author who withdrew is not.
    const notices = await db.select().from(notifications).where(eq(notifications.ideaId, ideaId)).orderBy(notifications.id);
    expect(notices.map((notice) => [notice.recipientPersonId, notice.kind])).toEqual([
      [coAuthorId, "co_author_added"],
      [coAuthorId, "stage_changed"],
    ]);

    const reviewed = await submit();
    await db.update(ideas).set({ stage: "committee_review" }).where(eq(ideas.id, reviewed.ideaId));
    expect(await withdrawIdea(db, { ideaId: reviewed.ideaId, personId: authorId, accountId, reason: "" })).toBe("locked");
  });

  it("search finds a Thai word inside a sentence, English in any case, and LIKE wildcards literally", async () => {
    const thai = await submit({ title: "ลดขั้นตอนการยื่นขอเบี้ยยังชีพผู้พิการ", problem: "ผู้พิการต้องเดินทางมาสำนักงานหลายครั้งเพื่อยื่นเอกสาร" });
    const english = await submit({ title: "QR code สำหรับแจ้งซ่อมถนน", problem: "ประชาชนแจ้งซ่อมผ่าน LINE Official แล้วเรื่องตกหล่น" });
    const percent = await submit({ title: "ลดการใช้กระดาษ 100% ในงานสารบรรณ", problem: "เอกสารกระดาษจำนวนมาก" });
    const ids = async (search: string) =>
      (await listIdeas(db, { filters: { search }, sort: "newest", cursor: null, limit: 50, timeZone: TZ })).rows.map((row) => row.id);
    expect(await ids("พิการ")).toContain(thai.ideaId); // inside "ผู้พิการ", no spaces around it
    expect(await ids("เดินทาง")).toContain(thai.ideaId); // inside the problem text
    expect(await ids("line official")).toContain(english.ideaId);
    expect(await ids("qr")).toContain(english.ideaId);
    expect(await ids("100%")).toEqual([percent.ideaId]);
    expect(await ids("%")).toEqual([percent.ideaId]);
    expect(await ids("ไม่มีคำนี้แน่นอน")).toEqual([]);
  });

  it("similar titles are found while typing, in Thai", async () => {
    const { ideaId } = await submit({ title: "ระบบจองคิวชำระภาษีที่ดินออนไลน์" });
    const similar = await findSimilarIdeas(db, "จองคิวชำระภาษี");
    expect(similar.map((idea) => idea.id)).toContain(ideaId);
    expect(await findSimilarIdeas(db, "ab")).toEqual([]);
  });

  it("keyset pages visit every idea once, in order, for every sort", async () => {
    for (const sort of ["newest", "votes", "discussed"] as const) {
      const seen: number[] = [];
      let cursor = null;
      for (;;) {
        const page = await listIdeas(db, { filters: {}, sort, cursor, limit: 3, timeZone: TZ });
        seen.push(...page.rows.map((row) => row.id));
        if (!page.nextCursor) break;
        cursor = decodeIdeaCursor(page.nextCursor, sort);
      }
      const all = await db.select({ id: ideas.id }).from(ideas);
      expect(seen.sort((a, b) => a - b)).toEqual(all.map((row) => row.id).sort((a, b) => a - b));
    }
  });

  it("a list page costs the same number of queries with 10 or 1000 ideas", async () => {
    const countQueries = async () => {
      queries = [];
      const page = await listIdeas(db, { filters: { search: "น้ำ" }, sort: "votes", cursor: null, limit: 20, timeZone: TZ });
      expect(page.rows.length).toBeGreaterThan(0);
      return queries.length;
    };
    const small = await countQueries();
    const bulk = Array.from({ length: 1000 }, (_, index) => ({
      title: `ไอเดียที่ ${index} เรื่องน้ำประปา`,
      problem: "น้ำไม่ไหล",
      solution: "ซ่อมท่อ",
      benefit: "มีน้ำใช้",
      fiscalYear: 2569,
      searchText: `ไอเดียที่ ${index} เรื่องน้ำประปา น้ำไม่ไหล`,
      voteCount: index % 17,
    }));
    for (let start = 0; start < bulk.length; start += 250) await db.insert(ideas).values(bulk.slice(start, start + 250));
    const large = await countQueries();
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(3);
  });
});
