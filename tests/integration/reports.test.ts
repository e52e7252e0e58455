import { and, eq, inArray } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Outlet } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { DEFAULT_PARTICIPATION_RULE } from "../../app/domain/participation-rule";
import { THAI_FISCAL_CALENDAR } from "../../app/domain/fiscal-year";
import { UTF8_BOM } from "../../app/domain/csv-safety";
import { addActivity, listActivities } from "../../app/models/action-plan.server";
import { saveLpaScore } from "../../app/models/lpa.server";
import { saveQuarterlyText } from "../../app/models/quarterly-reports.server";
import { getParticipationRule, participationRows } from "../../app/models/participation.server";
import { yearIndicators } from "../../app/services/indicators.server";
import { saveParticipationRule } from "../../app/services/participation-rule.server";
import { quarterMovement, quarterlyReport } from "../../app/services/reports.server";
import { closeFiscalYear, reopenFiscalYear } from "../../app/services/year-close.server";
import { action as actionsAction, loader as actionsLoader } from "../../app/routes/plan.actions";
import { action as lpaAction } from "../../app/routes/plan.lpa";
import { action as participationAction } from "../../app/routes/admin.participation";
import { loader as rootLoader } from "../../app/root";
import QuarterlyReportPage, { action as quarterlyAction, loader as quarterlyLoader } from "../../app/routes/reports.quarterly";
import { translate } from "../../app/i18n/messages.server";
import { loader as quarterlyCsvLoader } from "../../app/routes/reports.quarterly.csv";
import { loader as peopleCsvLoader } from "../../app/routes/dashboard.people.csv";
import { loader as historyCsvLoader } from "../../app/routes/dashboard.history.csv";
import type { Database } from "../../db/client.server";
import {
  accounts,
  actionPlanActivities,
  auditLog,
  divisions,
  fiscalYearSettings,
  ideaAuthors,
  ideaStageEvents,
  ideas,
  innovations,
  lpaScores,
  people,
  projects,
  quarterlyReports,
  trainingAttendance,
  trainingSessions,
} from "../../db/schema";
import { seedDemoIndicators } from "../../db/seed/seed-indicators.server";
import { routeClient } from "./route-client";
import { engineName, findPersonId, snapshotEveryTable, withDemoDatabaseForFile } from "./test-database";

let db: Database;
withDemoDatabaseForFile(async (database) => {
  db = database.handle.db;
  // Until db/seed/seed.server.ts calls it; calling it again changes nothing.
  await seedDemoIndicators(db);
  // Sessions first, so "nothing changed" snapshots are not disturbed by a new session row.
  for (const username of ["LS001", "LS004", "LS005", "LS006", "LS016", "LS025"]) await cookieOf(username);
});

const NOW = new Date("2026-11-25T10:00:00+07:00");
const actor = { accountId: "", ipAddress: "127.0.0.1" };

const { cookieOf, get, post } = routeClient(() => db);
const accountIdOf = async (username: string) => (await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username)))[0].id;

/** The file as Excel sees it: it must start with the UTF-8 byte order mark (Response.text() would hide it). */
async function csvText(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  expect(text.startsWith(UTF8_BOM)).toBe(true);
  return text.slice(1);
}

function csvRecords(text: string): string[][] {
  return parse(text, { relaxColumnCount: true }) as string[][];
}

