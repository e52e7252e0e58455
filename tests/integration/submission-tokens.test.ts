/**
 * Create forms sent twice (a double press, a resend, the back button then submit again): the
 * project, innovation, follow-up, milestone and action-plan forms carry a submission token made
 * when the form is shown; the same token posted again makes nothing new and leads to the record
 * the first post made. Through the routes, as a browser's posts reach them, on both engines; on
 * PostgreSQL also posts of the same form at the same moment (one row, no 5xx).
 */
import { eq, sql } from "drizzle-orm";
import { action as planAdminAction, loader as planAdminLoader } from "../../app/routes/admin.plan";
import { action as innovationPageAction, loader as innovationPageLoader } from "../../app/routes/innovations.$innovationId._index";
import { action as planActionsAction, loader as planActionsLoader } from "../../app/routes/plan.actions";
import { action as projectPageAction, loader as projectPageLoader } from "../../app/routes/projects.$projectId._index";
import { action as newInnovationAction, loader as newInnovationLoader } from "../../app/routes/projects.$projectId.innovations.new";
import { action as newProjectAction, loader as newProjectLoader } from "../../app/routes/projects.new";
import type { Database } from "../../db/client.server";
import { actionPlanActivities, auditLog, innovationFollowUps, innovations, projectMilestones, projects } from "../../db/schema";
import { routeClient } from "./route-client";
import { engineName, queryRows, withDemoDatabaseForFile } from "./test-database";

let db: Database;
// On PostgreSQL the routes get 10 connections, so posts of one form at once really overlap.
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
}, { appConnections: 10 });

const { get, post } = routeClient(() => db);
const COMMITTEE = "LS005";
const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The loader's JSON, from a route answer. */
async function body<T>(answer: Response): Promise<T> {
  expect(answer.status).toBe(200);
  return (await answer.json()) as T;
}

async function aPlanId(): Promise<string> {
  const [row] = await queryRows<{ id: number }>(db, sql`select id from plans order by id limit 1`);
  return String(row.id);
}

let projectNumber = 0;
async function projectFields(token: string | null, name?: string): Promise<Record<string, string>> {
  projectNumber += 1;
  return {
    nameTh: name ?? `โครงการทดสอบส่งซ้ำ ${projectNumber}`,
    planId: await aPlanId(),
    owner: "LS005",
    budget: "10000",
    startDate: "2026-10-01",
    endDate: "2027-09-30",
    ...(token === null ? {} : { submissionToken: token }),
  };
}

async function newProjectToken(): Promise<string> {
  return (await body<{ submissionToken: string }>(await get(newProjectLoader, "/projects/new", COMMITTEE))).submissionToken;
}

/** A project made through its form (a fresh token each time); its id. */
async function aProject(): Promise<number> {
  const answer = await post(newProjectAction, "/projects/new", COMMITTEE, await projectFields(await newProjectToken()));
  expect(answer.status).toBe(302);
  return Number(/^\/projects\/(\d+)\?/.exec(answer.headers.get("Location") ?? "")?.[1]);
}

const projectsNamed = (nameTh: string) => db.select({ id: projects.id }).from(projects).where(eq(projects.nameTh, nameTh));

describe(`the new-project form, sent twice (${engineName})`, () => {
  it("the same body posted twice makes one project; the second answer leads to it", async () => {
    const token = await newProjectToken();
    expect(token).toMatch(TOKEN);
    const fields = await projectFields(token, "โครงการส่งซ้ำสองครั้ง");
    const first = await post(newProjectAction, "/projects/new", COMMITTEE, fields);
    const second = await post(newProjectAction, "/projects/new", COMMITTEE, fields);
    const rows = await projectsNamed("โครงการส่งซ้ำสองครั้ง");
    expect(rows).toHaveLength(1);
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(first.headers.get("Location")).toBe(`/projects/${rows[0].id}?done=created`);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, String(rows[0].id)));
    expect(audits.filter((entry) => entry.action === "project.created")).toHaveLength(1);
  });

  it("two forms (two tokens) make two projects; a post without a token still makes one each time", async () => {
    for (let run = 0; run < 2; run++) {
      expect((await post(newProjectAction, "/projects/new", COMMITTEE, await projectFields(await newProjectToken(), "โครงการสองแบบฟอร์ม"))).status).toBe(302);
      expect((await post(newProjectAction, "/projects/new", COMMITTEE, await projectFields(null, "โครงการไม่มีโทเคน"))).status).toBe(302);
    }
    expect(await projectsNamed("โครงการสองแบบฟอร์ม")).toHaveLength(2);
    expect(await projectsNamed("โครงการไม่มีโทเคน")).toHaveLength(2);
  });

  it("the database refuses a second project with the same token, whatever the code does", async () => {
    const token = await newProjectToken();
    const row = { nameTh: "โครงการตรงถึงตาราง", submissionToken: token };
    await db.insert(projects).values(row);
    await expect(db.insert(projects).values(row)).rejects.toThrow();
  });
});

