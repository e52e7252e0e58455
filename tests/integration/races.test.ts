/**
 * Races through the route actions (what a browser's posts reach), many at once with
 * Promise.all, on real PostgreSQL (TEST_DATABASE_URL, a pool of 20 connections) and on PGlite
 * (one connection: the queries interleave one at a time, and the counts must be exact too).
 *
 * Beyond what votes.test.ts, pipeline.test.ts, training.test.ts, comments.test.ts and
 * ideas.test.ts prove on the services: here every post goes through its route with a real
 * session, and the operations are mixed (votes with a withdrawal, a withdrawal with a committee
 * move, an edit with a move, checklist saves with a CSV import, an edit with a delete).
 * Every answer must be a deliberate one (2xx, 3xx, 403, 409), never a 5xx or a thrown error.
 */
import { and, eq, isNull, like, sql } from "drizzle-orm";
import { startSession } from "../../app/auth/session.server";
import type { IdeaStage } from "../../app/domain/idea-stages";
import { listSessionRoster, recordedHours } from "../../app/models/training.server";
import { action as commentEditAction } from "../../app/routes/comments.$commentId";
import { action as reviewAction } from "../../app/routes/committee.ideas.$ideaId";
import { action as commentsAction } from "../../app/routes/ideas.$ideaId.comments";
import { action as editAction } from "../../app/routes/ideas.$ideaId.edit";
import { action as voteAction } from "../../app/routes/ideas.$ideaId.vote";
import { action as newIdeaAction } from "../../app/routes/ideas.new";
import { action as attendanceAction } from "../../app/routes/training.$sessionId_.attendance";
import { commitAttendanceImport, previewAttendanceImport } from "../../app/services/training-attendance.server";
import { createSession } from "../../app/services/training-sessions.server";
import type { Database } from "../../db/client.server";
import { db as appDatabase } from "../../db/runtime.server";
import { accounts, auditLog, ideaAuthors, ideaComments, ideas, ideaStageEvents, ideaVotes, people, trainingAttendance } from "../../db/schema";
import { engineName, findPersonId, queryRows, withDemoDatabaseForFile } from "./test-database";
import { callRoute, formBody, type RouteFunction } from "./route-client";
import { insertIdea } from "./fixtures/ideas";
import { stageCountDrift } from "../../app/models/board.server";

let db: Database;
// On PostgreSQL the routes get 20 connections, so posts sent at once really overlap.
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
}, { appConnections: 20 });

// ---------------------------------------------------------------------------------------------

/** Call an action as Remix would; a thrown Response is an answer, anything else is a failure. */
function post(fn: RouteFunction, path: string, cookie: string, fields: Record<string, string | string[]>, params: Record<string, string> = {}): Promise<Response> {
  return callRoute(fn, new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookie }, body: formBody(fields) }), params);
}

const cookies = new Map<string, string>();
async function cookieOf(code: string): Promise<string> {
  const known = cookies.get(code);
  if (known) return known;
  const personId = await findPersonId(db, code);
  const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.personId, personId));
  if (!account) throw new Error(`${code} has no account`);
  const cookie = (await startSession(account.id)).split(";")[0];
  cookies.set(code, cookie);
  return cookie;
}

/** People with an account who can sign in (the leavers cannot), by employee code. */
async function staffWithAccounts(exclude: readonly string[]): Promise<string[]> {
  const rows = await db
    .select({ code: people.employeeCode })
    .from(people)
    .innerJoin(accounts, eq(accounts.personId, people.id))
    .where(and(isNull(accounts.disabledAt), eq(accounts.mustChangePassword, false)))
    .orderBy(people.employeeCode);
  return rows.map((row) => row.code).filter((code) => !exclude.includes(code));
}

let ideaNumber = 0;
async function makeIdea(authorCodes: readonly string[], stage: IdeaStage = "submitted"): Promise<number> {
  ideaNumber += 1;
  return insertIdea(db, { title: `ไอเดียทดสอบการแข่งกัน ${ideaNumber}`, stage, authorCodes, history: "stage" });
}

async function voteState(ideaId: number): Promise<{ voteCount: number; rows: number; voters: number[] }> {
  const [idea] = await db.select({ voteCount: ideas.voteCount }).from(ideas).where(eq(ideas.id, ideaId));
  const rows = await db.select({ personId: ideaVotes.personId }).from(ideaVotes).where(eq(ideaVotes.ideaId, ideaId));
  return { voteCount: idea.voteCount, rows: rows.length, voters: rows.map((row) => row.personId).sort((a, b) => a - b) };
}