describe(`the quarterly report's counts (${engineName})`, () => {
  // FY 2571 Q1 = 1 Oct – 31 Dec 2027 (Bangkok): after all demo data, so every count here is hand-made.
  const period = { fiscalYearBE: 2571, quarter: 1 as const };

  it("counts what moved in the quarter, and nothing just outside it", async () => {
    const personId = await findPersonId(db, "LS025");
    const otherId = await findPersonId(db, "LS016");
    const idea = async (title: string, submittedAt: string) => {
      const [row] = await db
        .insert(ideas)
        .values({ title, problem: "ป", solution: "ว", benefit: "ผ", fiscalYear: 2571, submittedAt: new Date(submittedAt), stageChangedAt: new Date(submittedAt) })
        .returning({ id: ideas.id });
      await db.insert(ideaAuthors).values({ ideaId: row.id, personId, isSubmitter: true });
      return row.id;
    };
    await idea("ก่อนไตรมาส", "2027-09-30T23:59:00+07:00");
    const first = await idea("ไอเดียแรกของไตรมาส", "2027-10-01T00:00:00+07:00");
    const last = await idea("ไอเดียสุดท้ายของไตรมาส", "2027-12-31T23:59:00+07:00");
    await idea("หลังไตรมาส", "2028-01-01T00:00:00+07:00");
    await db.insert(ideaStageEvents).values([
      { ideaId: first, fromStage: null, toStage: "submitted", at: new Date("2027-10-01T00:00:00+07:00") },
      { ideaId: first, fromStage: "submitted", toStage: "screening", at: new Date("2027-10-05T09:00:00+07:00") },
      { ideaId: last, fromStage: "submitted", toStage: "screening", at: new Date("2027-12-31T23:00:00+07:00") },
      { ideaId: first, fromStage: "screening", toStage: "committee_review", at: new Date("2027-11-01T09:00:00+07:00") },
      { ideaId: first, fromStage: "committee_review", toStage: "approved", at: new Date("2028-01-02T09:00:00+07:00") },
    ]);
    const project = async (nameTh: string, status: "planned" | "active" | "completed" | "cancelled", startDate: string, endDate: string) =>
      (await db.insert(projects).values({ nameTh, status, startDate, endDate, completedOn: status === "completed" ? endDate : null, fiscalYear: status === "planned" ? null : 2571 }).returning({ id: projects.id }))[0].id;
    const started = await project("โครงการเริ่มในไตรมาส", "active", "2027-10-01", "2028-09-30");
    await project("โครงการเริ่มและเสร็จในไตรมาส", "completed", "2027-10-15", "2027-12-31");
    await project("โครงการที่ยังเป็นแผน", "planned", "2027-11-01", "2028-03-31");
    await project("โครงการที่ยกเลิก", "cancelled", "2027-11-01", "2028-03-31");
    await project("โครงการเสร็จหลังไตรมาส", "completed", "2027-09-30", "2028-01-01");
    await db.insert(innovations).values([
      { projectId: started, nameTh: "ชิ้นงานในไตรมาส", deliveredOn: "2027-12-31", fiscalYear: 2571 },
      { projectId: started, nameTh: "ชิ้นงานก่อนไตรมาส", deliveredOn: "2027-09-30", fiscalYear: 2570 },
    ]);
    const [session] = await db
      .insert(trainingSessions)
      .values({ title: "อบรมในไตรมาส", startDate: "2027-12-30", endDate: "2028-01-02", hours: 6, fiscalYear: 2571 })
      .returning({ id: trainingSessions.id });
    await db.insert(trainingSessions).values({ title: "อบรมหลังไตรมาส", startDate: "2028-01-01", endDate: "2028-01-01", hours: 3, fiscalYear: 2571 });
    await db.insert(trainingAttendance).values([
      { sessionId: session.id, personId, hours: 6 },
      { sessionId: session.id, personId: otherId, hours: 6 },
    ]);

    const movement = await quarterMovement(db, period, THAI_FISCAL_CALENDAR, { listLimit: null });
    expect(movement.ideasSubmitted.count).toBe(2);
    expect(movement.ideasSubmitted.items.map((item) => item.title)).toEqual(["ไอเดียแรกของไตรมาส", "ไอเดียสุดท้ายของไตรมาส"]);
    expect(movement.stageMoves).toEqual([
      { toStage: "screening", count: 2 },
      { toStage: "committee_review", count: 1 },
    ]);
    expect(movement.projectsStarted.items.map((item) => item.title)).toEqual(["โครงการเริ่มในไตรมาส", "โครงการเริ่มและเสร็จในไตรมาส"]);
    expect(movement.projectsCompleted.items.map((item) => item.title)).toEqual(["โครงการเริ่มและเสร็จในไตรมาส"]);
    expect(movement.innovationsDelivered.items.map((item) => item.title)).toEqual(["ชิ้นงานในไตรมาส"]);
    expect(movement.trainingSessions.items).toEqual([{ id: session.id, title: "อบรมในไตรมาส", date: "2027-12-30", attendees: 2 }]);

    // The page shows short lists; the counts stay complete.
    const short = await quarterMovement(db, period, THAI_FISCAL_CALENDAR, { listLimit: 1 });
    expect([short.ideasSubmitted.count, short.ideasSubmitted.items.length, short.projectsStarted.count, short.projectsStarted.items.length]).toEqual([2, 1, 2, 1]);
  });

  it("takes the indicators at the quarter's end, or today while it runs", async () => {
    const running = await quarterlyReport(db, { fiscalYearBE: 2570, quarter: 1, now: NOW });
    expect([running.state, running.asOfDate, running.firstDay, running.lastDay]).toEqual(["running", "2026-11-25", "2026-10-01", "2026-12-31"]);
    expect(running.year.phase).toBe("running");
    expect(running.year.figures.find((figure) => figure.code === "LG1")?.target).toBe(80);
    expect(running.texts.problems).toContain("ไฟป่า");

    const finished = await quarterlyReport(db, { fiscalYearBE: 2569, quarter: 4, now: NOW });
    expect([finished.state, finished.asOfDate]).toEqual(["finished", "2026-09-30"]);
    expect(finished.year.phase).toBe("past");
    expect(finished.year.figures.find((figure) => figure.code === "LG1")?.value?.toFixed(1)).toBe("65.7");

    const future = await quarterlyReport(db, { fiscalYearBE: 2570, quarter: 3, now: NOW });
    expect(future.state).toBe("future");
    expect(future.texts.problems).toBe("");
  });
});

