/**
 * Two committee members editing the same project (or innovation): the edit form carries the
 * version it showed, and a save from a form shown before someone else's save is refused — nothing
 * written, the person keeps what they typed and is told what is saved now — instead of silently
 * undoing the other save. Through the routes, on both engines.
 */
import { eq } from "drizzle-orm";
import { action as editInnovationAction, loader as editInnovationLoader } from "../../app/routes/innovations.$innovationId.edit";
import { action as editProjectAction, loader as editProjectLoader } from "../../app/routes/projects.$projectId.edit";
import { action as newInnovationAction } from "../../app/routes/projects.$projectId.innovations.new";
import { action as newProjectAction } from "../../app/routes/projects.new";
import { action as projectPageAction, loader as projectPageLoader } from "../../app/routes/projects.$projectId._index";
import { editMilestone } from "../../app/services/projects.server";
import type { MilestoneValues } from "../../app/services/projects.server";
import { updateInnovation } from "../../app/services/innovations.server";
import { updateProject } from "../../app/services/projects.server";
import type { InnovationFormValues } from "../../app/services/innovations.server";
import type { ProjectFormValues } from "../../app/services/projects.server";
import type { Database } from "../../db/client.server";
import { accounts, auditLog, innovations, projectMilestones, projects } from "../../db/schema";
import { routeClient } from "./route-client";
import { engineName, queryRows, withDemoDatabaseForFile } from "./test-database";
import { sql } from "drizzle-orm";

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});

const { get, post } = routeClient(() => db);

type EditPage<V> = { values: V; version: number };
type ProjectConflict = { values: ProjectFormValues; version: number | null; conflict: ProjectFormValues | null };

async function json<T>(answer: Response, status = 200): Promise<T> {
  expect(answer.status).toBe(status);
  return (await answer.json()) as T;
}

/** The form's fields as a browser posts them (the team one person a line, as the large-staff textarea). */
function projectFields(values: ProjectFormValues, version: number | null): Record<string, string> {
  const { members, ...rest } = values;
  return { ...rest, members: members.join("\n"), ...(version === null ? {} : { version: String(version) }) };
}

let projectNumber = 0;
async function aProject(): Promise<number> {
  projectNumber += 1;
  const [plan] = await queryRows<{ id: number }>(db, sql`select id from plans order by id limit 1`);
  const answer = await post(newProjectAction, "/projects/new", "LS005", {
    nameTh: `โครงการแก้พร้อมกัน ${projectNumber}`,
    planId: String(plan.id),
    owner: "LS005",
    budget: "5000",
    startDate: "2026-10-01",
    endDate: "2027-09-30",
  });
  expect(answer.status).toBe(302);
  return Number(/^\/projects\/(\d+)\?/.exec(answer.headers.get("Location") ?? "")?.[1]);
}

const progressOf = async (projectId: number) => (await db.select({ progress: projects.progress }).from(projects).where(eq(projects.id, projectId)))[0].progress;
const auditCount = async (action: string, entityId: number) =>
  (await db.select().from(auditLog).where(eq(auditLog.entityId, String(entityId)))).filter((entry) => entry.action === action).length;