const stageEventsAfterCreation = (ideaId: number) =>
  db
    .select({ fromStage: ideaStageEvents.fromStage, toStage: ideaStageEvents.toStage, byAccountId: ideaStageEvents.byAccountId })
    .from(ideaStageEvents)
    .where(and(eq(ideaStageEvents.ideaId, ideaId), sql`${ideaStageEvents.fromStage} is not null`));

const statuses = (responses: Response[]) => responses.map((response) => response.status);
const votePath = (ideaId: number) => ({ path: `/ideas/${ideaId}/vote`, params: { ideaId: String(ideaId) } });
const reviewPath = (ideaId: number) => ({ path: `/committee/ideas/${ideaId}`, params: { ideaId: String(ideaId) } });
const editPath = (ideaId: number) => ({ path: `/ideas/${ideaId}/edit`, params: { ideaId: String(ideaId) } });

const label = `${engineName}${engineName === "pglite" ? ": queries run one at a time" : ", 20 connections"}`;

describe(`vote storms through the vote route (${label})`, () => {
  it("20 people voting and 10 taking their vote back, three posts each, all at once: the final state is exact", async () => {
    // The demo organisation has about 30 people who can sign in besides the authors.
    const codes = (await staffWithAccounts(["LS025", "LS027"])).slice(0, 30);
    expect(codes).toHaveLength(30);
    const ideaId = await makeIdea(["LS025", "LS027"]);
    const voters = codes.slice(0, 20);
    const leavers = codes.slice(20);
    // The leavers voted before the storm.
    for (const code of leavers) expect((await post(voteAction, votePath(ideaId).path, await cookieOf(code), { intent: "vote" }, votePath(ideaId).params)).status).toBe(200);
    for (const code of voters) await cookieOf(code);
    const posts = [...voters.map((code) => ({ code, intent: "vote" })), ...leavers.map((code) => ({ code, intent: "unvote" }))].flatMap((entry) => [entry, entry, entry]);
    const responses = await Promise.all(posts.map(async ({ code, intent }) => post(voteAction, votePath(ideaId).path, await cookieOf(code), { intent }, votePath(ideaId).params)));
    expect(statuses(responses).filter((status) => status !== 200)).toEqual([]);
    const results = await Promise.all(responses.map(async (response) => ((await response.json()) as { result: string }).result));
    // Each person's first post to land did the work, the other two found it done.
    expect(results.filter((result) => result === "added")).toHaveLength(20);
    expect(results.filter((result) => result === "removed")).toHaveLength(10);
    const expectedVoters = (await Promise.all(voters.map((code) => findPersonId(db, code)))).sort((a, b) => a - b);
    expect(await voteState(ideaId)).toEqual({ voteCount: 20, rows: 20, voters: expectedVoters });
  });

  it("the authors voting on their own idea during a storm are refused (403) and counted nowhere", async () => {
    const codes = (await staffWithAccounts(["LS025", "LS027"])).slice(0, 20);
    const ideaId = await makeIdea(["LS025", "LS027"]);
    const posts = [...codes, "LS025", "LS027", "LS025", "LS027"];
    const responses = await Promise.all(posts.map(async (code) => post(voteAction, votePath(ideaId).path, await cookieOf(code), { intent: "vote" }, votePath(ideaId).params)));
    expect(statuses(responses)).toEqual([...codes.map(() => 200), 403, 403, 403, 403]);
    expect(await voteState(ideaId)).toMatchObject({ voteCount: 20, rows: 20 });
  });
});