describe(`a past quarter of a year still running (${engineName})`, () => {
  it("keeps its participation figure when ideas come in after the quarter", async () => {
    // FY2570 Q1 (Oct–Dec 2026) seen in February 2027: the year runs on, the quarter is over.
    const february = new Date("2027-02-15T10:00:00+07:00");
    const q1 = async () => (await quarterlyReport(db, { fiscalYearBE: 2570, quarter: 1, now: february })).year.participation;
    const before = await q1();
    const yearBefore = (await yearIndicators(db, 2570, { now: february })).participation;
    const rows = await participationRows(db, 2570, await getParticipationRule(db, 2570), THAI_FISCAL_CALENDAR, new Date("2027-01-01T00:00:00+07:00"));
    const notYet = rows.find((row) => !row.participant);
    expect(notYet, "the demo data has someone not yet counted in FY2570").toBeDefined();
    const [late] = await db
      .insert(ideas)
      .values({ title: "ไอเดียเดือนมกราคม", problem: "ป", solution: "ว", benefit: "ผ", fiscalYear: 2570, submittedAt: new Date("2027-01-10T09:00:00+07:00"), stageChangedAt: new Date("2027-01-10T09:00:00+07:00") })
      .returning({ id: ideas.id });
    await db.insert(ideaAuthors).values({ ideaId: late.id, personId: notYet!.personId, isSubmitter: true });

    expect(await q1()).toEqual(before);
    expect(before.numerator).toBe(rows.filter((row) => row.participant).length);
    const yearAfter = (await yearIndicators(db, 2570, { now: february })).participation;
    expect(yearAfter.numerator).toBe(yearBefore.numerator + 1);
    await db.delete(ideas).where(eq(ideas.id, late.id));
  });
});

