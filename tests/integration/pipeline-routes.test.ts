import { and, asc, eq, sql } from "drizzle-orm";
import { auditLog, committeeNotes, ideaScores, ideaStageEvents, ideas, plans, projects, scoringCriteria } from "../../db/schema";
import type { Database } from "../../db/client.server";
import { action as boardAction, loader as boardLoader } from "../../app/routes/committee._index";
import { loader as listLoader } from "../../app/routes/committee.list";
import { action as reviewAction, loader as reviewLoader } from "../../app/routes/committee.ideas.$ideaId";
import { action as criteriaAction, loader as criteriaLoader } from "../../app/routes/admin.criteria";
import { loader as ideaPageLoader } from "../../app/routes/ideas.$ideaId._index";
import { loader as notificationsLoader } from "../../app/routes/notifications";
import { routeClient } from "./route-client";
import { engineName, findPersonId, snapshotEveryTable, withDemoDatabaseForFile } from "./test-database";

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});

const { get, post } = routeClient(() => db);

const ideaIdOfKey = async (key: string) => {
  const [row] = await db.select({ id: ideas.id }).from(ideas).where(eq(ideas.submissionToken, `seed:${key}`));
  return row.id;
};
const stageOf = async (ideaId: number) => (await db.select({ stage: ideas.stage }).from(ideas).where(eq(ideas.id, ideaId)))[0].stage;
const review = (ideaId: number) => ({ path: `/committee/ideas/${ideaId}`, params: { ideaId: String(ideaId) } });

