import { and, asc, eq, max } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { actionPlanActivities, fiscalYearSettings, plans } from "../../db/schema";
import type { ActivityInput, ActivityStatusValue } from "../domain/report-forms";
import { recordAudit } from "./audit.server";

type Actor = { accountId: string; ipAddress: string };

export type ActivityRow = {
  id: number;
  fiscalYear: number;
  title: string;
  planId: number | null;
  planCode: string | null;
  planNameTh: string | null;
  planNameEn: string | null;
  status: ActivityStatusValue;
  sortOrder: number;
  /** The row's version for the edit forms: a change since the form was shown is refused. */
  version: string;
};

/** The year's activities in their order, with the plan item each serves. */
export async function listActivities(db: Database, fiscalYearBE: number): Promise<ActivityRow[]> {
  const rows = await db
    .select({
      id: actionPlanActivities.id,
      fiscalYear: actionPlanActivities.fiscalYear,
      title: actionPlanActivities.title,
      planId: actionPlanActivities.planId,
      planCode: plans.code,
      planNameTh: plans.nameTh,
      planNameEn: plans.nameEn,
      status: actionPlanActivities.status,
      sortOrder: actionPlanActivities.sortOrder,
      updatedAt: actionPlanActivities.updatedAt,
    })
    .from(actionPlanActivities)
    .leftJoin(plans, eq(plans.id, actionPlanActivities.planId))
    .where(eq(actionPlanActivities.fiscalYear, fiscalYearBE))
    .orderBy(asc(actionPlanActivities.sortOrder), asc(actionPlanActivities.id));
  return rows.map(({ updatedAt, ...row }) => ({ ...row, version: updatedAt.toISOString() }));
}

/**
 * Is the year closed? Read with a share lock, so closing the year (which locks the same row for
 * update) waits for a write in progress, and a write after closing sees the year closed.
 */
async function yearIsClosed(db: Database, fiscalYearBE: number): Promise<boolean> {
  const [setting] = await db
    .select({ closedAt: fiscalYearSettings.closedAt })
    .from(fiscalYearSettings)
    .where(eq(fiscalYearSettings.fiscalYear, fiscalYearBE))
    .for("share");
  return Boolean(setting?.closedAt);
}

/**
 * Add an activity at the end of the year's list. With a submission token the first insert wins
 * (unique constraint, even for posts at the same moment): the same form posted again adds nothing.
 */
export async function addActivity(
  db: Database,
  actor: Actor,
  fiscalYearBE: number,
  input: ActivityInput,
  submissionToken: string | null = null,
): Promise<"ok" | "closed"> {
  return db.transaction(async (tx) => {
    if (await yearIsClosed(tx, fiscalYearBE)) return "closed";
    const [last] = await tx.select({ sortOrder: max(actionPlanActivities.sortOrder) }).from(actionPlanActivities).where(eq(actionPlanActivities.fiscalYear, fiscalYearBE));
    const [created] = await tx
      .insert(actionPlanActivities)
      .values({ fiscalYear: fiscalYearBE, title: input.title, planId: input.planId, status: input.status, sortOrder: (last?.sortOrder ?? 0) + 1, updatedAt: new Date(), submissionToken })
      .onConflictDoNothing({ target: actionPlanActivities.submissionToken })
      .returning({ id: actionPlanActivities.id });
    if (!created) return "ok";
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "action_plan.activity_added",
      entityType: "action_plan_activity",
      entityId: created.id,
      details: { fiscalYear: fiscalYearBE, ...input },
      ipAddress: actor.ipAddress,
    });
    return "ok";
  });
}

export type ActivityChange = "ok" | "notFound" | "closed" | "conflict";

/**
 * Change an activity's title and plan item, or its status. `version` is what the form showed:
 * when someone else changed the activity since, nothing is written and the caller says so.
 */
export async function changeActivity(
  db: Database,
  actor: Actor,
  params: { id: number; version: string; patch: Partial<ActivityInput> },
): Promise<ActivityChange> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(actionPlanActivities).where(eq(actionPlanActivities.id, params.id)).for("update");
    if (!current) return "notFound";
    if (await yearIsClosed(tx, current.fiscalYear)) return "closed";
    if (current.updatedAt.toISOString() !== params.version) return "conflict";
    const before = { title: current.title, planId: current.planId, status: current.status };
    const after = { ...before, ...params.patch };
    await tx.update(actionPlanActivities).set({ ...params.patch, updatedAt: new Date() }).where(eq(actionPlanActivities.id, params.id));
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: params.patch.status !== undefined && params.patch.title === undefined ? "action_plan.status_changed" : "action_plan.activity_changed",
      entityType: "action_plan_activity",
      entityId: params.id,
      details: { fiscalYear: current.fiscalYear, before, after },
      ipAddress: actor.ipAddress,
    });
    return "ok";
  });
}

/** Move an activity one place up or down; the year's order is renumbered 1…n in the same step. */
export async function moveActivity(db: Database, actor: Actor, params: { id: number; direction: "up" | "down" }): Promise<"ok" | "notFound" | "closed"> {
  return db.transaction(async (tx) => {
    const [activity] = await tx.select({ fiscalYear: actionPlanActivities.fiscalYear }).from(actionPlanActivities).where(eq(actionPlanActivities.id, params.id));
    if (!activity) return "notFound";
    if (await yearIsClosed(tx, activity.fiscalYear)) return "closed";
    // Lock the whole year's list so two reorders cannot interleave.
    const rows = await tx
      .select({ id: actionPlanActivities.id, sortOrder: actionPlanActivities.sortOrder })
      .from(actionPlanActivities)
      .where(eq(actionPlanActivities.fiscalYear, activity.fiscalYear))
      .orderBy(asc(actionPlanActivities.sortOrder), asc(actionPlanActivities.id))
      .for("update");
    const ids = rows.map((row) => row.id);
    const from = ids.indexOf(params.id);
    if (from < 0) return "notFound";
    const to = params.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ids.length) return "ok";
    [ids[from], ids[to]] = [ids[to], ids[from]];
    for (const [index, id] of ids.entries()) {
      const sortOrder = index + 1;
      if (rows.find((row) => row.id === id)?.sortOrder !== sortOrder) {
        await tx.update(actionPlanActivities).set({ sortOrder }).where(and(eq(actionPlanActivities.id, id), eq(actionPlanActivities.fiscalYear, activity.fiscalYear)));
      }
    }
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "action_plan.activity_moved",
      entityType: "action_plan_activity",
      entityId: params.id,
      details: { fiscalYear: activity.fiscalYear, direction: params.direction, order: ids },
      ipAddress: actor.ipAddress,
    });
    return "ok";
  });
}

/** Plan items (แผนงาน) an activity may serve, in the plan's order. */
export async function listPlanItems(db: Database) {
  return db.select({ id: plans.id, code: plans.code, nameTh: plans.nameTh, nameEn: plans.nameEn }).from(plans).orderBy(asc(plans.code));
}