describe(`the participation rule per year (${engineName})`, () => {
  it("a change applies from the chosen year and the plan's later ones, never the years before", async () => {
    actor.accountId = await accountIdOf("LS006");
    const before2568 = await yearIndicators(db, 2568, { now: NOW });
    const before2569 = await yearIndicators(db, 2569, { now: NOW });
    const rule = { ...DEFAULT_PARTICIPATION_RULE, countComments: true, countTrainingAttendance: true };
    const result = await saveParticipationRule(db, actor, { fiscalYearBE: 2569, rule, scope: "following", planYears: [2566, 2567, 2568, 2569, 2570] });
    expect(result).toEqual({ status: "saved", changedYears: [2569, 2570], skippedClosedYears: [] });

    expect(await getParticipationRule(db, 2568)).toEqual(DEFAULT_PARTICIPATION_RULE);
    expect(await getParticipationRule(db, 2569)).toEqual(rule);
    expect(await getParticipationRule(db, 2570)).toEqual(rule);
    const after2568 = await yearIndicators(db, 2568, { now: NOW });
    const after2569 = await yearIndicators(db, 2569, { now: NOW });
    expect(after2568.participation.numerator).toBe(before2568.participation.numerator);
    // Comments and training now count in 2569: at least as many participants, more in the demo.
    expect(after2569.participation.numerator).toBeGreaterThan(before2569.participation.numerator);

    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "participation_rule.changed"));
    expect(audits.map((entry) => entry.entityId).sort()).toEqual(["2569", "2570"]);

    // "This year only" leaves the following years as they are; an unchanged rule writes nothing.
    const onlyThis = await saveParticipationRule(db, actor, { fiscalYearBE: 2569, rule: DEFAULT_PARTICIPATION_RULE, scope: "thisYear", planYears: [2566, 2567, 2568, 2569, 2570] });
    expect(onlyThis).toEqual({ status: "saved", changedYears: [2569], skippedClosedYears: [] });
    expect(await getParticipationRule(db, 2570)).toEqual(rule);
    const again = await saveParticipationRule(db, actor, { fiscalYearBE: 2569, rule: DEFAULT_PARTICIPATION_RULE, scope: "thisYear", planYears: [2566, 2567, 2568, 2569, 2570] });
    expect(again.status === "saved" && again.changedYears).toEqual([]);
  });

  it("a closed year refuses rule edits (and action plan and LPA edits); a change from an earlier year skips it", async () => {
    expect(await closeFiscalYear(db, actor, 2568, NOW)).toBe("closed");
    const ruleBefore = await getParticipationRule(db, 2568);
    const rule = { ...DEFAULT_PARTICIPATION_RULE, excludeRejectedAtScreening: false };
    expect(await saveParticipationRule(db, actor, { fiscalYearBE: 2568, rule, scope: "thisYear", planYears: [2566, 2567, 2568, 2569, 2570] })).toEqual({ status: "closed" });
    const fromEarlier = await saveParticipationRule(db, actor, { fiscalYearBE: 2567, rule, scope: "following", planYears: [2566, 2567, 2568, 2569, 2570] });
    expect(fromEarlier).toEqual({ status: "saved", changedYears: [2567, 2569, 2570], skippedClosedYears: [2568] });
    expect(await getParticipationRule(db, 2568)).toEqual(ruleBefore);

    expect(await addActivity(db, actor, 2568, { title: "กิจกรรมหลังปิดปี", planId: null, status: "done" })).toBe("closed");
    expect(await saveLpaScore(db, actor, { fiscalYearBE: 2568, score: 99, source: "แก้ไข", areas: null })).toBe("closed");
    expect((await db.select().from(lpaScores).where(eq(lpaScores.fiscalYear, 2568)))[0].score).toBe(96.1);

    // Through the admin page: refused with the message, nothing written.
    const snapshot = await snapshotEveryTable(db);
    const refused = await post(participationAction, "/admin/participation", "LS006", { intent: "rule", fy: "2568", category: ["civil_servant"], scope: "thisYear" });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ refusal: "reports.rule.closedNotice" });
    expect(await snapshotEveryTable(db)).toEqual(snapshot);

    // Reopening (with a reason) makes the year editable again.
    expect(await reopenFiscalYear(db, actor, 2568, "แก้ไขกติกาตามมติคณะทำงาน")).toBe("reopened");
    const saved = await post(participationAction, "/admin/participation", "LS006", {
      intent: "rule",
      fy: "2568",
      category: ["civil_servant", "permanent_employee"],
      countComments: "on",
      excludeRejectedAtScreening: "on",
      scope: "thisYear",
    });
    expect(saved.status).toBe(302);
    expect((await getParticipationRule(db, 2568)).countComments).toBe(true);
    // Restore the default for the tests below.
    await saveParticipationRule(db, actor, { fiscalYearBE: 2567, rule: DEFAULT_PARTICIPATION_RULE, scope: "following", planYears: [2566, 2567, 2568, 2569, 2570] });
  });

  it("the admin page closes a finished year, refuses the running one, and reopens only with a reason", async () => {
    const path = "/admin/participation";
    expect((await post(participationAction, path, "LS006", { intent: "close", fy: "2570" })).status).toBe(409);
    const closed = await post(participationAction, path, "LS006", { intent: "close", fy: "2567" });
    expect([closed.status, closed.headers.get("Location")]).toEqual([302, "/admin/participation?fy=2567&saved=closed"]);
    expect((await db.select().from(fiscalYearSettings).where(eq(fiscalYearSettings.fiscalYear, 2567)))[0].closedAt).not.toBeNull();
    const noReason = await post(participationAction, path, "LS006", { intent: "reopen", fy: "2567", reason: "  " });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ fieldErrors: { reason: "reports.error.required" } });
    expect((await post(participationAction, path, "LS006", { intent: "reopen", fy: "2567", reason: "บันทึกกิจกรรมตกหล่น" })).status).toBe(302);
    const [setting] = await db.select().from(fiscalYearSettings).where(eq(fiscalYearSettings.fiscalYear, 2567));
    expect([setting.closedAt, setting.reopenReason]).toEqual([null, "บันทึกกิจกรรมตกหล่น"]);
    expect((await post(participationAction, path, "LS005", { intent: "close", fy: "2567" })).status).toBe(403);
  });

  it("the admin form refuses a rule without any staff category, keeping what was ticked", async () => {
    const response = await post(participationAction, "/admin/participation", "LS006", { intent: "rule", fy: "2570", countComments: "on", scope: "following" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ fieldErrors: { categories: "reports.error.noCategory" }, rule: { countComments: true, scope: "following" } });
  });
});