describe(`the project edit form, two members at once (${engineName})`, () => {
  it("a save from a stale form is refused, changes nothing, keeps what was typed and shows what is saved; a fresh save works", async () => {
    const projectId = await aProject();
    const path = `/projects/${projectId}/edit`;
    const params = { projectId: String(projectId) };
    // Both open the form; LS005 saves progress 50 first.
    const formOfLS005 = await json<EditPage<ProjectFormValues>>(await get(editProjectLoader, path, "LS005", params));
    const formOfLS023 = await json<EditPage<ProjectFormValues>>(await get(editProjectLoader, path, "LS023", params));
    const saved = await post(editProjectAction, path, "LS005", projectFields({ ...formOfLS005.values, progress: "50", status: "active" }, formOfLS005.version), params);
    expect(saved.status).toBe(302);
    expect(await progressOf(projectId)).toBe(50);
    const [before] = await db.select().from(projects).where(eq(projects.id, projectId));

    // LS023 saves progress 10 from the form shown before: refused, nothing written.
    const stale = await json<ProjectConflict>(
      await post(editProjectAction, path, "LS023", projectFields({ ...formOfLS023.values, progress: "10", nameTh: "ชื่อที่ LS023 พิมพ์" }, formOfLS023.version), params),
      409,
    );
    expect(await db.select().from(projects).where(eq(projects.id, projectId))).toEqual([before]);
    expect(await auditCount("project.updated", projectId)).toBe(1);
    expect(stale.values).toMatchObject({ progress: "10", nameTh: "ชื่อที่ LS023 พิมพ์" });
    expect(stale.conflict).toMatchObject({ progress: "50", status: "active", nameTh: formOfLS005.values.nameTh });
    expect(stale.version).toBe(before.version);

    // Having seen it, LS023 saves again from the same page (which now carries the saved version): it works.
    const again = await post(editProjectAction, path, "LS023", projectFields({ ...stale.values, progress: "60", status: "active" }, stale.version), params);
    expect(again.status).toBe(302);
    expect(await progressOf(projectId)).toBe(60);
    expect(await auditCount("project.updated", projectId)).toBe(2);
  });

  it("a post without a version (a form from before versions) is refused as stale", async () => {
    const projectId = await aProject();
    const params = { projectId: String(projectId) };
    const form = await json<EditPage<ProjectFormValues>>(await get(editProjectLoader, `/projects/${projectId}/edit`, "LS005", params));
    const answer = await post(editProjectAction, `/projects/${projectId}/edit`, "LS005", projectFields({ ...form.values, progress: "30" }, null), params);
    expect(answer.status).toBe(409);
    expect(await progressOf(projectId)).toBe(0);
  });

  it("the service: an expected version that is not the row's writes nothing and answers conflict", async () => {
    const projectId = await aProject();
    const [row] = await db.select().from(projects).where(eq(projects.id, projectId));
    const [account] = await db.select({ accountId: accounts.id, personId: accounts.personId }).from(accounts).where(eq(accounts.username, "LS005"));
    const input = {
      nameTh: row.nameTh,
      planId: row.planId,
      ownerPersonId: row.ownerPersonId,
      budget: Number(row.budget),
      startDate: row.startDate,
      endDate: row.endDate,
      progress: 40,
      status: "planned" as const,
    };
    expect(await updateProject(db, account, projectId, input, { version: row.version + 1 })).toBe("conflict");
    expect(await db.select().from(projects).where(eq(projects.id, projectId))).toEqual([row]);
    expect(await updateProject(db, account, projectId, input, { version: row.version })).toEqual({ ok: true, projectId });
    const [after] = await db.select().from(projects).where(eq(projects.id, projectId));
    expect(after.progress).toBe(40);
    expect(after.version).toBe(row.version + 1);
  });
});

