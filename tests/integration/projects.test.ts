import { and, asc, eq, sql } from "drizzle-orm";
import { readFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_FOLDER, openDatabase, type Database, type DatabaseHandle } from "../../db/client.server";
import {
  accounts,
  attachments,
  auditLog,
  ideaAuthors,
  ideaStageEvents,
  ideas,
  innovationFollowUps,
  innovations,
  projectMembers,
  projectMilestones,
  projects,
} from "../../db/schema";
import { tinyPdf } from "../../db/seed/seed-projects.server";
import { startSession } from "../../app/auth/session.server";
import type { IdeaStage } from "../../app/domain/idea-stages";
import { MAX_ATTACHMENT_BYTES } from "../../app/domain/attachment-kinds";
import { loader as attachmentLoader, action as attachmentAction } from "../../app/routes/attachments.$attachmentId";
import { loader as attachmentUnavailableLoader } from "../../app/routes/attachments.$attachmentId_.unavailable";
import { action as projectPageAction } from "../../app/routes/projects.$projectId._index";
import { readUploadForm, saveAttachment } from "../../app/services/attachments.server";
import { quarterMovement } from "../../app/services/reports.server";
import { addFollowUp, deliverInnovation, emptyInnovationFormValues, updateInnovation, type InnovationFormValues } from "../../app/services/innovations.server";
import {
  addMilestone,
  createProject,
  createProjectForIdea,
  emptyProjectFormValues,
  parseBudget,
  parseProjectForm,
  editMilestone,
  removeMilestone,
  setMilestoneDone,
  updateProject,
  type ProjectActor,
  type ProjectInput,
} from "../../app/services/projects.server";
import { countEveryTable, engineName, findPersonId, withDemoDatabaseForFile } from "./test-database";

let db: Database;
/** For the race on PostgreSQL: a handle with more connections than the default test pool. */
let raceHandle: DatabaseHandle | undefined;
let raceDb: Database;
withDemoDatabaseForFile(async (database) => {
  db = database.handle.db;
  raceHandle = database.databaseUrl ? await openDatabase({ databaseUrl: database.databaseUrl, maxConnections: 10 }) : undefined;
  raceDb = raceHandle?.db ?? db;
});
afterAll(async () => {
  await raceHandle?.close();
});

const NOW = new Date("2026-11-25T10:00:00+07:00");

async function accountOf(username: string): Promise<{ accountId: string; personId: number }> {
  const [row] = await db.select({ accountId: accounts.id, personId: accounts.personId }).from(accounts).where(eq(accounts.username, username));
  return row;
}
async function committee(): Promise<ProjectActor> {
  return { ...(await accountOf("LS005")), ipAddress: "127.0.0.1" };
}
async function cookieOf(username: string): Promise<string> {
  const { accountId } = await accountOf(username);
  return (await startSession(accountId)).split(";")[0];
}

let ideaNumber = 0;
/** An idea written straight into the tables at `stage`, authored by `authorCode`. */
async function createIdea(stage: IdeaStage, authorCode = "LS027"): Promise<number> {
  ideaNumber += 1;
  const [idea] = await db
    .insert(ideas)
    .values({ title: `ไอเดียทดสอบโครงการ ${ideaNumber}`, problem: "ปัญหา", solution: "วิธีแก้", benefit: "ประโยชน์", fiscalYear: 2570, stage })
    .returning({ id: ideas.id });
  await db.insert(ideaAuthors).values({ ideaId: idea.id, personId: await findPersonId(db, authorCode), isSubmitter: true });
  return idea.id;
}

async function planId(code: string): Promise<number> {
  const [row] = await db.execute<{ id: number }>(sql`select id from plans where code = ${code}`).then((result) =>
    Array.isArray(result) ? result : (result as unknown as { rows: { id: number }[] }).rows,
  );
  return Number(row.id);
}

async function projectInput(overrides: Partial<ProjectInput> = {}): Promise<ProjectInput> {
  return {
    nameTh: "โครงการทดสอบระบบติดตามงาน",
    planId: await planId("2.3"),
    ownerPersonId: await findPersonId(db, "LS025"),
    budget: 120000,
    startDate: "2026-10-01",
    endDate: "2027-09-30",
    memberPersonIds: [await findPersonId(db, "LS027"), await findPersonId(db, "LS025")],
    ...overrides,
  };
}

const stageOf = async (ideaId: number) => (await db.select({ stage: ideas.stage }).from(ideas).where(eq(ideas.id, ideaId)))[0].stage;

function innovationValues(overrides: Partial<InnovationFormValues> = {}): InnovationFormValues {
  return {
    ...emptyInnovationFormValues(),
    nameTh: "เครื่องแจ้งเตือนทดสอบ",
    description: "ชิ้นงานสำหรับการทดสอบการส่งมอบนวัตกรรม",
    deliveredOn: "2026-11-20",
    beneficiaries: "ประชาชนหมู่ที่ 4",
    ...overrides,
  };
}