describe(`the action plan (${engineName})`, () => {
  it("seeded completion is 100% in some past years and lower in others", async () => {
    const completion = async (year: number) => (await yearIndicators(db, year, { now: NOW })).figures.find((figure) => figure.code === "ACTION_PLAN");
    expect((await completion(2566))?.value).toBe(100);
    expect((await completion(2567))?.value?.toFixed(1)).toBe("88.9");
    expect((await completion(2569))?.value).toBe(90);
    const running = await listActivities(db, 2570);
    expect(running.length).toBeGreaterThanOrEqual(8);
    expect(running.filter((activity) => activity.status === "planned" || activity.status === "in_progress").length).toBeGreaterThan(running.length / 2);
  });

  it("the committee adds, renames, reorders and cancels; a stale form is told; staff cannot change it", async () => {
    const path = "/plan/actions";
    const added = await post(actionsAction, path, "LS005", { intent: "add", fy: "2570", title: "ประชุมชี้แจงผู้ประสานงานนวัตกรรมประจำกอง", planId: "", status: "planned" });
    expect(added.status).toBe(302);
    let list = await listActivities(db, 2570);
    const activity = list[list.length - 1];
    expect(activity.title).toBe("ประชุมชี้แจงผู้ประสานงานนวัตกรรมประจำกอง");

    const bad = await post(actionsAction, path, "LS005", { intent: "add", fy: "2570", title: "  ", planId: "999999", status: "planned" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fieldErrors: { title: "reports.error.required", planId: "reports.error.planItem" }, values: { planId: "999999" } });

    expect((await post(actionsAction, path, "LS005", { intent: "move", fy: "2570", id: String(activity.id), direction: "up" })).status).toBe(302);
    list = await listActivities(db, 2570);
    expect(list[list.length - 2].id).toBe(activity.id);

    const cancelled = await post(actionsAction, path, "LS006", { intent: "status", fy: "2570", id: String(activity.id), version: activity.version, status: "cancelled" });
    expect(cancelled.status).toBe(302);
    // The same (now stale) form again: refused, not overwritten.
    const stale = await post(actionsAction, path, "LS005", { intent: "rename", fy: "2570", id: String(activity.id), version: activity.version, title: "ชื่อใหม่", planId: "" });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ refusal: "reports.error.conflict", values: { title: "ชื่อใหม่" } });
    const [row] = await db.select().from(actionPlanActivities).where(eq(actionPlanActivities.id, activity.id));
    expect([row.title, row.status]).toEqual(["ประชุมชี้แจงผู้ประสานงานนวัตกรรมประจำกอง", "cancelled"]);

    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, "action_plan_activity"), eq(auditLog.entityId, String(activity.id))));
    expect(audits.map((entry) => entry.action)).toEqual(["action_plan.activity_added", "action_plan.activity_moved", "action_plan.status_changed"]);

    const snapshot = await snapshotEveryTable(db);
    const refused = await post(actionsAction, path, "LS025", { intent: "add", fy: "2570", title: "ไม่ควรบันทึก", planId: "", status: "planned" });
    expect(refused.status).toBe(403);
    expect(await snapshotEveryTable(db)).toEqual(snapshot);

    // Everyone signed in reads it; only editors get the forms.
    const page = await (await get(actionsLoader, "/plan/actions?fy=2570", "LS025")).json();
    expect(page.canEdit).toBe(false);
    expect(page.activities.length).toBe(list.length);
  });
});

describe(`LPA scores (${engineName})`, () => {
  it("seeded scores rise every year; the admin enters a score with areas; bad input keeps what was typed", async () => {
    const rows = await db.select().from(lpaScores).where(inArray(lpaScores.fiscalYear, [2565, 2566, 2567, 2568, 2569]));
    const scores = rows.sort((a, b) => a.fiscalYear - b.fiscalYear).map((row) => row.score);
    expect(scores).toEqual([94.15, 95.3, 95.82, 96.1, 96.55]);
    const lpa = (await yearIndicators(db, 2569, { now: NOW })).figures.find((figure) => figure.code === "LPA");
    expect([lpa?.value, lpa?.previousValue, lpa?.status]).toEqual([96.55, 96.1, "met"]);

    const bad = await post(lpaAction, "/plan/lpa", "LS006", { intent: "save", fiscalYear: "2570", score: "101", source: "", area1: "97" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fieldErrors: { score: "reports.error.score", source: "reports.error.required" }, values: { score: "101", area1: "97" } });

    const saved = await post(lpaAction, "/plan/lpa", "LS006", { intent: "save", fiscalYear: "2570", score: "96.80", source: "ผลประเมิน LPA ประจำปี พ.ศ. 2570", area1: "97.5", area5: "96" });
    expect(saved.status).toBe(302);
    const [row] = await db.select().from(lpaScores).where(eq(lpaScores.fiscalYear, 2570));
    expect([row.score, row.areas]).toEqual([96.8, { area1: 97.5, area5: 96 }]);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "lpa.saved"), eq(auditLog.entityId, "2570")));
    expect(audit.details).toMatchObject({ before: null, after: { score: 96.8 } });

    expect((await post(lpaAction, "/plan/lpa", "LS005", { intent: "save", fiscalYear: "2570", score: "1", source: "x" })).status).toBe(403);
    expect((await post(lpaAction, "/plan/lpa", "LS006", { intent: "delete", fiscalYear: "2570" })).status).toBe(302);
    expect(await db.select().from(lpaScores).where(eq(lpaScores.fiscalYear, 2570))).toEqual([]);
  });
});