describe(`the innovation edit form, two members at once (${engineName})`, () => {
  it("a save from a stale form is refused and changes nothing; a fresh save works", async () => {
    const projectId = await aProject();
    const delivered = await post(
      newInnovationAction,
      `/projects/${projectId}/innovations/new`,
      "LS005",
      { nameTh: "ชิ้นงานแก้พร้อมกัน", description: "คำอธิบายชิ้นงานที่ยาวพอ", deliveredOn: "2026-11-20", beneficiaries: "ประชาชน", ipStatus: "none" },
      { projectId: String(projectId) },
    );
    const innovationId = Number(/^\/innovations\/(\d+)\?/.exec(delivered.headers.get("Location") ?? "")?.[1]);
    const path = `/innovations/${innovationId}/edit`;
    const params = { innovationId: String(innovationId) };
    const fields = (values: InnovationFormValues, version: number | null) => ({ ...values, ...(version === null ? {} : { version: String(version) }) });
    const formOfLS005 = await json<EditPage<InnovationFormValues>>(await get(editInnovationLoader, path, "LS005", params));
    const formOfLS023 = await json<EditPage<InnovationFormValues>>(await get(editInnovationLoader, path, "LS023", params));
    expect((await post(editInnovationAction, path, "LS005", fields({ ...formOfLS005.values, nameEn: "Edited first" }, formOfLS005.version), params)).status).toBe(302);
    const [before] = await db.select().from(innovations).where(eq(innovations.id, innovationId));
    expect(before.nameEn).toBe("Edited first");

    const stale = await json<{ values: InnovationFormValues; version: number; conflict: boolean }>(
      await post(editInnovationAction, path, "LS023", fields({ ...formOfLS023.values, beneficiaries: "ผู้สูงอายุ" }, formOfLS023.version), params),
      409,
    );
    expect(stale).toMatchObject({ conflict: true, version: before.version, values: { beneficiaries: "ผู้สูงอายุ", nameEn: "" } });
    expect(await db.select().from(innovations).where(eq(innovations.id, innovationId))).toEqual([before]);
    expect((await post(editInnovationAction, path, "LS023", fields({ ...formOfLS023.values, beneficiaries: "ผู้สูงอายุ" }, null), params)).status).toBe(409);

    const fresh = await json<EditPage<InnovationFormValues>>(await get(editInnovationLoader, path, "LS023", params));
    expect((await post(editInnovationAction, path, "LS023", fields({ ...fresh.values, beneficiaries: "ผู้สูงอายุ" }, fresh.version), params)).status).toBe(302);
    const [after] = await db.select().from(innovations).where(eq(innovations.id, innovationId));
    expect(after).toMatchObject({ nameEn: "Edited first", beneficiaries: "ผู้สูงอายุ", version: before.version + 1 });
  });

  it("the service: an expected version that is not the row's writes nothing", async () => {
    const [row] = await db.select().from(innovations).limit(1);
    const [account] = await db.select({ accountId: accounts.id, personId: accounts.personId }).from(accounts).where(eq(accounts.username, "LS005"));
    const values: InnovationFormValues = {
      nameTh: "ชื่อใหม่ที่ไม่ควรถูกบันทึก",
      nameEn: row.nameEn,
      description: row.description.length >= 10 ? row.description : "คำอธิบายชิ้นงานที่ยาวพอ",
      deliveredOn: row.deliveredOn,
      beneficiaries: row.beneficiaries || "ประชาชน",
      ipStatus: row.ipStatus,
      ipNumber: row.ipNumber,
      ipFiledOn: row.ipFiledOn ?? "",
      ipGrantedOn: row.ipGrantedOn ?? "",
    };
    expect(await updateInnovation(db, account, { innovationId: row.id, values, version: row.version + 1 })).toBe("conflict");
    expect(await db.select().from(innovations).where(eq(innovations.id, row.id))).toEqual([row]);
  });
});