async function run(promise: Promise<unknown>): Promise<Response> {
  try {
    return (await promise) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe(`projects for ideas (${engineName})`, () => {
  it("createProjectForIdea inside a transaction that is rolled back leaves nothing", async () => {
    const ideaId = await createIdea("approved");
    const before = await countEveryTable(db);
    const input = await projectInput();
    const actor = await committee();
    let projectId = 0;
    await expect(
      db.transaction(async (tx) => {
        const result = await createProjectForIdea(tx, { ideaId, project: input, actor });
        expect(result.ok).toBe(true);
        if (result.ok) projectId = result.projectId;
        // Inside the transaction the idea is tied to the project and the team is there.
        const [idea] = await tx.select({ projectId: ideas.projectId }).from(ideas).where(eq(ideas.id, ideaId));
        expect(idea.projectId).toBe(projectId);
        expect(await tx.select().from(projectMembers).where(eq(projectMembers.projectId, projectId))).toHaveLength(1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(projectId).toBeGreaterThan(0);
    expect(await countEveryTable(db)).toEqual(before);
    expect(await db.select().from(projects).where(eq(projects.id, projectId))).toHaveLength(0);
    const [idea] = await db.select({ projectId: ideas.projectId }).from(ideas).where(eq(ideas.id, ideaId));
    expect(idea.projectId).toBeNull();
  });

  it("creates a planned project for an idea, or links one, and refuses bad input writing nothing", async () => {
    const ideaId = await createIdea("approved");
    const before = await countEveryTable(db);
    const refused = await createProjectForIdea(db, { ideaId, project: await projectInput({ nameTh: "", planId: null, budget: -1, endDate: "2026-01-01" }) });
    expect(refused).toEqual({
      ok: false,
      fieldErrors: {
        nameTh: "projects.error.required",
        planId: "projects.error.planRequired",
        budget: "projects.error.budgetInvalid",
        endDate: "projects.error.endBeforeStart",
      },
    });
    expect(await countEveryTable(db)).toEqual(before);

    const created = await createProjectForIdea(db, { ideaId, project: await projectInput() });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const [project] = await db.select().from(projects).where(eq(projects.id, created.projectId));
    expect(project).toMatchObject({ status: "planned", fiscalYear: null, progress: 0, budget: 120000 });

    // A second idea joins the same project; the first cannot be tied to another one.
    const second = await createIdea("approved");
    expect(await createProjectForIdea(db, { ideaId: second, existingProjectId: created.projectId })).toEqual({ ok: true, projectId: created.projectId });
    expect(await createProjectForIdea(db, { ideaId, project: await projectInput() })).toEqual({ ok: false, fieldErrors: { ideaId: "projects.error.ideaHasProject" } });
    expect(await createProjectForIdea(db, { ideaId: 987654, existingProjectId: created.projectId })).toEqual({
      ok: false,
      fieldErrors: { ideaId: "projects.error.ideaNotFound" },
    });
    const withdrawn = await createIdea("withdrawn");
    expect(await createProjectForIdea(db, { ideaId: withdrawn, existingProjectId: created.projectId })).toEqual({
      ok: false,
      fieldErrors: { ideaId: "projects.error.ideaClosed" },
    });
  });

  it("starting a project sets its fiscal year and moves its approved ideas to in progress", async () => {
    const actor = await committee();
    const ideaId = await createIdea("approved");
    const created = await createProjectForIdea(db, { ideaId, project: await projectInput({ startDate: "2025-09-15" }) });
    if (!created.ok) throw new Error("not created");
    const result = await updateProject(db, actor, created.projectId, { ...(await projectInput({ startDate: "2025-09-15" })), progress: 10, status: "active" });
    expect(result).toEqual({ ok: true, projectId: created.projectId });
    const [project] = await db.select().from(projects).where(eq(projects.id, created.projectId));
    // Started 15 Sep 2025: FY 2568 (Oct 2024 – Sep 2025).
    expect(project).toMatchObject({ status: "active", fiscalYear: 2568, progress: 10 });
    expect(await stageOf(ideaId)).toBe("in_progress");
    const [event] = await db
      .select()
      .from(ideaStageEvents)
      .where(and(eq(ideaStageEvents.ideaId, ideaId), eq(ideaStageEvents.toStage, "in_progress")));
    expect(event).toMatchObject({ fromStage: "approved", byAccountId: actor.accountId, reason: "โครงการเริ่มดำเนินการ" });

    // Back to planned: it counts in no year.
    await updateProject(db, actor, created.projectId, { ...(await projectInput({ startDate: "2025-09-15" })), progress: 10, status: "planned" });
    expect((await db.select().from(projects).where(eq(projects.id, created.projectId)))[0].fiscalYear).toBeNull();
    expect(await updateProject(db, actor, 987654, { ...(await projectInput()), progress: 0, status: "active" })).toBe("notFound");
  });

  it("a budget and a progress typed in Thai digits are read as numbers", async () => {
    expect(parseBudget("๑๐๐,๐๐๐")).toBe(100000);
    expect(parseBudget("๑๒๐,๐๐๐.๕๐ ฿")).toBe(120000.5);
    expect(parseBudget("๑ล้าน")).toBe("invalid");
    const parsed = await parseProjectForm(db, { ...emptyProjectFormValues(), nameTh: "โครงการทดสอบเลขไทย", budget: "๑๐๐,๐๐๐", progress: "๕๐" }, { today: "2026-11-25" });
    expect(parsed.fieldErrors).toEqual({});
    expect(parsed.input).toMatchObject({ budget: 100000, progress: 50 });
  });

  it("a project set completed before its end date is reported completed in the quarter it was set so, not at its end date", async () => {
    const actor = await committee();
    const created = await createProjectForIdea(db, { ideaId: await createIdea("approved"), project: await projectInput({ startDate: "2026-10-01", endDate: "2027-09-30" }) });
    if (!created.ok) throw new Error("not created");
    const completedIn = async (quarter: 1 | 4) => (await quarterMovement(db, { fiscalYearBE: 2570, quarter }, calendar, { listLimit: null })).projectsCompleted.items.map((item) => [item.id, item.date]);
    const completedOn = async () => (await db.select({ completedOn: projects.completedOn }).from(projects).where(eq(projects.id, created.projectId)))[0].completedOn;
    const input = { ...(await projectInput({ startDate: "2026-10-01", endDate: "2027-09-30" })), progress: 100 };
    const calendar = { startMonth: 10, timeZone: "Asia/Bangkok" };

    expect(await updateProject(db, actor, created.projectId, { ...input, status: "completed" }, { now: NOW })).toEqual({ ok: true, projectId: created.projectId });
    expect(await completedOn()).toBe("2026-11-25");
    expect(await completedIn(1)).toContainEqual([created.projectId, "2026-11-25"]);
    expect((await completedIn(4)).map(([id]) => id)).not.toContain(created.projectId);

    // Edited again later while still completed: it keeps the day it was completed.
    await updateProject(db, actor, created.projectId, { ...input, status: "completed" }, { now: new Date("2027-01-10T10:00:00+07:00") });
    expect(await completedOn()).toBe("2026-11-25");
    // Reopened: no longer completed on any day.
    await updateProject(db, actor, created.projectId, { ...input, status: "active" }, { now: NOW });
    expect(await completedOn()).toBeNull();
    expect((await completedIn(1)).map(([id]) => id)).not.toContain(created.projectId);
  });

  it("migration 0015 dates the projects completed before it by their end date", async () => {
    const completed = await db.select({ id: projects.id, endDate: projects.endDate, completedOn: projects.completedOn }).from(projects).where(eq(projects.status, "completed"));
    expect(completed.length).toBeGreaterThan(0);
    await db.update(projects).set({ completedOn: null });
    const migration = readFileSync(path.join(MIGRATIONS_FOLDER, "0015_project_completed_on.sql"), "utf8");
    const update = migration.split("--> statement-breakpoint").find((statement) => statement.includes("UPDATE"));
    await db.execute(sql.raw(update!));
    const after = await db.select({ id: projects.id, status: projects.status, endDate: projects.endDate, completedOn: projects.completedOn }).from(projects);
    for (const row of after) expect(row.completedOn, String(row.id)).toBe(row.status === "completed" ? row.endDate : null);
  });
});

describe(`innovations (${engineName})`, () => {
  it("delivering the first innovation moves the project's ideas to implemented, an approved one through in progress", async () => {
    const actor = await committee();
    const created = await createProject(db, actor, await projectInput({ startDate: "2026-12-01" }));
    if (!created.ok) throw new Error("not created");
    const inProgress = await createIdea("in_progress");
    const approved = await createIdea("approved");
    await db.update(ideas).set({ projectId: created.projectId }).where(sql`${ideas.id} in (${inProgress}, ${approved})`);

    const result = await deliverInnovation(db, actor, { projectId: created.projectId, values: innovationValues(), now: NOW });
    expect(result).toMatchObject({ ok: true, first: true });
    if (result === "notFound" || !result.ok) return;
    expect(await stageOf(inProgress)).toBe("implemented");
    expect(await stageOf(approved)).toBe("implemented");
    const moves = await db
      .select({ from: ideaStageEvents.fromStage, to: ideaStageEvents.toStage, by: ideaStageEvents.byAccountId })
      .from(ideaStageEvents)
      .where(eq(ideaStageEvents.ideaId, approved))
      .orderBy(asc(ideaStageEvents.id));
    expect(moves).toEqual([
      { from: "approved", to: "in_progress", by: actor.accountId },
      { from: "in_progress", to: "implemented", by: actor.accountId },
    ]);
    const [innovation] = await db.select().from(innovations).where(eq(innovations.id, result.innovationId));
    expect(innovation).toMatchObject({ fiscalYear: 2570, ipStatus: "none", deliveredOn: "2026-11-20", createdByAccountId: actor.accountId });
    // The planned project has evidently started: active, from the delivery, counted in FY 2570.
    const [project] = await db.select().from(projects).where(eq(projects.id, created.projectId));
    expect(project).toMatchObject({ status: "active", startDate: "2026-11-20", fiscalYear: 2570 });
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "innovation.delivered"), eq(auditLog.entityId, String(result.innovationId))))).toHaveLength(1);

    // A later innovation is not the first: an idea that joined since stays in progress.
    const later = await createIdea("in_progress");
    await db.update(ideas).set({ projectId: created.projectId }).where(eq(ideas.id, later));
    expect(await deliverInnovation(db, actor, { projectId: created.projectId, values: innovationValues({ nameTh: "ชิ้นงานที่สอง" }), now: NOW })).toMatchObject({
      ok: true,
      first: false,
    });
    expect(await stageOf(later)).toBe("in_progress");
  });

  it("two deliveries at once: exactly one is the first, and each idea moves once", async () => {
    const actor = await committee();
    const other = { ...(await accountOf("LS039")), ipAddress: "127.0.0.1" };
    const created = await createProject(db, actor, await projectInput());
    if (!created.ok) throw new Error("not created");
    const ideaIds = [await createIdea("in_progress"), await createIdea("approved")];
    await db.update(ideas).set({ projectId: created.projectId }).where(sql`${ideas.id} in (${ideaIds[0]}, ${ideaIds[1]})`);
    const results = await Promise.all([
      deliverInnovation(raceDb, actor, { projectId: created.projectId, values: innovationValues({ nameTh: "ชิ้นงานของคนที่หนึ่ง" }), now: NOW }),
      deliverInnovation(raceDb, other, { projectId: created.projectId, values: innovationValues({ nameTh: "ชิ้นงานของคนที่สอง" }), now: NOW }),
    ]);
    expect(results.map((result) => (result !== "notFound" && result.ok ? result.first : null)).sort()).toEqual([false, true]);
    expect(await db.select().from(innovations).where(eq(innovations.projectId, created.projectId))).toHaveLength(2);
    for (const ideaId of ideaIds) {
      expect(await stageOf(ideaId)).toBe("implemented");
      const toImplemented = await db
        .select()
        .from(ideaStageEvents)
        .where(and(eq(ideaStageEvents.ideaId, ideaId), eq(ideaStageEvents.toStage, "implemented")));
      expect(toImplemented).toHaveLength(1);
    }
  });

  it("refuses an IP status without what it needs, and writes nothing", async () => {
    const actor = await committee();
    const created = await createProject(db, actor, await projectInput());
    if (!created.ok) throw new Error("not created");
    const before = await countEveryTable(db);
    const refused = await deliverInnovation(db, actor, {
      projectId: created.projectId,
      values: innovationValues({ ipStatus: "petty_patent_granted", ipFiledOn: "2026-10-01" }),
      now: NOW,
    });
    expect(refused).toEqual({ ok: false, fieldErrors: { ipNumber: "projects.error.ipNumberRequired", ipGrantedOn: "projects.error.ipGrantedRequired" } });
    const refusedToo = await deliverInnovation(db, actor, {
      projectId: created.projectId,
      values: innovationValues({ ipStatus: "none", ipNumber: "123", deliveredOn: "2026-12-01" }),
      now: NOW,
    });
    expect(refusedToo).toEqual({ ok: false, fieldErrors: { ipNumber: "projects.error.ipNumberNotApplicable", deliveredOn: "projects.error.dateInFuture" } });
    expect(await deliverInnovation(db, actor, { projectId: created.projectId, values: innovationValues({ ipStatus: "trademark" }), now: NOW })).toEqual({
      ok: false,
      fieldErrors: { ipStatus: "projects.error.ipStatusUnknown" },
    });
    expect(await countEveryTable(db)).toEqual(before);

    const filed = await deliverInnovation(db, actor, {
      projectId: created.projectId,
      values: innovationValues({ ipStatus: "petty_patent_filed", ipFiledOn: "2026-11-21", ipNumber: "2603001234" }),
      now: NOW,
    });
    if (filed === "notFound" || !filed.ok) throw new Error("not delivered");
    const [row] = await db.select().from(innovations).where(eq(innovations.id, filed.innovationId));
    expect(row).toMatchObject({ ipStatus: "petty_patent_filed", ipFiledOn: "2026-11-21", ipGrantedOn: null, ipNumber: "2603001234" });

    // Follow-ups: not before the delivery, not after today, something observed.
    expect(await addFollowUp(db, actor, { innovationId: filed.innovationId, values: { reportedOn: "2026-11-01", observation: "สั้น", beneficiaries: "" }, now: NOW })).toEqual({
      ok: false,
      fieldErrors: { reportedOn: "projects.error.reportedBeforeDelivery", observation: "projects.error.tooShort" },
    });
    const added = await addFollowUp(db, actor, {
      innovationId: filed.innovationId,
      values: { reportedOn: "2026-11-24", observation: "ประชาชนใช้งานได้ดี แจ้งเหตุได้เร็วขึ้น", beneficiaries: "120 ครัวเรือน" },
      now: NOW,
    });
    expect(added).toMatchObject({ ok: true });
    expect(await db.select().from(innovationFollowUps).where(eq(innovationFollowUps.innovationId, filed.innovationId))).toHaveLength(1);
  });

  it("refuses delivery on a cancelled project", async () => {
    const actor = await committee();
    const created = await createProject(db, actor, await projectInput());
    if (!created.ok) throw new Error("not created");
    await updateProject(db, actor, created.projectId, { ...(await projectInput()), progress: 0, status: "cancelled" });
    expect(await deliverInnovation(db, actor, { projectId: created.projectId, values: innovationValues(), now: NOW })).toEqual({
      ok: false,
      fieldErrors: { project: "projects.error.projectCancelled" },
    });
    expect(await deliverInnovation(db, actor, { projectId: 987654, values: innovationValues(), now: NOW })).toBe("notFound");
  });

  it("keeps milestones: add, edit, mark done, reopen, remove", async () => {
    const actor = await committee();
    const created = await createProject(db, actor, await projectInput());
    if (!created.ok) throw new Error("not created");
    const projectId = created.projectId;
    expect(await addMilestone(db, actor, projectId, { title: "", dueDate: "2026-13-01", doneOn: "" }, NOW)).toEqual({
      ok: false,
      fieldErrors: { title: "projects.error.required", dueDate: "projects.error.dateInvalid" },
    });
    expect(await addMilestone(db, actor, projectId, { title: "สำรวจพื้นที่", dueDate: "2026-12-15", doneOn: "" }, NOW)).toEqual({ ok: true });
    const [milestone] = await db.select().from(projectMilestones).where(eq(projectMilestones.projectId, projectId));
    expect(await setMilestoneDone(db, actor, { projectId, milestoneId: milestone.id, done: true }, NOW)).toEqual({ ok: true });
    expect((await db.select().from(projectMilestones).where(eq(projectMilestones.id, milestone.id)))[0].doneOn).toBe("2026-11-25");
    expect(await editMilestone(db, actor, { projectId, milestoneId: milestone.id, values: { title: "สำรวจพื้นที่ทั้ง 8 หมู่", dueDate: "", doneOn: "" } }, NOW)).toEqual({ ok: true });
    expect((await db.select().from(projectMilestones).where(eq(projectMilestones.id, milestone.id)))[0]).toMatchObject({ title: "สำรวจพื้นที่ทั้ง 8 หมู่", doneOn: null });
    // A milestone of another project is not found through this one.
    expect(await removeMilestone(db, actor, { projectId: projectId + 1000, milestoneId: milestone.id })).toBe("notFound");
    expect(await removeMilestone(db, actor, { projectId, milestoneId: milestone.id })).toEqual({ ok: true });
    expect(await db.select().from(projectMilestones).where(eq(projectMilestones.projectId, projectId))).toHaveLength(0);
  });
});

/** A minimal PNG (1×1) and a Windows executable header: real magic bytes. */
const PNG_BYTES = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082", "hex");
const EXE_BYTES = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from("PE\0\0"), Buffer.alloc(200)]);