describe(`plan forms refuse ids and years that cannot be (${engineName})`, () => {
  it("an activity id or an LPA year that is not a number or out of range is a 404, never a server error, and changes nothing", async () => {
    const snapshot = await snapshotEveryTable(db);
    const answers = await Promise.all([
      post(actionsAction, "/plan/actions", "LS005", { intent: "status", fy: "2570", id: "abc", status: "done" }),
      post(actionsAction, "/plan/actions", "LS005", { intent: "move", fy: "2570", id: "99999999999", direction: "up" }),
      post(actionsAction, "/plan/actions", "LS005", { intent: "rename", fy: "2570", id: "-1", title: "ชื่อ", planId: "" }),
      post(lpaAction, "/plan/lpa", "LS006", { intent: "delete", fiscalYear: "abc" }),
      post(lpaAction, "/plan/lpa", "LS006", { intent: "delete", fiscalYear: "99999999999" }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404]);
    expect(await snapshotEveryTable(db)).toEqual(snapshot);
  });

  it("an LPA score typed in Thai digits is saved as the number", async () => {
    const saved = await post(lpaAction, "/plan/lpa", "LS006", { intent: "save", fiscalYear: "๒๕๗๐", score: "๙๗.๕", source: "ผลประเมิน", area1: "๙๘" });
    expect(saved.status).toBe(302);
    const [row] = await db.select().from(lpaScores).where(eq(lpaScores.fiscalYear, 2570));
    expect([row.score, row.areas]).toEqual([97.5, { area1: 98 }]);
    expect((await post(lpaAction, "/plan/lpa", "LS006", { intent: "delete", fiscalYear: "๒๕๗๐" })).status).toBe(302);
  });
});

describe(`the quarterly report page (${engineName})`, () => {
  it("the committee writes the texts; a second writer with a stale form is told and loses nothing", async () => {
    const page = await (await get(quarterlyLoader, "/reports/quarterly?fy=2570&q=2", "LS005")).json();
    expect([page.report.fiscalYearBE, page.report.quarter, page.canWrite, page.report.texts.version]).toEqual([2570, 2, true, ""]);
    const first = await post(quarterlyAction, "/reports/quarterly", "LS005", { intent: "texts", fy: "2570", q: "2", version: "", problems: "ปัญหาแรก", nextSteps: "แนวทางแรก" });
    expect(first.status).toBe(302);
    const second = await post(quarterlyAction, "/reports/quarterly", "LS001", { intent: "texts", fy: "2570", q: "2", version: "", problems: "ปัญหาของผู้บริหาร", nextSteps: "" });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ conflict: true, problems: "ปัญหาของผู้บริหาร" });
    const [row] = await db.select().from(quarterlyReports).where(and(eq(quarterlyReports.fiscalYear, 2570), eq(quarterlyReports.quarter, 2)));
    expect(row.problems).toBe("ปัญหาแรก");

    const reloaded = await (await get(quarterlyLoader, "/reports/quarterly?fy=2570&q=2", "LS001")).json();
    const third = await post(quarterlyAction, "/reports/quarterly", "LS001", { intent: "texts", fy: "2570", q: "2", version: reloaded.report.texts.version, problems: "ปัญหาแรก\n\nปัญหาของผู้บริหาร", nextSteps: "แนวทางแรก" });
    expect(third.status).toBe(302);
    expect((await db.select().from(quarterlyReports).where(and(eq(quarterlyReports.fiscalYear, 2570), eq(quarterlyReports.quarter, 2))))[0].problems).toBe("ปัญหาแรก\n\nปัญหาของผู้บริหาร");

    // Two saves at once from the same form: one wins, the other is told.
    const both = await Promise.all(
      ["LS005", "LS001"].map(async (username) =>
        saveQuarterlyText(db, { accountId: await accountIdOf(username), ipAddress: "127.0.0.1" }, { fiscalYearBE: 2570, quarter: 3, problems: username, nextSteps: "", version: "" }),
      ),
    );
    expect(both.map((result) => result.status).sort()).toEqual(["conflict", "saved"]);

    // An administrator reads the report but does not write it; directors and staff do not read it.
    expect((await get(quarterlyLoader, "/reports/quarterly", "LS006")).status).toBe(200);
    expect((await post(quarterlyAction, "/reports/quarterly", "LS006", { intent: "texts", fy: "2570", q: "2", version: "", problems: "", nextSteps: "" })).status).toBe(403);
    expect((await get(quarterlyLoader, "/reports/quarterly", "LS016")).status).toBe(403);
    expect((await get(quarterlyLoader, "/reports/quarterly", "LS025")).status).toBe(403);
  });
});