describe(`the review page (${engineName})`, () => {
  it("shows the idea, the moves the table allows, the criteria, the scores and the notes", async () => {
    const ideaId = await ideaIdOfKey("I044");
    const response = await get(reviewLoader, review(ideaId).path, "LS005", review(ideaId).params);
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.idea.stage).toBe("committee_review");
    expect(data.moves.map((rule: { to: string }) => rule.to)).toEqual(["approved", "screening", "not_adopted", "duplicate"]);
    expect(data.criteria).toHaveLength(5);
    expect(data.notes.length).toBeGreaterThanOrEqual(3);
    expect(data.notes.some((note: { parentNoteId: number | null }) => note.parentNoteId !== null)).toBe(true);
    expect(data.history.some((event: { meetingNumber: string | null }) => event.meetingNumber)).toBe(true);
    expect(data.moveOptions.staff.length).toBeGreaterThan(30);
    expect(data.defaults.nameTh).toBe(data.idea.title);
  });

  it("a move with a meeting citation; bad input keeps what was typed; a reason is required to reject", async () => {
    const ideaId = await ideaIdOfKey("I052");
    const { path, params } = review(ideaId);
    const bad = await post(reviewAction, path, "LS005", { intent: "move", from: "submitted", to: "screening", reason: "ผ่าน", meetingNumber: "ครั้งที่ 3/2569", meetingDate: "2026-02-30" }, params);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fieldErrors: { meetingDate: "pipeline.meeting.dateInvalid" }, values: { reason: "ผ่าน", meetingNumber: "ครั้งที่ 3/2569" } });
    expect(await stageOf(ideaId)).toBe("submitted");

    const ok = await post(
      reviewAction,
      path,
      "LS005",
      { intent: "move", from: "submitted", to: "screening", reason: "ผ่านเกณฑ์", meetingNumber: "ครั้งที่ 3/2569", meetingDate: "2026-11-24", meetingResolution: "ให้กลั่นกรอง" },
      params,
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe(`/committee/ideas/${ideaId}?done=moved&stage=screening`);
    const [event] = await db.select().from(ideaStageEvents).where(and(eq(ideaStageEvents.ideaId, ideaId), eq(ideaStageEvents.toStage, "screening")));
    expect(event).toMatchObject({ meetingNumber: "ครั้งที่ 3/2569", meetingDate: "2026-11-24", resolutionText: "ให้กลั่นกรอง", reason: "ผ่านเกณฑ์" });

    const before = await snapshotEveryTable(db);
    const noReason = await post(reviewAction, path, "LS005", { intent: "move", from: "screening", to: "not_adopted", reason: "  " }, params);
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ fieldErrors: { reason: "pipeline.error.reasonRequired" } });
    expect(await snapshotEveryTable(db)).toEqual(before);
  });

  it("someone else moved it first: told who, the current stage, and what was typed comes back", async () => {
    const ideaId = await ideaIdOfKey("I053");
    const { path, params } = review(ideaId);
    expect((await post(reviewAction, path, "LS002", { intent: "move", from: "submitted", to: "screening" }, params)).status).toBe(302);
    const late = await post(reviewAction, path, "LS005", { intent: "move", from: "submitted", to: "screening", reason: "เห็นควรกลั่นกรอง", meetingNumber: "ครั้งที่ 4/2569", meetingDate: "2026-11-24" }, params);
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({
      problem: { problem: "pipeline.error.movedByOther", movedBy: "นางวิไลวรรณ ศรีสุข", movedByEn: "Wilaiwan Srisuk", currentStage: "screening" },
      values: { reason: "เห็นควรกลั่นกรอง", meetingNumber: "ครั้งที่ 4/2569" },
    });
    expect(await db.select().from(ideaStageEvents).where(and(eq(ideaStageEvents.ideaId, ideaId), eq(ideaStageEvents.toStage, "screening")))).toHaveLength(1);
  });

  it("finds an original by number without losing what was typed, then marks the duplicate", async () => {
    const ideaId = await ideaIdOfKey("I059");
    const original = await ideaIdOfKey("I033");
    const { path, params } = review(ideaId);
    const search = await post(reviewAction, path, "LS005", { intent: "findOriginal", from: "submitted", to: "duplicate", originalQuery: `#${original}`, reason: "ซ้ำกับงานซ่อมถนน" }, params);
    expect(search.status).toBe(200);
    expect(await search.json()).toMatchObject({ candidates: [{ id: original }], values: { reason: "ซ้ำกับงานซ่อมถนน", originalQuery: `#${original}` } });
    const marked = await post(reviewAction, path, "LS005", { intent: "move", from: "submitted", to: "duplicate", duplicateOfIdeaId: String(original), reason: "ซ้ำกับงานซ่อมถนน" }, params);
    expect(marked.status).toBe(302);
    const [row] = await db.select({ stage: ideas.stage, duplicateOfIdeaId: ideas.duplicateOfIdeaId }).from(ideas).where(eq(ideas.id, ideaId));
    expect(row).toEqual({ stage: "duplicate", duplicateOfIdeaId: original });
    const originalPage = await get(reviewLoader, review(original).path, "LS005", review(original).params);
    expect((await originalPage.json()).duplicates.map((item: { id: number }) => item.id)).toContain(ideaId);
    // Anyone reading the original's own page sees its duplicates too.
    const staffView = await get(ideaPageLoader, `/ideas/${original}`, "LS025", { ideaId: String(original) });
    expect((await staffView.json()).duplicates).toContainEqual({ id: ideaId, title: expect.any(String) });
  });

  it("scores: every criterion is needed; saving again replaces the member's scores", async () => {
    const ideaId = await ideaIdOfKey("I043");
    const { path, params } = review(ideaId);
    const criteria = await db.select({ id: scoringCriteria.id }).from(scoringCriteria).orderBy(asc(scoringCriteria.sortOrder));
    const partial = await post(reviewAction, path, "LS005", { intent: "score", [`score-${criteria[0].id}`]: "4" }, params);
    expect(partial.status).toBe(400);
    const partialData = await partial.json();
    expect(partialData.values[`score-${criteria[0].id}`]).toBe("4");
    expect(partialData.fieldErrors[`score-${criteria[1].id}`]).toBe("pipeline.scores.required");
    const all = Object.fromEntries(criteria.map((criterion) => [`score-${criterion.id}`, "5"]));
    expect((await post(reviewAction, path, "LS005", { intent: "score", ...all }, params)).status).toBe(302);
    const again = Object.fromEntries(criteria.map((criterion) => [`score-${criterion.id}`, "3"]));
    expect((await post(reviewAction, path, "LS005", { intent: "score", ...again }, params)).status).toBe(302);
    const mine = await db.select().from(ideaScores).where(and(eq(ideaScores.ideaId, ideaId), eq(ideaScores.personId, await findPersonId(db, "LS005"))));
    expect(mine.map((score) => score.score)).toEqual([3, 3, 3, 3, 3]);
    // The members' scores are headed by their names, in English too where the roster has one.
    const page = await (await get(reviewLoader, path, "LS005", params)).json();
    expect(page.members.find((member: { personId: number }) => member.personId === mine[0].personId)).toMatchObject({ nameTh: "นางสาวปิยะนุช บุญมา", nameEn: "Piyanuch Boonma" });
    // Closed ideas take no scores.
    const closed = await ideaIdOfKey("I001");
    const refused = await post(reviewAction, review(closed).path, "LS005", { intent: "score", ...all }, review(closed).params);
    expect(refused.status).toBe(409);
  });

  it("approval through the form creates the project; a missing field is shown beside it", async () => {
    const ideaId = await ideaIdOfKey("I036");
    const { path, params } = review(ideaId);
    const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.code, "2.1"));
    const owner = await findPersonId(db, "LS040");
    const fields = { intent: "move", from: "committee_review", to: "approved", projectMode: "new", nameTh: "ฉลาก QR เล่าเรื่องผลิตภัณฑ์สมุนไพร", planId: String(plan.id), owner: "LS040", startDate: "2026-12-01", endDate: "2027-05-31", meetingNumber: "ครั้งที่ 5/2569", meetingDate: "2026-11-24" };
    const missing = await post(reviewAction, path, "LS005", { ...fields, budget: "" }, params);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ fieldErrors: { budget: expect.stringMatching(/^projects\./) }, values: { nameTh: fields.nameTh } });
    expect(await stageOf(ideaId)).toBe("committee_review");
    const ok = await post(reviewAction, path, "LS005", { ...fields, budget: "45,000" }, params);
    expect(ok.status).toBe(302);
    const [row] = await db.select({ stage: ideas.stage, projectId: ideas.projectId }).from(ideas).where(eq(ideas.id, ideaId));
    expect(row.stage).toBe("approved");
    const [project] = await db.select().from(projects).where(eq(projects.id, row.projectId!));
    expect(project).toMatchObject({ nameTh: fields.nameTh, budget: 45000, ownerPersonId: owner, planId: plan.id });
    const page = await get(ideaPageLoader, `/ideas/${ideaId}`, "LS025", { ideaId: String(ideaId) });
    expect((await page.json()).idea.project).toEqual({ id: project.id, name: fields.nameTh });
  });

  it("the idea page shows the committee's score summary to the committee, and to the authors only once decided", async () => {
    const ideaId = await ideaIdOfKey("I043");
    const criteria = await db.select({ id: scoringCriteria.id }).from(scoringCriteria).orderBy(asc(scoringCriteria.sortOrder));
    const fours = Object.fromEntries(criteria.map((criterion) => [`score-${criterion.id}`, "4"]));
    expect((await post(reviewAction, review(ideaId).path, "LS002", { intent: "score", ...fours }, review(ideaId).params)).status).toBe(302);
    const pageFor = async (username: string) => (await (await get(ideaPageLoader, `/ideas/${ideaId}`, username, { ideaId: String(ideaId) })).json()) as { scoreSummary: { raters: number } | null; idea: { authors: { employeeCode: string }[] } };
    const committeeView = await pageFor("LS005");
    expect(committeeView.scoreSummary?.raters).toBeGreaterThanOrEqual(1);
    const author = committeeView.idea.authors[0].employeeCode;
    expect((await pageFor(author)).scoreSummary, "an author does not see scores while the idea is in review").toBeNull();
    await db.update(ideas).set({ stage: "not_adopted" }).where(eq(ideas.id, ideaId));
    expect((await pageFor(author)).scoreSummary?.raters).toBe(committeeView.scoreSummary?.raters);
    const outsider = ["LS025", "LS030", "LS031"].find((code) => code !== author)!;
    expect((await pageFor(outsider)).scoreSummary, "other staff never see scores").toBeNull();
    await db.update(ideas).set({ stage: "committee_review" }).where(eq(ideas.id, ideaId));
  });
});