function multipartRequest(url: string, cookie: string, fields: Record<string, string>, file: { name: string; type: string; bytes: Uint8Array }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return new Request(url, { method: "POST", headers: { Cookie: cookie }, body: form });
}

describe(`attachments (${engineName})`, () => {
  let projectId: number;
  beforeAll(async () => {
    const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.code, "sakngam-care"));
    projectId = row.id;
  });

  it("stores a PDF renamed .png as a PDF, decided by its content", async () => {
    const actor = await committee();
    const saved = await saveAttachment(db, actor, { ownerType: "project", ownerId: projectId, fileName: "scan.png", bytes: tinyPdf(["scan"]) });
    if (!saved.ok) throw new Error(saved.error);
    const [row] = await db.select().from(attachments).where(eq(attachments.id, saved.attachmentId));
    expect(row).toMatchObject({ contentType: "application/pdf", fileName: "scan.pdf", ownerType: "project", ownerId: projectId });
    expect(Buffer.compare(row.data, tinyPdf(["scan"]))).toBe(0);
    const png = await saveAttachment(db, actor, { ownerType: "project", ownerId: projectId, fileName: "ภาพหน้างาน.jpg", bytes: PNG_BYTES });
    if (!png.ok) throw new Error(png.error);
    expect((await db.select().from(attachments).where(eq(attachments.id, png.attachmentId)))[0]).toMatchObject({ contentType: "image/png", fileName: "ภาพหน้างาน.png" });
  });

  it("refuses an executable or a web page renamed .pdf, an empty file, an over-size one and an unknown record", async () => {
    const actor = await committee();
    const before = await countEveryTable(db);
    const html = Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
    for (const bytes of [EXE_BYTES, html, Buffer.from("just some text, not a document")]) {
      expect(await saveAttachment(db, actor, { ownerType: "project", ownerId: projectId, fileName: "report.pdf", bytes })).toEqual({
        ok: false,
        error: "projects.attachment.error.kind",
      });
    }
    expect(await saveAttachment(db, actor, { ownerType: "project", ownerId: projectId, fileName: "empty.pdf", bytes: new Uint8Array() })).toEqual({
      ok: false,
      error: "projects.attachment.error.missing",
    });
    const huge = Buffer.concat([tinyPdf(["big"]), Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    expect(await saveAttachment(db, actor, { ownerType: "project", ownerId: projectId, fileName: "big.pdf", bytes: huge })).toEqual({
      ok: false,
      error: "projects.attachment.error.tooLarge",
    });
    expect(await saveAttachment(db, actor, { ownerType: "innovation", ownerId: 987654, fileName: "a.pdf", bytes: tinyPdf(["a"]) })).toEqual({
      ok: false,
      error: "projects.attachment.error.owner",
    });
    expect(await countEveryTable(db)).toEqual(before);
  });

  it("reads a multipart upload with a 10 MB limit, keeping the fields sent before the file", async () => {
    const huge = Buffer.concat([tinyPdf(["big"]), Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    const request = multipartRequest("http://localhost/x", "", { intent: "upload", ownerType: "project", ownerId: "7" }, { name: "big.pdf", type: "application/pdf", bytes: huge });
    const form = await readUploadForm(request);
    expect(form.tooLarge).toBe(true);
    expect(form.file).toBeNull();
    expect(form.fields.get("ownerId")).toBe("7");
    const small = await readUploadForm(multipartRequest("http://localhost/x", "", { intent: "upload" }, { name: "a.pdf", type: "text/plain", bytes: tinyPdf(["a"]) }));
    expect(small.tooLarge).toBe(false);
    expect(small.file?.name).toBe("a.pdf");
  });

  it("uploads through the project page for the committee only; an over-size file is refused with a message", async () => {
    const committeeCookie = await cookieOf("LS005");
    const url = `http://localhost/projects/${projectId}`;
    const params = { projectId: String(projectId) };
    const fields = { intent: "upload", ownerType: "project", ownerId: String(projectId) };
    const countFiles = async () => (await db.select().from(attachments).where(and(eq(attachments.ownerType, "project"), eq(attachments.ownerId, projectId)))).length;
    const before = await countFiles();

    const staff = await run(projectPageAction({ request: multipartRequest(url, await cookieOf("LS025"), fields, { name: "a.pdf", type: "application/pdf", bytes: tinyPdf(["a"]) }), params, context: {} }));
    expect(staff.status).toBe(403);
    expect(await countFiles()).toBe(before);

    const ok = await run(projectPageAction({ request: multipartRequest(url, committeeCookie, fields, { name: "รายงาน.pdf", type: "application/pdf", bytes: tinyPdf(["a"]) }), params, context: {} }));
    expect(ok.status).toBe(302);
    expect(await countFiles()).toBe(before + 1);

    const huge = Buffer.concat([tinyPdf(["big"]), Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    const tooLarge = await run(projectPageAction({ request: multipartRequest(url, committeeCookie, fields, { name: "big.pdf", type: "application/pdf", bytes: huge }), params, context: {} }));
    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.json()).toMatchObject({ intent: "upload", uploadError: "projects.attachment.error.tooLarge" });

    // A file for another project cannot be slipped in through this page.
    const elsewhere = await run(
      projectPageAction({ request: multipartRequest(url, committeeCookie, { ...fields, ownerId: String(projectId + 1) }, { name: "a.pdf", type: "application/pdf", bytes: tinyPdf(["a"]) }), params, context: {} }),
    );
    expect(elsewhere.status).toBe(400);
    expect(await countFiles()).toBe(before + 1);
  });

  it("serves a file only to people allowed to see its record, with safe headers", async () => {
    const actor = await committee();
    // Evidence of a committee decision on an idea by LS027.
    const ideaId = await createIdea("approved", "LS027");
    const [event] = await db.insert(ideaStageEvents).values({ ideaId, fromStage: "committee_review", toStage: "approved", reason: "" }).returning({ id: ideaStageEvents.id });
    const evidence = await saveAttachment(db, actor, { ownerType: "stage_event", ownerId: event.id, fileName: "มติที่ประชุม ครั้งที่ 3-2569.pdf", bytes: tinyPdf(["minutes"]) });
    const open = await saveAttachment(db, actor, { ownerType: "project", ownerId: projectId, fileName: 'a"b;\r\nX-Evil: 1.pdf', bytes: tinyPdf(["x"]) });
    if (!evidence.ok || !open.ok) throw new Error("not saved");

    const get = async (attachmentId: number, username: string | null) =>
      run(
        attachmentLoader({
          request: new Request(`http://localhost/attachments/${attachmentId}`, { headers: username ? { Cookie: await cookieOf(username) } : {} }),
          params: { attachmentId: String(attachmentId) },
          context: {},
        }),
      );

    const anonymous = await get(evidence.attachmentId, null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
    expect((await get(evidence.attachmentId, "LS025")).status).toBe(403); // staff, not an author
    expect((await get(evidence.attachmentId, "LS004")).status).toBe(403); // hr
    for (const allowed of ["LS005", "LS001", "LS027"]) expect((await get(evidence.attachmentId, allowed)).status, allowed).toBe(200); // committee, executive, the author

    const response = await get(evidence.attachmentId, "LS027");
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toMatch(/^private/);
    const thaiName = "มติที่ประชุม ครั้งที่ 3-2569.pdf";
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="_ _ 3-2569.pdf"; filename*=UTF-8''${encodeURIComponent(thaiName)}`);
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");

    // A project's file is open to everyone signed in; a name with quotes and new lines stays one header.
    const projectFile = await get(open.attachmentId, "LS025");
    expect(projectFile.status).toBe(200);
    const disposition = projectFile.headers.get("Content-Disposition") ?? "";
    expect(disposition).not.toMatch(/[\r\n]/);
    expect(disposition).toMatch(/^attachment; filename="[^"\\]*"; filename\*=UTF-8''[A-Za-z0-9%._~!$&+^`|-]*$/);
    expect(projectFile.headers.get("X-Evil")).toBeNull();
    expect((await get(987654, "LS005")).status).toBe(404);
  });

  it("a person who follows a link to a file they may not open, or that is gone, lands on the app's error page with that status", async () => {
    const actor = await committee();
    const ideaId = await createIdea("approved", "LS027");
    const [event] = await db.insert(ideaStageEvents).values({ ideaId, fromStage: "committee_review", toStage: "approved", reason: "" }).returning({ id: ideaStageEvents.id });
    const evidence = await saveAttachment(db, actor, { ownerType: "stage_event", ownerId: event.id, fileName: "มติ.pdf", bytes: tinyPdf(["minutes"]) });
    if (!evidence.ok) throw new Error("not saved");
    const missing = 987654;
    // What Chromium sends when a person clicks a link or types the address.
    const navigation = { "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document", Accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
    const call = async (loader: typeof attachmentLoader, suffix: string, attachmentId: number | string, username: string, headers: Record<string, string> = {}) =>
      run(
        loader({
          request: new Request(`http://localhost/attachments/${attachmentId}${suffix}`, { headers: { ...headers, Cookie: await cookieOf(username) } }),
          params: { attachmentId: String(attachmentId) },
          context: {},
        }),
      );

    // The link: refused or gone, a browser is sent to the page; a script or fetch still gets the bare status.
    for (const [attachmentId, username] of [
      [evidence.attachmentId, "LS025"],
      [missing, "LS005"],
    ] as const) {
      const followed = await call(attachmentLoader, "", attachmentId, username, navigation);
      expect(followed.status).toBe(302);
      expect(followed.headers.get("Location")).toBe(`/attachments/${attachmentId}/unavailable`);
    }
    expect((await call(attachmentLoader, "", evidence.attachmentId, "LS025")).status).toBe(403);
    expect((await call(attachmentLoader, "", evidence.attachmentId, "LS025", { "Sec-Fetch-Mode": "cors", Accept: "text/html" })).status).toBe(403);
    expect((await call(attachmentLoader, "", missing, "LS005")).status).toBe(404);
    const junk = await call(attachmentLoader, "", "abc", "LS005", navigation);
    expect([junk.status, junk.headers.get("Location")]).toEqual([302, "/attachments/abc/unavailable"]);

    // A permitted download still streams the file, navigation or not.
    const download = await call(attachmentLoader, "", evidence.attachmentId, "LS027", navigation);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment;/);

    // The page decides again from the file: 403 and 404 for its error boundary, the download for whoever may open it.
    expect((await call(attachmentUnavailableLoader, "/unavailable", evidence.attachmentId, "LS025")).status).toBe(403);
    expect((await call(attachmentUnavailableLoader, "/unavailable", missing, "LS005")).status).toBe(404);
    expect((await call(attachmentUnavailableLoader, "/unavailable", "abc", "LS005")).status).toBe(404);
    const allowed = await call(attachmentUnavailableLoader, "/unavailable", evidence.attachmentId, "LS027");
    expect([allowed.status, allowed.headers.get("Location")]).toEqual([302, `/attachments/${evidence.attachmentId}`]);
  });

  it("lets only the committee remove a file, and sends them back where they were", async () => {
    const actor = await committee();
    const saved = await saveAttachment(db, actor, { ownerType: "project", ownerId: projectId, fileName: "ลบได้.pdf", bytes: tinyPdf(["x"]) });
    if (!saved.ok) throw new Error(saved.error);
    const post = async (username: string, redirectTo: string) =>
      run(
        attachmentAction({
          request: new Request(`http://localhost/attachments/${saved.attachmentId}`, {
            method: "POST",
            headers: { Cookie: await cookieOf(username) },
            body: new URLSearchParams({ intent: "delete", redirectTo }),
          }),
          params: { attachmentId: String(saved.attachmentId) },
          context: {},
        }),
      );
    expect((await post("LS025", "/projects")).status).toBe(403);
    expect(await db.select().from(attachments).where(eq(attachments.id, saved.attachmentId))).toHaveLength(1);
    const removed = await post("LS005", "//evil.example/");
    expect(removed.status).toBe(302);
    expect(removed.headers.get("Location")).toBe("/projects");
    expect(await db.select().from(attachments).where(eq(attachments.id, saved.attachmentId))).toHaveLength(0);
  });
});

describe(`what the committee types (${engineName})`, () => {
  it("a Buddhist Era year in any date is refused beside its field, naming the slip, and nothing is written", async () => {
    const actor = await committee();
    const before = await countEveryTable(db);
    // Chromium's date input turns the typed 01102569 into 2569-01-10: it would count in FY 3113.
    expect(await createProject(db, actor, await projectInput({ startDate: "2569-10-01", endDate: "2570-09-30" }))).toEqual({
      ok: false,
      fieldErrors: { startDate: "error.buddhistEraYear", endDate: "error.buddhistEraYear" },
    });
    expect(await countEveryTable(db)).toEqual(before);
    const created = await createProject(db, actor, await projectInput());
    if (!created.ok) throw new Error("not created");
    expect(await updateProject(db, actor, created.projectId, { ...(await projectInput({ startDate: "2569-10-01" })), progress: 0, status: "active" })).toEqual({
      ok: false,
      fieldErrors: { startDate: "error.buddhistEraYear" },
    });
    expect(await addMilestone(db, actor, created.projectId, { title: "สำรวจพื้นที่", dueDate: "2569-12-15", doneOn: "2569-11-01" }, NOW)).toEqual({
      ok: false,
      fieldErrors: { dueDate: "error.buddhistEraYear", doneOn: "error.buddhistEraYear" },
    });
    expect(await deliverInnovation(db, actor, { projectId: created.projectId, values: innovationValues({ deliveredOn: "2569-11-20" }), now: NOW })).toEqual({
      ok: false,
      fieldErrors: { deliveredOn: "error.buddhistEraYear" },
    });
    const delivered = await deliverInnovation(db, actor, { projectId: created.projectId, values: innovationValues(), now: NOW });
    if (delivered === "notFound" || !delivered.ok) throw new Error("not delivered");
    expect(await updateInnovation(db, actor, { innovationId: delivered.innovationId, values: innovationValues({ deliveredOn: "2569-11-20" }), now: NOW })).toEqual({
      ok: false,
      fieldErrors: { deliveredOn: "error.buddhistEraYear" },
    });
    expect(
      await addFollowUp(db, actor, { innovationId: delivered.innovationId, values: { reportedOn: "2569-11-24", observation: "ประชาชนใช้งานได้ดี แจ้งเหตุได้เร็วขึ้น", beneficiaries: "" }, now: NOW }),
    ).toEqual({ ok: false, fieldErrors: { reportedOn: "error.buddhistEraYear" } });
    // A year that is no slip of the era is just not a date.
    expect(await createProject(db, actor, await projectInput({ endDate: "2201-09-30" }))).toEqual({ ok: false, fieldErrors: { endDate: "projects.error.dateInvalid" } });
    const [project] = await db.select().from(projects).where(eq(projects.id, created.projectId));
    expect(project).toMatchObject({ startDate: "2026-10-01", fiscalYear: 2027 + 543 });
    expect(await db.select().from(projectMilestones).where(eq(projectMilestones.projectId, created.projectId))).toEqual([]);
  });

  it("a project that has delivered an innovation cannot go back to planned (it would stop counting while its innovation counts)", async () => {
    const actor = await committee();
    const created = await createProject(db, actor, await projectInput());
    if (!created.ok) throw new Error("not created");
    const delivered = await deliverInnovation(db, actor, { projectId: created.projectId, values: innovationValues(), now: NOW });
    if (delivered === "notFound" || !delivered.ok) throw new Error("not delivered");
    const [started] = await db.select().from(projects).where(eq(projects.id, created.projectId));
    expect(started).toMatchObject({ status: "active", fiscalYear: 2570 });
    const edit = { ...(await projectInput({ startDate: started.startDate })), progress: 40 };
    expect(await updateProject(db, actor, created.projectId, { ...edit, status: "planned" })).toEqual({
      ok: false,
      fieldErrors: { status: "projects.error.deliveredNotPlanned" },
    });
    expect((await db.select().from(projects).where(eq(projects.id, created.projectId)))[0]).toMatchObject({ status: "active", fiscalYear: 2570, progress: 0 });
    // Any other status is still the committee's to choose.
    expect(await updateProject(db, actor, created.projectId, { ...edit, status: "completed" })).toEqual({ ok: true, projectId: created.projectId });
  });

  it("an innovation's delivery date cannot move after its first follow-up report", async () => {
    const actor = await committee();
    const created = await createProject(db, actor, await projectInput());
    if (!created.ok) throw new Error("not created");
    const delivered = await deliverInnovation(db, actor, { projectId: created.projectId, values: innovationValues({ deliveredOn: "2026-11-10" }), now: NOW });
    if (delivered === "notFound" || !delivered.ok) throw new Error("not delivered");
    const innovationId = delivered.innovationId;
    const observation = "ประชาชนใช้งานได้ดี แจ้งเหตุได้เร็วขึ้น";
    for (const reportedOn of ["2026-11-15", "2026-11-12"]) {
      expect(await addFollowUp(db, actor, { innovationId, values: { reportedOn, observation, beneficiaries: "" }, now: NOW })).toMatchObject({ ok: true });
    }
    expect(await updateInnovation(db, actor, { innovationId, values: innovationValues({ deliveredOn: "2026-11-13" }), now: NOW })).toEqual({
      ok: false,
      fieldErrors: { deliveredOn: "projects.error.deliveredAfterFollowUp" },
    });
    expect((await db.select().from(innovations).where(eq(innovations.id, innovationId)))[0].deliveredOn).toBe("2026-11-10");
    // On the day of the first report, or earlier, is fine.
    expect(await updateInnovation(db, actor, { innovationId, values: innovationValues({ deliveredOn: "2026-11-12" }), now: NOW })).toEqual({ ok: true });
    expect((await db.select().from(innovations).where(eq(innovations.id, innovationId)))[0].deliveredOn).toBe("2026-11-12");
  });

  it("a project's start date cannot move after its first innovation was delivered", async () => {
    const actor = await committee();
    const created = await createProject(db, actor, await projectInput({ startDate: "2026-10-01" }));
    if (!created.ok) throw new Error("not created");
    for (const deliveredOn of ["2026-11-20", "2026-11-10"]) {
      const delivered = await deliverInnovation(db, actor, { projectId: created.projectId, values: innovationValues({ deliveredOn }), now: NOW });
      if (delivered === "notFound" || !delivered.ok) throw new Error("not delivered");
    }
    const edit = { ...(await projectInput()), progress: 50, status: "active" as const };
    const before = await countEveryTable(db);
    expect(await updateProject(db, actor, created.projectId, { ...edit, startDate: "2026-11-11" })).toEqual({
      ok: false,
      fieldErrors: { startDate: "projects.error.startAfterDelivery" },
    });
    expect(await countEveryTable(db)).toEqual(before);
    expect((await db.select().from(projects).where(eq(projects.id, created.projectId)))[0]).toMatchObject({ startDate: "2026-10-01", progress: 0 });
    // On the day of the first delivery, or earlier, is fine.
    expect(await updateProject(db, actor, created.projectId, { ...edit, startDate: "2026-11-10" })).toEqual({ ok: true, projectId: created.projectId });
    expect((await db.select().from(projects).where(eq(projects.id, created.projectId)))[0]).toMatchObject({ startDate: "2026-11-10", progress: 50 });
  });

  it("a started project's innovation cannot be delivered, or moved, before the project's start date", async () => {
    const actor = await committee();
    const created = await createProject(db, actor, await projectInput({ startDate: "2026-10-01" }));
    if (!created.ok) throw new Error("not created");
    await updateProject(db, actor, created.projectId, { ...(await projectInput({ startDate: "2026-10-01" })), progress: 10, status: "active" });
    const before = await countEveryTable(db);
    expect(await deliverInnovation(db, actor, { projectId: created.projectId, values: innovationValues({ deliveredOn: "2026-09-30" }), now: NOW })).toEqual({
      ok: false,
      fieldErrors: { deliveredOn: "projects.error.deliveredBeforeStart" },
    });
    expect(await countEveryTable(db)).toEqual(before);
    // On the start day is fine; then the delivery cannot be moved before it either.
    const delivered = await deliverInnovation(db, actor, { projectId: created.projectId, values: innovationValues({ deliveredOn: "2026-10-01" }), now: NOW });
    if (delivered === "notFound" || !delivered.ok) throw new Error("not delivered");
    expect(await updateInnovation(db, actor, { innovationId: delivered.innovationId, values: innovationValues({ deliveredOn: "2026-09-15" }), now: NOW })).toEqual({
      ok: false,
      fieldErrors: { deliveredOn: "projects.error.deliveredBeforeStart" },
    });
    expect((await db.select().from(innovations).where(eq(innovations.id, delivered.innovationId)))[0].deliveredOn).toBe("2026-10-01");
    // A planned project's start still moves back to an earlier delivery (it evidently started then).
    const planned = await createProject(db, actor, await projectInput({ startDate: "2026-10-20" }));
    if (!planned.ok) throw new Error("not created");
    expect(await deliverInnovation(db, actor, { projectId: planned.projectId, values: innovationValues({ deliveredOn: "2026-10-05" }), now: NOW })).toMatchObject({ ok: true });
    expect((await db.select().from(projects).where(eq(projects.id, planned.projectId)))[0]).toMatchObject({ status: "active", startDate: "2026-10-05" });
  });

  it("text of invisible characters only (zero-width spaces) is no name, title, description or observation", async () => {
    const actor = await committee();
    const zws = "\u200b".repeat(4);
    const before = await countEveryTable(db);
    expect(await createProject(db, actor, await projectInput({ nameTh: zws, nameEn: zws, descriptionTh: zws }))).toEqual({
      ok: false,
      fieldErrors: { nameTh: "projects.error.required", nameEn: "projects.error.tooShort", descriptionTh: "projects.error.tooShort" },
    });
    expect(await countEveryTable(db)).toEqual(before);
    const created = await createProject(db, actor, await projectInput());
    if (!created.ok) throw new Error("not created");
    expect(await updateProject(db, actor, created.projectId, { ...(await projectInput({ nameTh: `ก${zws}ข` })), progress: 0, status: "planned" })).toEqual({
      ok: false,
      fieldErrors: { nameTh: "projects.error.tooShort" },
    });
    expect(await addMilestone(db, actor, created.projectId, { title: zws, dueDate: "", doneOn: "" }, NOW)).toEqual({ ok: false, fieldErrors: { title: "projects.error.required" } });
    expect(await deliverInnovation(db, actor, { projectId: created.projectId, values: innovationValues({ nameTh: zws, description: zws, beneficiaries: zws }), now: NOW })).toEqual({
      ok: false,
      fieldErrors: { nameTh: "projects.error.required", description: "projects.error.required", beneficiaries: "projects.error.required" },
    });
    const delivered = await deliverInnovation(db, actor, { projectId: created.projectId, values: innovationValues(), now: NOW });
    if (delivered === "notFound" || !delivered.ok) throw new Error("not delivered");
    expect(await updateInnovation(db, actor, { innovationId: delivered.innovationId, values: innovationValues({ nameTh: zws }), now: NOW })).toEqual({
      ok: false,
      fieldErrors: { nameTh: "projects.error.required" },
    });
    expect(await addFollowUp(db, actor, { innovationId: delivered.innovationId, values: { reportedOn: "2026-11-24", observation: zws.repeat(3), beneficiaries: "" }, now: NOW })).toEqual({
      ok: false,
      fieldErrors: { observation: "projects.error.required" },
    });
    expect(await db.select().from(projectMilestones).where(eq(projectMilestones.projectId, created.projectId))).toEqual([]);
    expect(await db.select().from(innovationFollowUps).where(eq(innovationFollowUps.innovationId, delivered.innovationId))).toEqual([]);
  });
});