describe(`the quarterly report is Thai for an English reader (${engineName})`, () => {
  /** The page's HTML as the browser gets it: the real root loader (the reader's language) and the report's loader. */
  async function renderQuarterlyPage(path: string, username: string): Promise<string> {
    const handler = createStaticHandler([
      {
        id: "root",
        path: "/",
        loader: ({ request, params }) => rootLoader({ request, params, context: {} }),
        element: createElement(Outlet),
        children: [{ id: "routes/reports.quarterly", path: "reports/quarterly", loader: ({ request, params }) => quarterlyLoader({ request, params, context: {} }), element: createElement(QuarterlyReportPage) }],
      },
    ]);
    const context = await handler.query(new Request(`http://localhost${path}`, { headers: { Cookie: await cookieOf(username) } }));
    if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
    if (context.errors) throw new Error(`route error: ${JSON.stringify(context.errors)}`);
    return renderToStaticMarkup(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
  }

  /** Runs `check` with LS001's account set to English, then puts Thai back for the other tests. */
  async function asEnglishReader(check: () => Promise<void>) {
    await db.update(accounts).set({ locale: "en" }).where(eq(accounts.username, "LS001"));
    try {
      await check();
    } finally {
      await db.update(accounts).set({ locale: "th" }).where(eq(accounts.username, "LS001"));
    }
  }

  const escaped = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

  it("the report's title, headings, tables and dates are Thai under lang=th; the picker and buttons stay English", async () => {
    await asEnglishReader(async () => {
      const html = await renderQuarterlyPage("/reports/quarterly?fy=2570&q=1", "LS001");
      const start = html.indexOf('<article class="report" lang="th"');
      expect(start).toBeGreaterThan(-1);
      const report = html.slice(start, html.indexOf("</article>", start));
      const chrome = html.slice(0, start) + html.slice(html.indexOf("</article>", start));
      expect(report).toContain("รายงานผลการดำเนินงานตามแผนแม่บทนวัตกรรม ไตรมาสที่ 1 ปีงบประมาณ พ.ศ. 2570");
      expect(report).toContain("ระหว่างวันที่ 1 ตุลาคม 2569 ถึงวันที่ 31 ธันวาคม 2569");
      for (const key of ["reports.section.indicators", "reports.section.movement", "reports.section.texts", "reports.indicator", "reports.target", "reports.movement.kind", "reports.sign.mayor", "dashboard.byDivision"] as const) {
        expect(report).toContain(escaped(translate("th", key)));
        expect(report).not.toContain(escaped(translate("en", key)));
      }
      expect(report).not.toMatch(/FY 20\d\d|October|December/);
      // Around it, the reader's language.
      for (const key of ["reports.quarter", "reports.csv.download", "reports.printHint", "reports.yearlyLink"] as const) expect(chrome).toContain(escaped(translate("en", key)));
      expect(chrome).toContain("FY 2027");
      expect(chrome).not.toContain(escaped(translate("th", "reports.printHint")));
    });
  });

  it("the report's CSV has Thai headers and Thai labels for an English reader", async () => {
    await asEnglishReader(async () => {
      const records = csvRecords(await csvText(await get(quarterlyCsvLoader, "/reports/quarterly/csv?fy=2570&q=1", "LS001")));
      expect(records[0]).toEqual(["ส่วน", "รายการ", "ค่า", "เป้าหมาย", "สถานะ", "ตัวตั้ง", "ตัวหาร", "ในปี", "สะสม", "วันที่"]);
      expect(records.some((record) => record[0] === "การมีส่วนร่วมแยกตามกอง")).toBe(true);
      const cells = records.flat();
      for (const key of ["reports.csv.section", "reports.csv.item", "reports.csv.date", "dashboard.byDivision", "reports.section.indicators", "reports.movement.ideasSubmitted"] as const) {
        expect(cells).toContain(translate("th", key));
        expect(cells).not.toContain(translate("en", key));
      }
    });
  });
});

describe(`exports (${engineName})`, () => {
  it("the quarterly CSV starts with a BOM and neutralises a formula in a title", async () => {
    const personId = await findPersonId(db, "LS024");
    const [idea] = await db
      .insert(ideas)
      .values({ title: '=HYPERLINK("http://evil.example","คลิก")', problem: "ป", solution: "ว", benefit: "ผ", fiscalYear: 2570, submittedAt: new Date("2026-11-21T09:00:00+07:00") })
      .returning({ id: ideas.id });
    await db.insert(ideaAuthors).values({ ideaId: idea.id, personId, isSubmitter: true });
    const response = await get(quarterlyCsvLoader, "/reports/quarterly/csv?fy=2570&q=1", "LS001");
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const text = await csvText(response);
    expect(text).toContain("'=HYPERLINK(");
    const records = csvRecords(text);
    expect(records[0]).toEqual(["ส่วน", "รายการ", "ค่า", "เป้าหมาย", "สถานะ", "ตัวตั้ง", "ตัวหาร", "ในปี", "สะสม", "วันที่"]);
    expect(records.some((record) => record[1] === "'=HYPERLINK(\"http://evil.example\",\"คลิก\")")).toBe(true);
    expect(records.every((record) => !/^[=+\-@]/.test(record.join("")))).toBe(true);
    expect((await get(quarterlyCsvLoader, "/reports/quarterly/csv?fy=2570&q=1", "LS016")).status).toBe(403);
  });

  it("no cell of the quarterly CSV is a fraction Excel would read as a date; the figures have their own columns", async () => {
    const records = csvRecords(await csvText(await get(quarterlyCsvLoader, "/reports/quarterly/csv?fy=2570&q=1", "LS001")));
    const [header, ...body] = records;
    const column = (name: string) => header.indexOf(name);
    for (const record of body) {
      expect(record).toHaveLength(header.length);
      // "5/38", "1/10", "1/3": Excel (Thai or English) turns these into dates.
      for (const cell of record) expect(/^\s*\d+(\.\d+)?\s*[/-]\s*\d+(\.\d+)?\s*$/.test(cell), JSON.stringify(cell)).toBe(false);
    }
    const year = await yearIndicators(db, 2570, { now: new Date() });
    const lg1 = year.figures.find((figure) => figure.code === "LG1");
    const lg1Row = body.find((record) => record[1] === lg1?.nameTh);
    expect(lg1Row?.[column("ตัวตั้ง")]).toBe(String(lg1?.numerator));
    expect(lg1Row?.[column("ตัวหาร")]).toBe(String(lg1?.denominator));
    const divisions = body.filter((record) => record[0] === "การมีส่วนร่วมแยกตามกอง");
    expect(divisions.length).toBeGreaterThan(0);
    for (const record of divisions) {
      expect(record[column("ตัวตั้ง")]).toMatch(/^\d+$/);
      expect(record[column("ตัวหาร")]).toMatch(/^\d+$/);
    }
    // Dates of what moved are ISO calendar dates, which Excel reads as those very dates in any locale.
    const dated = body.filter((record) => record[column("วันที่")] !== "");
    expect(dated.length).toBeGreaterThan(0);
    for (const record of dated) expect(record[column("วันที่")]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("the per-person CSV of a director holds only their division, whatever the URL asks; it is audited", async () => {
    const [finance] = await db.select().from(divisions).where(eq(divisions.code, "finance"));
    const [office] = await db.select().from(divisions).where(eq(divisions.code, "office"));
    const response = await get(peopleCsvLoader, `/dashboard/people/csv?fy=2569&division=${office.id}`, "LS016");
    expect(response.status).toBe(200);
    const records = csvRecords(await csvText(response));
    const body = records.slice(1);
    expect(body.length).toBeGreaterThan(0);
    const financeIds = (await participationRows(db, 2569, await getParticipationRule(db, 2569), THAI_FISCAL_CALENDAR)).filter((row) => row.divisionId === finance.id).map((row) => row.personId);
    const financeCodes = (await db.select({ code: people.employeeCode }).from(people).where(inArray(people.id, financeIds))).map((person) => person.code).sort();
    expect(body.map((record) => record[0]).sort()).toEqual(financeCodes);
    expect(new Set(body.map((record) => record[2]))).toEqual(new Set(["กองคลัง"]));
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "participation.exported"), eq(auditLog.actorAccountId, await accountIdOf("LS016"))));
    expect(audit.details).toMatchObject({ divisionId: finance.id, rows: financeCodes.length });

    // An executive gets everyone (or the division asked for); staff get nothing.
    const all = csvRecords(await csvText(await get(peopleCsvLoader, "/dashboard/people/csv?fy=2569", "LS001")));
    expect(all.length - 1).toBe((await yearIndicators(db, 2569, { now: NOW })).participation.denominator);
    expect((await get(peopleCsvLoader, "/dashboard/people/csv?fy=2569", "LS025")).status).toBe(403);
  });

  it("the indicator history has every indicator for every plan year; directors get 403", async () => {
    const response = await get(historyCsvLoader, "/dashboard/history/csv", "LS004");
    const records = csvRecords(await csvText(response));
    expect(records[0][0]).toBe("รหัสตัวชี้วัด");
    expect(records).toHaveLength(1 + 5 * 5);
    const lg1of2569 = records.find((record) => record[0] === "LG1" && record[2] === "2569");
    expect(lg1of2569?.slice(3, 8)).toEqual(["65.71", "70", "ไม่บรรลุ", "23", "35"]);
    const projects2570 = records.find((record) => record[0] === "INNOVATION_PROJECTS" && record[2] === "2570");
    expect(Number(projects2570?.[9])).toBeGreaterThanOrEqual(Number(projects2570?.[8]));
    expect((await get(historyCsvLoader, "/dashboard/history/csv", "LS016")).status).toBe(403);
  });
});

describe(`demo data for the indicators (${engineName})`, () => {
  it("seeding again changes nothing", async () => {
    const before = await snapshotEveryTable(db);
    await seedDemoIndicators(db);
    expect(await snapshotEveryTable(db)).toEqual(before);
    const texts = await db.select().from(quarterlyReports).where(eq(quarterlyReports.fiscalYear, 2569));
    expect(texts.map((text) => text.quarter).sort()).toEqual([1, 2, 3, 4]);
    expect((await db.select().from(fiscalYearSettings)).length).toBeGreaterThanOrEqual(5);
  });
});