describe(`the delivery, follow-up, milestone and activity forms, sent twice (${engineName})`, () => {
  const innovationFields = (token: string | null, nameTh: string) => ({
    nameTh,
    description: "คำอธิบายชิ้นงานที่ยาวพอ",
    deliveredOn: "2026-11-20",
    beneficiaries: "ประชาชนในตำบล",
    ipStatus: "none",
    ...(token === null ? {} : { submissionToken: token }),
  });

  it("an innovation: one row for the same form, two for two forms", async () => {
    const projectId = await aProject();
    const path = `/projects/${projectId}/innovations/new`;
    const params = { projectId: String(projectId) };
    const token = (await body<{ submissionToken: string }>(await get(newInnovationLoader, path, COMMITTEE, params))).submissionToken;
    expect(token).toMatch(TOKEN);
    const first = await post(newInnovationAction, path, COMMITTEE, innovationFields(token, "ชิ้นงานส่งซ้ำ"), params);
    const second = await post(newInnovationAction, path, COMMITTEE, innovationFields(token, "ชิ้นงานส่งซ้ำ"), params);
    const rows = await db.select({ id: innovations.id }).from(innovations).where(eq(innovations.projectId, projectId));
    expect(rows).toHaveLength(1);
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(first.headers.get("Location")).toMatch(new RegExp(`^/innovations/${rows[0].id}\\?`));
    expect(second.headers.get("Location")).toMatch(new RegExp(`^/innovations/${rows[0].id}\\?`));
    const again = (await body<{ submissionToken: string }>(await get(newInnovationLoader, path, COMMITTEE, params))).submissionToken;
    expect(again).not.toBe(token);
    expect((await post(newInnovationAction, path, COMMITTEE, innovationFields(again, "ชิ้นงานที่สอง"), params)).status).toBe(302);
    expect((await post(newInnovationAction, path, COMMITTEE, innovationFields(null, "ชิ้นงานไม่มีโทเคน"), params)).status).toBe(302);
    expect(await db.select({ id: innovations.id }).from(innovations).where(eq(innovations.projectId, projectId))).toHaveLength(3);
  });

  it("a follow-up report: one row for the same form, two for two forms", async () => {
    const projectId = await aProject();
    const delivered = await post(newInnovationAction, `/projects/${projectId}/innovations/new`, COMMITTEE, innovationFields(null, "ชิ้นงานมีรายงาน"), {
      projectId: String(projectId),
    });
    const innovationId = Number(/^\/innovations\/(\d+)\?/.exec(delivered.headers.get("Location") ?? "")?.[1]);
    const path = `/innovations/${innovationId}`;
    const params = { innovationId: String(innovationId) };
    const newToken = async () => (await body<{ followUpToken: string }>(await get(innovationPageLoader, path, COMMITTEE, params))).followUpToken;
    const fields = (token: string) => ({ intent: "addFollowUp", reportedOn: "2026-11-22", observation: "ประชาชนใช้บริการได้เร็วขึ้นมาก", beneficiaries: "", submissionToken: token });
    const token = await newToken();
    expect(token).toMatch(TOKEN);
    const first = await post(innovationPageAction, path, COMMITTEE, fields(token), params);
    const second = await post(innovationPageAction, path, COMMITTEE, fields(token), params);
    const rows = await db.select({ id: innovationFollowUps.id }).from(innovationFollowUps).where(eq(innovationFollowUps.innovationId, innovationId));
    expect(rows).toHaveLength(1);
    expect(first.headers.get("Location")).toBe(`${path}?done=followUpAdded#follow-up-${rows[0].id}`);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect((await post(innovationPageAction, path, COMMITTEE, fields(await newToken()), params)).status).toBe(302);
    expect(await db.select({ id: innovationFollowUps.id }).from(innovationFollowUps).where(eq(innovationFollowUps.innovationId, innovationId))).toHaveLength(2);
  });

  it("a milestone: one row for the same form, two for two forms", async () => {
    const projectId = await aProject();
    const path = `/projects/${projectId}`;
    const params = { projectId: String(projectId) };
    const newToken = async () => (await body<{ milestoneToken: string }>(await get(projectPageLoader, path, COMMITTEE, params))).milestoneToken;
    const fields = (token: string) => ({ intent: "addMilestone", title: "สำรวจพื้นที่", dueDate: "2026-12-15", doneOn: "", submissionToken: token });
    const token = await newToken();
    expect(token).toMatch(TOKEN);
    const answers = [await post(projectPageAction, path, COMMITTEE, fields(token), params), await post(projectPageAction, path, COMMITTEE, fields(token), params)];
    expect(answers.map((answer) => [answer.status, answer.headers.get("Location")])).toEqual(answers.map(() => [302, `${path}?done=milestone#milestones`]));
    expect(await db.select({ id: projectMilestones.id }).from(projectMilestones).where(eq(projectMilestones.projectId, projectId))).toHaveLength(1);
    expect((await post(projectPageAction, path, COMMITTEE, fields(await newToken()), params)).status).toBe(302);
    expect(await db.select({ id: projectMilestones.id }).from(projectMilestones).where(eq(projectMilestones.projectId, projectId))).toHaveLength(2);
  });

  it("an action-plan activity: one row for the same form, two for two forms", async () => {
    const page = await body<{ fiscalYearBE: number; closed: boolean; addToken: string }>(await get(planActionsLoader, "/plan/actions", COMMITTEE));
    expect(page.closed).toBe(false);
    expect(page.addToken).toMatch(TOKEN);
    const fields = (token: string) => ({ intent: "add", fy: String(page.fiscalYearBE), title: "กิจกรรมส่งซ้ำ", planId: "", status: "planned", submissionToken: token });
    const activitiesTitled = () => db.select({ id: actionPlanActivities.id }).from(actionPlanActivities).where(eq(actionPlanActivities.title, "กิจกรรมส่งซ้ำ"));
    const first = await post(planActionsAction, "/plan/actions", COMMITTEE, fields(page.addToken));
    const second = await post(planActionsAction, "/plan/actions", COMMITTEE, fields(page.addToken));
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(await activitiesTitled()).toHaveLength(1);
    const next = await body<{ addToken: string }>(await get(planActionsLoader, "/plan/actions", COMMITTEE));
    expect((await post(planActionsAction, "/plan/actions", COMMITTEE, fields(next.addToken))).status).toBe(302);
    expect(await activitiesTitled()).toHaveLength(2);
  });
});