describe(`a milestone's edit form, two members at once (${engineName})`, () => {
  type ProjectPage = { project: { milestones: { id: number; title: string; version: number }[] } };
  type MilestoneAnswer = { values: MilestoneValues | null; version: number | null; conflict: MilestoneValues | null };

  /** A project with one milestone; the project page's path and params, and the milestone's id. */
  async function aMilestone() {
    const projectId = await aProject();
    const path = `/projects/${projectId}`;
    const params = { projectId: String(projectId) };
    expect((await post(projectPageAction, path, "LS005", { intent: "addMilestone", title: "สำรวจพื้นที่", dueDate: "2026-12-15", doneOn: "" }, params)).status).toBe(302);
    const [row] = await db.select().from(projectMilestones).where(eq(projectMilestones.projectId, projectId));
    return { path, params, milestoneId: row.id };
  }
  const versionShown = async (path: string, params: Record<string, string>, username: string, milestoneId: number) =>
    (await json<ProjectPage>(await get(projectPageLoader, path, username, params))).project.milestones.find((milestone) => milestone.id === milestoneId)!.version;
  const edit = (milestoneId: number, values: Partial<MilestoneValues>, version: number | null) => ({
    intent: "editMilestone",
    milestoneId: String(milestoneId),
    title: "สำรวจพื้นที่",
    dueDate: "2026-12-15",
    doneOn: "",
    ...values,
    ...(version === null ? {} : { version: String(version) }),
  });
  const milestoneRow = async (milestoneId: number) => (await db.select().from(projectMilestones).where(eq(projectMilestones.id, milestoneId)))[0];

  it("a save from a stale form is refused, changes nothing, keeps what was typed and shows what is saved; a fresh save works", async () => {
    const { path, params, milestoneId } = await aMilestone();
    const shownToLS005 = await versionShown(path, params, "LS005", milestoneId);
    const shownToLS023 = await versionShown(path, params, "LS023", milestoneId);
    expect((await post(projectPageAction, path, "LS005", edit(milestoneId, { dueDate: "2027-01-31" }, shownToLS005), params)).status).toBe(302);
    const before = await milestoneRow(milestoneId);
    expect(before.dueDate).toBe("2027-01-31");

    // LS023 renames it from the form shown before LS005's save: refused; the new due date stays.
    const stale = await json<MilestoneAnswer>(await post(projectPageAction, path, "LS023", edit(milestoneId, { title: "สำรวจพื้นที่และประชุม" }, shownToLS023), params), 409);
    expect(await milestoneRow(milestoneId)).toEqual(before);
    expect(stale.values).toMatchObject({ title: "สำรวจพื้นที่และประชุม", dueDate: "2026-12-15" });
    expect(stale.conflict).toEqual({ title: "สำรวจพื้นที่", dueDate: "2027-01-31", doneOn: "" });
    expect(stale.version).toBe(before.version);
    expect(await auditCount("project.milestone_changed", Number(params.projectId))).toBe(1);

    // Saving again from the same form (now carrying the saved version) works.
    const again = await post(projectPageAction, path, "LS023", edit(milestoneId, { title: "สำรวจพื้นที่และประชุม", dueDate: "2027-01-31" }, stale.version), params);
    expect(again.status).toBe(302);
    expect(await milestoneRow(milestoneId)).toMatchObject({ title: "สำรวจพื้นที่และประชุม", dueDate: "2027-01-31", version: before.version + 1 });
  });

  it("marking it done makes an edit form shown before stale; a post without a version is refused", async () => {
    const { path, params, milestoneId } = await aMilestone();
    const shown = await versionShown(path, params, "LS005", milestoneId);
    expect((await post(projectPageAction, path, "LS023", { intent: "milestoneDone", milestoneId: String(milestoneId) }, params)).status).toBe(302);
    const done = await milestoneRow(milestoneId);
    expect(done.doneOn).not.toBeNull();
    // LS005's form still shows it not done: saving it would silently reopen it.
    expect((await post(projectPageAction, path, "LS005", edit(milestoneId, { title: "สำรวจพื้นที่ทั้งตำบล" }, shown), params)).status).toBe(409);
    expect((await post(projectPageAction, path, "LS005", edit(milestoneId, { title: "สำรวจพื้นที่ทั้งตำบล" }, null), params)).status).toBe(409);
    expect(await milestoneRow(milestoneId)).toEqual(done);
  });

  it("two saves from forms showing the same version, at the same moment: one is written, the other refused", async () => {
    const { path, params, milestoneId } = await aMilestone();
    const shown = await versionShown(path, params, "LS005", milestoneId);
    const answers = await Promise.all([
      post(projectPageAction, path, "LS005", edit(milestoneId, { title: "ชื่อของ LS005" }, shown), params),
      post(projectPageAction, path, "LS023", edit(milestoneId, { title: "ชื่อของ LS023" }, shown), params),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([302, 409]);
    const winner = answers[0].status === 302 ? "ชื่อของ LS005" : "ชื่อของ LS023";
    expect(await milestoneRow(milestoneId)).toMatchObject({ title: winner, version: shown + 1 });
    expect(await auditCount("project.milestone_changed", Number(params.projectId))).toBe(1);
  });

  it("the service: an expected version that is not the row's writes nothing and answers conflict", async () => {
    const { params, milestoneId } = await aMilestone();
    const row = await milestoneRow(milestoneId);
    const [account] = await db.select({ accountId: accounts.id, personId: accounts.personId }).from(accounts).where(eq(accounts.username, "LS005"));
    const target = { projectId: Number(params.projectId), milestoneId, values: { title: "ไม่ควรถูกบันทึก", dueDate: "", doneOn: "" } };
    expect(await editMilestone(db, account, { ...target, version: row.version + 1 })).toBe("conflict");
    expect(await editMilestone(db, account, { ...target, version: null })).toBe("conflict");
    expect(await milestoneRow(milestoneId)).toEqual(row);
    expect(await editMilestone(db, account, { ...target, version: row.version })).toEqual({ ok: true });
  });
});