describe(`committee notes stay with the committee (${engineName})`, () => {
  const marker = "บันทึกลับเฉพาะกรรมการ-7f3a";

  it("a note and a reply are added; a reply to another idea's note is refused", async () => {
    const ideaId = await ideaIdOfKey("I038");
    const { path, params } = review(ideaId);
    const added = await post(reviewAction, path, "LS023", { intent: "note", body: marker }, params);
    expect(added.status).toBe(302);
    const [note] = await db.select().from(committeeNotes).where(eq(committeeNotes.body, marker));
    const reply = await post(reviewAction, path, "LS005", { intent: "note", body: `ตอบ ${marker}`, parentNoteId: String(note.id) }, params);
    expect(reply.status).toBe(302);
    const other = await ideaIdOfKey("I044");
    const wrong = await post(reviewAction, review(other).path, "LS005", { intent: "note", body: "ตอบผิดไอเดีย", parentNoteId: String(note.id) }, review(other).params);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: "pipeline.notes.parentUnknown", body: "ตอบผิดไอเดีย" });
    const empty = await post(reviewAction, path, "LS005", { intent: "note", body: "   " }, params);
    expect(empty.status).toBe(400);
    // Zero-width spaces only are no note either: refused beside the field, what was typed kept.
    const before = await db.select().from(committeeNotes).where(eq(committeeNotes.ideaId, ideaId));
    const invisible = await post(reviewAction, path, "LS005", { intent: "note", body: "\u200b".repeat(4) }, params);
    expect(invisible.status).toBe(400);
    expect(await invisible.json()).toMatchObject({ error: "pipeline.notes.required", body: "\u200b".repeat(4) });
    expect(await db.select().from(committeeNotes).where(eq(committeeNotes.ideaId, ideaId))).toHaveLength(before.length);
  });

  it("never reach a page staff, authors, executives, directors or admins load", async () => {
    const ideaId = await ideaIdOfKey("I038");
    const seededNote = "ผู้ปกครองบางส่วนไม่มีสมาร์ทโฟน";
    for (const username of ["LS033" /* the author */, "LS025", "LS001", "LS016", "LS006", "LS004"]) {
      const page = await get(ideaPageLoader, `/ideas/${ideaId}`, username, { ideaId: String(ideaId) });
      expect(page.status, username).toBe(200);
      const text = await page.text();
      expect(text, username).not.toContain(marker);
      expect(text, username).not.toContain(seededNote);
      const bell = await get(notificationsLoader, "/notifications", username);
      expect(await bell.text(), username).not.toContain(marker);
      const refused = await get(reviewLoader, `/committee/ideas/${ideaId}`, username, { ideaId: String(ideaId) });
      expect(refused.status, username).toBe(403);
    }
    // The committee does see them (the same loader, another role).
    const committeePage = await get(reviewLoader, `/committee/ideas/${ideaId}`, "LS002", { ideaId: String(ideaId) });
    expect(await committeePage.text()).toContain(marker);
  });
});