describe(`the admin plan page's add-project form, sent twice (${engineName})`, () => {
  const ADMIN = "LS006";
  const newToken = async () => (await body<{ addProjectToken: string }>(await get(planAdminLoader, "/admin/plan", ADMIN))).addProjectToken;
  const fields = async (token: string | null, nameTh: string) => ({
    intent: "addProject",
    parentId: await aPlanId(),
    code: "",
    nameTh,
    nameEn: "",
    ...(token === null ? {} : { submissionToken: token }),
  });

  it("the same body posted twice makes one project (one audit entry); two forms make two", async () => {
    const token = await newToken();
    expect(token).toMatch(TOKEN);
    const once = await fields(token, "โครงการตามแผนส่งซ้ำ");
    const answers = [await post(planAdminAction, "/admin/plan", ADMIN, once), await post(planAdminAction, "/admin/plan", ADMIN, once)];
    expect(answers.map((answer) => [answer.status, answer.headers.get("Location")])).toEqual(answers.map(() => [302, "/admin/plan?saved=addProject"]));
    const rows = await projectsNamed("โครงการตามแผนส่งซ้ำ");
    expect(rows).toHaveLength(1);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, String(rows[0].id)));
    expect(audits.filter((entry) => entry.action === "plan.project_created")).toHaveLength(1);
    const next = await newToken();
    expect(next).not.toBe(token);
    expect((await post(planAdminAction, "/admin/plan", ADMIN, await fields(next, "โครงการตามแผนส่งซ้ำ"))).status).toBe(302);
    expect(await projectsNamed("โครงการตามแผนส่งซ้ำ")).toHaveLength(2);
  });

  it("a code already taken is still refused beside its field, with or without a token", async () => {
    const coded = { ...(await fields(await newToken(), "โครงการรหัสซ้ำ")), code: "PX-STALE-1" };
    expect((await post(planAdminAction, "/admin/plan", ADMIN, coded)).status).toBe(302);
    const again = await post(planAdminAction, "/admin/plan", ADMIN, { ...coded, submissionToken: await newToken() });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({ code: "planAdmin.codeTaken" });
    expect(await projectsNamed("โครงการรหัสซ้ำ")).toHaveLength(1);
  });
});