describe(`a vote storm while the author withdraws the idea (${label})`, () => {
  it("each vote is either counted (before) or refused as closed (after); the count equals the rows; one withdrawal", async () => {
    const codes = (await staffWithAccounts(["LS025", "LS027"])).slice(0, 24);
    const ideaId = await makeIdea(["LS025", "LS027"]);
    const author = await cookieOf("LS025");
    for (const code of codes) await cookieOf(code);
    const half = codes.length / 2;
    const withdraw = () => post(editAction, editPath(ideaId).path, author, { intent: "withdraw", reason: "ซ้ำกับงานที่ทำอยู่แล้ว" }, editPath(ideaId).params);
    const vote = async (code: string) => post(voteAction, votePath(ideaId).path, await cookieOf(code), { intent: "vote" }, votePath(ideaId).params);
    // The withdrawal lands in the middle of the storm.
    const responses = await Promise.all([...codes.slice(0, half).map(vote), withdraw(), ...codes.slice(half).map(vote)]);
    const withdrawal = responses[half];
    const votes = responses.filter((_, index) => index !== half);
    expect(withdrawal.status).toBe(302);
    expect(statuses(votes).filter((status) => status !== 200 && status !== 409)).toEqual([]);
    const results = await Promise.all(votes.map(async (response) => ((await response.json()) as { result: string }).result));
    expect(results.filter((result) => result !== "added" && result !== "closed")).toEqual([]);
    const added = results.filter((result) => result === "added").length;
    expect(await voteState(ideaId)).toMatchObject({ voteCount: added, rows: added });
    const [idea] = await db.select({ stage: ideas.stage }).from(ideas).where(eq(ideas.id, ideaId));
    expect(idea.stage).toBe("withdrawn");
    expect(await stageEventsAfterCreation(ideaId)).toMatchObject([{ fromStage: "submitted", toStage: "withdrawn" }]);
    // After it: closed, whoever asks.
    expect((await vote(codes[0])).status).toBe(409);
  });
});

describe(`concurrent stage moves through the review page (${label})`, () => {
  it("two committee members move the same 6 ideas at once, to different stages: one winner per idea, the other told (409), one event and one audit entry each", async () => {
    const ideaIds = await Promise.all(Array.from({ length: 6 }, () => makeIdea(["LS030"], "screening")));
    const members = ["LS005", "LS002"] as const;
    const [first, second] = await Promise.all(members.map(cookieOf));
    const move = (ideaId: number, cookie: string, to: IdeaStage) =>
      post(reviewAction, reviewPath(ideaId).path, cookie, { intent: "move", from: "screening", to, reason: "ไม่สอดคล้องกับแผนพัฒนาท้องถิ่น" }, reviewPath(ideaId).params);
    const responses = await Promise.all(ideaIds.flatMap((ideaId) => [move(ideaId, first, "committee_review"), move(ideaId, second, "not_adopted")]));
    for (const [index, ideaId] of ideaIds.entries()) {
      const pair = responses.slice(index * 2, index * 2 + 2);
      expect(statuses(pair).sort(), `idea ${ideaId}`).toEqual([302, 409]);
      const loser = pair.find((response) => response.status === 409)!;
      expect(await loser.json()).toMatchObject({ problem: { problem: "pipeline.error.movedByOther" } });
      const events = await stageEventsAfterCreation(ideaId);
      expect(events).toHaveLength(1);
      const [idea] = await db.select({ stage: ideas.stage }).from(ideas).where(eq(ideas.id, ideaId));
      expect(idea.stage).toBe(events[0].toStage);
      // The winner's answer names the stage that was kept.
      const winnerIndex = pair.findIndex((response) => response.status === 302);
      expect(events[0].toStage).toBe(winnerIndex === 0 ? "committee_review" : "not_adopted");
      const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, "idea.stage_changed"), eq(auditLog.entityId, String(ideaId))));
      expect(audits).toHaveLength(1);
    }
  });

  it("the author withdraws while the committee starts screening: exactly one of the two happens", async () => {
    const ideaIds = await Promise.all(Array.from({ length: 6 }, () => makeIdea(["LS025"])));
    const [author, member] = await Promise.all(["LS025", "LS005"].map(cookieOf));
    const responses = await Promise.all(
      ideaIds.flatMap((ideaId, index) => {
        const withdraw = post(editAction, editPath(ideaId).path, author, { intent: "withdraw", reason: "ขอถอน" }, editPath(ideaId).params);
        const screen = post(reviewAction, reviewPath(ideaId).path, member, { intent: "move", from: "submitted", to: "screening", reason: "ผ่านเกณฑ์เบื้องต้น" }, reviewPath(ideaId).params);
        // Alternate which is sent first.
        return index % 2 === 0 ? [withdraw, screen] : [screen, withdraw];
      }),
    );
    for (const [index, ideaId] of ideaIds.entries()) {
      const pair = responses.slice(index * 2, index * 2 + 2);
      expect(statuses(pair).sort(), `idea ${ideaId}`).toEqual([302, 409]);
      const events = await stageEventsAfterCreation(ideaId);
      expect(events, `idea ${ideaId}`).toHaveLength(1);
      const [idea] = await db.select({ stage: ideas.stage }).from(ideas).where(eq(ideas.id, ideaId));
      expect(idea.stage).toBe(events[0].toStage);
      expect(["withdrawn", "screening"]).toContain(idea.stage);
    }
  });

  it("the author edits while the committee starts screening: the edit lands before the move or is refused (409), never half-way", async () => {
    const ideaIds = await Promise.all(Array.from({ length: 6 }, () => makeIdea(["LS025"])));
    const [author, member] = await Promise.all(["LS025", "LS005"].map(cookieOf));
    const edit = (ideaId: number) =>
      post(
        editAction,
        editPath(ideaId).path,
        author,
        { intent: "save", title: `แก้ไขระหว่างกลั่นกรอง ${ideaId}`, problem: "ปัญหาที่พบในการทำงานประจำวัน", solution: "วิธีแก้ที่เสนอให้ลองทำดู", benefit: "ประโยชน์ที่คาดว่าจะได้รับ", planId: "", tags: "", coAuthor: ["", "", ""] },
        editPath(ideaId).params,
      );
    const screen = (ideaId: number) => post(reviewAction, reviewPath(ideaId).path, member, { intent: "move", from: "submitted", to: "screening", reason: "ผ่านเกณฑ์เบื้องต้น" }, reviewPath(ideaId).params);
    const responses = await Promise.all(ideaIds.flatMap((ideaId) => [edit(ideaId), screen(ideaId)]));
    for (const [index, ideaId] of ideaIds.entries()) {
      const [edited, screened] = responses.slice(index * 2, index * 2 + 2);
      expect(screened.status, `idea ${ideaId}`).toBe(302);
      expect([302, 409], `idea ${ideaId}`).toContain(edited.status);
      const [idea] = await db.select({ title: ideas.title, stage: ideas.stage }).from(ideas).where(eq(ideas.id, ideaId));
      expect(idea.stage).toBe("screening");
      expect(idea.title).toMatch(edited.status === 302 ? `แก้ไขระหว่างกลั่นกรอง ${ideaId}` : /^ไอเดียทดสอบการแข่งกัน/);
    }
  });
});