describe(`the board and the list (${engineName})`, () => {
  it("a card moved by a plain form post; a move that needs more goes to the review page", async () => {
    const ideaId = await ideaIdOfKey("I054");
    const moved = await post(boardAction, "/committee?index&plan=&fy=2569", "LS039", { intent: "move", ideaId: String(ideaId), from: "submitted", to: "screening" });
    expect(moved.status).toBe(302);
    expect(moved.headers.get("Location")).toBe(`/committee?plan=&fy=2569&moved=${ideaId}&to=screening`);
    expect(await stageOf(ideaId)).toBe("screening");
    const needsReason = await post(boardAction, "/committee?index", "LS039", { intent: "move", ideaId: String(ideaId), from: "screening", to: "not_adopted" });
    expect(needsReason.status).toBe(302);
    expect(needsReason.headers.get("Location")).toBe(`/committee/ideas/${ideaId}?move=not_adopted&from=screening#move-not_adopted`);
    expect(await stageOf(ideaId)).toBe("screening");
    const stale = await post(boardAction, "/committee?index", "LS005", { intent: "move", ideaId: String(ideaId), from: "submitted", to: "screening" });
    expect(stale.status).toBe(409);
    // The answer names the idea, so the board can say which of its cards could not be moved.
    expect(await stale.json()).toMatchObject({ ideaId, problem: { problem: "pipeline.error.movedByOther", currentStage: "screening" } });
    const skip = await post(boardAction, "/committee?index", "LS005", { intent: "move", ideaId: String(ideaId), from: "screening", to: "approved" });
    expect(skip.status).toBe(409);
    expect(await skip.json()).toMatchObject({ problem: { problem: "pipeline.error.skip", next: "committee_review" } });
  });

  it("the board and the list load with filters for the committee", async () => {
    const board = await get(boardLoader, "/committee?fy=2570&moved=1&to=screening", "LS005");
    const boardData = await board.json();
    expect(boardData.columns).toHaveLength(9);
    expect(boardData.query.fy).toBe("2570");
    expect(boardData.search).toBe("?fy=2570");
    const list = await get(listLoader, "/committee/list?stage=committee_review", "LS005");
    const listData = await list.json();
    expect(listData.rows.length).toBeGreaterThan(0);
    expect(listData.rows.every((row: { stage: string }) => row.stage === "committee_review")).toBe(true);
  });
});