describe.runIf(engineName === "postgres")("posts of the same form at the same moment (postgres)", () => {
  it("make one project, one innovation, one follow-up, one milestone, one activity; every answer a redirect", async () => {
    const projectToken = await newProjectToken();
    const projectFieldsOnce = await projectFields(projectToken, "โครงการส่งพร้อมกัน");
    const projectAnswers = await Promise.all([1, 2, 3, 4].map(() => post(newProjectAction, "/projects/new", COMMITTEE, projectFieldsOnce)));
    const projectRows = await projectsNamed("โครงการส่งพร้อมกัน");
    expect(projectRows).toHaveLength(1);
    expect(projectAnswers.map((answer) => [answer.status, answer.headers.get("Location")])).toEqual(
      projectAnswers.map(() => [302, `/projects/${projectRows[0].id}?done=created`]),
    );
    const projectId = projectRows[0].id;
    const params = { projectId: String(projectId) };

    const innovationToken = (await body<{ submissionToken: string }>(await get(newInnovationLoader, `/projects/${projectId}/innovations/new`, COMMITTEE, params))).submissionToken;
    const innovationAnswers = await Promise.all(
      [1, 2, 3, 4].map(() =>
        post(
          newInnovationAction,
          `/projects/${projectId}/innovations/new`,
          COMMITTEE,
          { nameTh: "ชิ้นงานส่งพร้อมกัน", description: "คำอธิบายชิ้นงานที่ยาวพอ", deliveredOn: "2026-11-20", beneficiaries: "ประชาชนในตำบล", ipStatus: "none", submissionToken: innovationToken },
          params,
        ),
      ),
    );
    const innovationRows = await db.select({ id: innovations.id }).from(innovations).where(eq(innovations.projectId, projectId));
    expect(innovationRows).toHaveLength(1);
    for (const answer of innovationAnswers) {
      expect(answer.status).toBe(302);
      expect(answer.headers.get("Location")).toMatch(new RegExp(`^/innovations/${innovationRows[0].id}\\?`));
    }
    const innovationId = innovationRows[0].id;

    const followUpToken = (
      await body<{ followUpToken: string }>(await get(innovationPageLoader, `/innovations/${innovationId}`, COMMITTEE, { innovationId: String(innovationId) }))
    ).followUpToken;
    const milestoneToken = (await body<{ milestoneToken: string }>(await get(projectPageLoader, `/projects/${projectId}`, COMMITTEE, params))).milestoneToken;
    const plan = await body<{ fiscalYearBE: number; addToken: string }>(await get(planActionsLoader, "/plan/actions", COMMITTEE));
    const answers = await Promise.all(
      [1, 2, 3].flatMap(() => [
        post(
          innovationPageAction,
          `/innovations/${innovationId}`,
          COMMITTEE,
          { intent: "addFollowUp", reportedOn: "2026-11-22", observation: "ประชาชนใช้บริการได้เร็วขึ้นมาก", beneficiaries: "", submissionToken: followUpToken },
          { innovationId: String(innovationId) },
        ),
        post(projectPageAction, `/projects/${projectId}`, COMMITTEE, { intent: "addMilestone", title: "ส่งพร้อมกัน", dueDate: "", doneOn: "", submissionToken: milestoneToken }, params),
        post(planActionsAction, "/plan/actions", COMMITTEE, {
          intent: "add",
          fy: String(plan.fiscalYearBE),
          title: "กิจกรรมส่งพร้อมกัน",
          planId: "",
          status: "planned",
          submissionToken: plan.addToken,
        }),
      ]),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 302));
    expect(await db.select({ id: innovationFollowUps.id }).from(innovationFollowUps).where(eq(innovationFollowUps.innovationId, innovationId))).toHaveLength(1);
    expect(await db.select({ id: projectMilestones.id }).from(projectMilestones).where(eq(projectMilestones.projectId, projectId))).toHaveLength(1);
    expect(await db.select({ id: actionPlanActivities.id }).from(actionPlanActivities).where(eq(actionPlanActivities.title, "กิจกรรมส่งพร้อมกัน"))).toHaveLength(1);
  });

  it("make one project from the admin plan page's add-project form; every answer a redirect", async () => {
    const token = (await body<{ addProjectToken: string }>(await get(planAdminLoader, "/admin/plan", "LS006"))).addProjectToken;
    const fields = { intent: "addProject", parentId: await aPlanId(), code: "", nameTh: "โครงการตามแผนส่งพร้อมกัน", nameEn: "", submissionToken: token };
    const answers = await Promise.all([1, 2, 3, 4].map(() => post(planAdminAction, "/admin/plan", "LS006", fields)));
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 302));
    expect(await projectsNamed("โครงการตามแผนส่งพร้อมกัน")).toHaveLength(1);
  });
});