describe(`the board's stage counts under concurrent writes (${label})`, () => {
  it("ideas moved both ways between two stages at once, by 40 writers: no error, the kept counts equal the ideas counted", async () => {
    const forth = await Promise.all(Array.from({ length: 20 }, () => makeIdea(["LS030"], "screening")));
    const back = await Promise.all(Array.from({ length: 20 }, () => makeIdea(["LS030"], "committee_review")));
    // Each move takes two count rows; moves in opposite directions take them in one order.
    const writer = appDatabase(); // the 20-connection pool on PostgreSQL
    const moves = forth.flatMap((ideaId, index) => [
      writer.update(ideas).set({ stage: "committee_review" }).where(eq(ideas.id, ideaId)),
      writer.update(ideas).set({ stage: "screening" }).where(eq(ideas.id, back[index])),
    ]);
    const outcomes = await Promise.allSettled(moves);
    expect(outcomes.filter((outcome) => outcome.status === "rejected")).toEqual([]);
    expect(await stageCountDrift(db)).toEqual([]);
  });

  it("after the vote storms, moves and withdrawals above, the kept counts equal the ideas counted", async () => {
    expect(await stageCountDrift(db)).toEqual([]);
  });
});

describe(`concurrent attendance saves for one training session (${label})`, () => {
  it("checklist saves of three disjoint groups and a CSV import of a fourth, all at once: every one applies, one row per person", async () => {
    const hr = await cookieOf("LS004");
    const [hrAccount] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, "LS004"));
    const sessionId = await createSession(db, { accountId: hrAccount.id, ipAddress: "127.0.0.1" }, {
      title: "การรักษาความปลอดภัยไซเบอร์สำหรับงานราชการ",
      topic: "ความปลอดภัย",
      organiser: "สำนักปลัด",
      startDate: "2026-11-16",
      endDate: "2026-11-17",
      hours: 12,
      planId: null,
      location: "ห้องประชุม",
      notes: "",
    });
    const employed = (await listSessionRoster(db, { id: sessionId, startDate: "2026-11-16", endDate: "2026-11-17" })).filter((row) => row.employed);
    expect(employed.length).toBeGreaterThanOrEqual(24);
    const groups = [0, 1, 2, 3].map((group) => employed.filter((_, index) => index % 4 === group).slice(0, 6));
    const expected = new Map<number, number>();
    const checklist = (group: number) => {
      const fields: Record<string, string[]> = { intent: ["save"], shown: [], attended: [] };
      for (const [position, row] of groups[group].entries()) {
        const hours = ((group + position) % 12) + 1;
        fields.shown.push(String(row.personId));
        fields.attended.push(String(row.personId));
        fields[`hours-${row.personId}`] = [String(hours)];
        expected.set(row.personId, hours);
      }
      return post(attendanceAction, `/training/${sessionId}/attendance`, hr, fields, { sessionId: String(sessionId) });
    };
    const importLines = groups[3].map((row, position) => {
      expected.set(row.personId, (position % 6) + 1);
      return `${row.employeeCode},${(position % 6) + 1}`;
    });
    const text = ["employee_code,hours", ...importLines].join("\n");
    const preview = await previewAttendanceImport(db, sessionId, text);
    if (preview.status !== "preview") throw new Error(`preview failed: ${JSON.stringify(preview)}`);
    const appDb = appDatabase();
    const [saved0, saved1, saved2, imported] = await Promise.all([
      checklist(0),
      checklist(1),
      checklist(2),
      commitAttendanceImport(appDb, { accountId: hrAccount.id, ipAddress: "127.0.0.1" }, { sessionId, text, fingerprint: preview.preview.fingerprint }),
    ]);
    expect(statuses([saved0, saved1, saved2])).toEqual([302, 302, 302]);
    expect(imported).toMatchObject({ status: "committed", added: 6 });
    const rows = await queryRows<{ person_id: number; n: number }>(db, sql`select person_id, count(*)::int as n from ${trainingAttendance} where session_id = ${sessionId} group by person_id`);
    expect(rows.filter((row) => Number(row.n) !== 1)).toEqual([]);
    expect(Object.fromEntries(await recordedHours(db, sessionId))).toEqual(Object.fromEntries(expected));
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(sessionId)));
    expect(audits.map((entry) => entry.action).filter((action) => action.startsWith("attendance.")).sort()).toEqual(["attendance.imported", "attendance.saved", "attendance.saved", "attendance.saved"]);
  });
});