describe(`editing the criteria (${engineName})`, () => {
  it("adds, renames, deactivates and reorders, each audited; a taken name is refused", async () => {
    const taken = await post(criteriaAction, "/admin/criteria", "LS006", { intent: "add", nameTh: "ความใหม่", nameEn: "" });
    expect(taken.status).toBe(400);
    expect(await taken.json()).toMatchObject({ fieldErrors: { nameTh: "pipeline.criteria.nameTaken" }, submitted: { nameTh: "ความใหม่" } });
    expect((await post(criteriaAction, "/admin/criteria", "LS006", { intent: "add", nameTh: "ความยั่งยืน", nameEn: "Sustainability" })).status).toBe(302);
    const [added] = await db.select().from(scoringCriteria).where(eq(scoringCriteria.nameTh, "ความยั่งยืน"));
    expect(added).toMatchObject({ active: true, sortOrder: 6 });
    expect((await post(criteriaAction, "/admin/criteria", "LS006", { intent: "up", id: String(added.id) })).status).toBe(302);
    const ordered = await db.select({ nameTh: scoringCriteria.nameTh }).from(scoringCriteria).orderBy(asc(scoringCriteria.sortOrder));
    expect(ordered.map((row) => row.nameTh).slice(-2)).toEqual(["ความยั่งยืน", "ความสอดคล้องกับแผน"]);
    expect((await post(criteriaAction, "/admin/criteria", "LS006", { intent: "save", id: String(added.id), nameTh: "ความยั่งยืนของผลงาน", nameEn: "Sustainability" })).status).toBe(302);
    const [saved] = await db.select().from(scoringCriteria).where(eq(scoringCriteria.id, added.id));
    expect(saved).toMatchObject({ nameTh: "ความยั่งยืนของผลงาน", active: false });
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(sql`${auditLog.action} like 'criteria.%'`);
    expect(audits.map((row) => row.action).sort()).toEqual(["criteria.added", "criteria.changed", "criteria.reordered"]);
    const page = await get(criteriaLoader, "/admin/criteria", "LS006");
    expect((await page.json()).criteria).toHaveLength(6);
  });
});