describe(`double-submitted forms (${label})`, () => {
  it("the same new-idea form posted 5 times at once: one idea, every answer sends to it", async () => {
    const staff = await cookieOf("LS025");
    const token = crypto.randomUUID();
    const form = { title: "ไอเดียส่งซ้ำห้าครั้ง", problem: "ปัญหาที่พบในการทำงานประจำวัน", solution: "วิธีแก้ที่เสนอให้ลองทำดู", benefit: "ประโยชน์ที่คาดว่าจะได้รับ", planId: "", tags: "", coAuthor: ["", "", ""], submissionToken: token };
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(newIdeaAction, "/ideas/new", staff, form)));
    expect(statuses(responses)).toEqual([302, 302, 302, 302, 302]);
    const created = await db.select({ id: ideas.id }).from(ideas).where(eq(ideas.submissionToken, token));
    expect(created).toHaveLength(1);
    expect(new Set(responses.map((response) => response.headers.get("Location")))).toEqual(new Set([`/ideas/${created[0].id}?created=1`]));
    const authors = await db.select().from(ideaAuthors).where(eq(ideaAuthors.ideaId, created[0].id));
    expect(authors).toHaveLength(1);
    expect(await stageEventsAfterCreation(created[0].id)).toEqual([]);
    expect(await db.select().from(ideaStageEvents).where(eq(ideaStageEvents.ideaId, created[0].id))).toHaveLength(1);
  });

  it("the same comment form posted 5 times at once: one comment, the count exact", async () => {
    const ideaId = await makeIdea(["LS027"]);
    const staff = await cookieOf("LS025");
    const form = { body: "ความเห็นที่กดส่งซ้ำ", submissionToken: crypto.randomUUID() };
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(commentsAction, `/ideas/${ideaId}/comments`, staff, form, { ideaId: String(ideaId) })));
    expect(statuses(responses)).toEqual([302, 302, 302, 302, 302]);
    expect(new Set(responses.map((response) => response.headers.get("Location"))).size).toBe(1);
    const rows = await db.select({ id: ideaComments.id }).from(ideaComments).where(eq(ideaComments.ideaId, ideaId));
    const [idea] = await db.select({ commentCount: ideas.commentCount }).from(ideas).where(eq(ideas.id, ideaId));
    expect({ rows: rows.length, commentCount: idea.commentCount }).toEqual({ rows: 1, commentCount: 1 });
  });

  it("ten people commenting at once, each form twice: ten comments, the count exact", async () => {
    const ideaId = await makeIdea(["LS027"]);
    const codes = (await staffWithAccounts(["LS027"])).slice(0, 10);
    const forms = await Promise.all(codes.map(async (code) => ({ cookie: await cookieOf(code), form: { body: `ความเห็นของ ${code}`, submissionToken: crypto.randomUUID() } })));
    const responses = await Promise.all(forms.flatMap(({ cookie, form }) => [0, 1].map(() => post(commentsAction, `/ideas/${ideaId}/comments`, cookie, form, { ideaId: String(ideaId) }))));
    expect(statuses(responses).filter((status) => status !== 302)).toEqual([]);
    const rows = await db.select({ id: ideaComments.id }).from(ideaComments).where(eq(ideaComments.ideaId, ideaId));
    const [idea] = await db.select({ commentCount: ideas.commentCount }).from(ideas).where(eq(ideas.id, ideaId));
    expect({ rows: rows.length, commentCount: idea.commentCount }).toEqual({ rows: 10, commentCount: 10 });
  });

  it("a comment edited and deleted at the same moment (two tabs): gone, the count exact, no error", async () => {
    const ideaId = await makeIdea(["LS027"]);
    const staff = await cookieOf("LS025");
    const added = await post(commentsAction, `/ideas/${ideaId}/comments`, staff, { body: "จะลบและแก้พร้อมกัน", submissionToken: crypto.randomUUID() }, { ideaId: String(ideaId) });
    expect(added.status).toBe(302);
    const [comment] = await db.select({ id: ideaComments.id }).from(ideaComments).where(eq(ideaComments.ideaId, ideaId));
    const params = { commentId: String(comment.id) };
    const deleteForm = { intent: "delete", ideaId: String(ideaId) };
    const responses = await Promise.all([
      post(commentEditAction, `/comments/${comment.id}`, staff, deleteForm, params),
      post(commentEditAction, `/comments/${comment.id}`, staff, { intent: "edit", body: "แก้แล้ว" }, params),
      post(commentEditAction, `/comments/${comment.id}`, staff, deleteForm, params),
    ]);
    // The edit either landed first (302) or found the comment gone (404); both deletes land on the
    // idea, whether the second found the comment still there or already gone.
    expect(responses[0].headers.get("Location")).toBe(`/ideas/${ideaId}#comments`);
    expect([302, 404]).toContain(responses[1].status);
    expect(responses[2].headers.get("Location")).toBe(`/ideas/${ideaId}#comments`);
    const rows = await db.select({ id: ideaComments.id }).from(ideaComments).where(eq(ideaComments.ideaId, ideaId));
    const [idea] = await db.select({ commentCount: ideas.commentCount }).from(ideas).where(eq(ideas.id, ideaId));
    expect({ rows: rows.length, commentCount: idea.commentCount }).toEqual({ rows: 0, commentCount: 0 });
  });

  it("a new-idea form posted without its token (a form from before tokens, or a tampered one) creates one idea per post: there is nothing to tell them apart", async () => {
    const staff = await cookieOf("LS025");
    const form = { title: "ไอเดียไม่มีโทเคน", problem: "ปัญหาที่พบในการทำงานประจำวัน", solution: "วิธีแก้ที่เสนอให้ลองทำดู", benefit: "ประโยชน์ที่คาดว่าจะได้รับ", planId: "", tags: "", coAuthor: ["", "", ""] };
    const responses = await Promise.all([0, 1].map(() => post(newIdeaAction, "/ideas/new", staff, form)));
    expect(statuses(responses)).toEqual([302, 302]);
    const created = await db.select({ id: ideas.id }).from(ideas).where(like(ideas.title, "ไอเดียไม่มีโทเคน"));
    expect(created).toHaveLength(2);
  });
});
