import type { Database } from "../../db/client.server";
import { fiscalYearOfDate } from "../domain/fiscal-year";
import { thaiDateInput } from "../domain/roster-import";
import { DEFAULT_PLAN_CODE, parseSessionForm, sessionHasBegun, SESSION_FIELDS, type SessionFormValues, type SessionInput } from "../domain/training-session";
import { recordAudit } from "../models/audit.server";
import { getAppSettings, organisationTodayOf } from "../models/settings.server";
import { deleteSession, insertSession, listPlanOptions, lockSession, recordedHours, updateSessionIfVersion, type SessionRow } from "../models/training.server";

export type Actor = { accountId: string; ipAddress: string };

export function sessionFormValues(formData: FormData): SessionFormValues {
  return Object.fromEntries(SESSION_FIELDS.map((field) => [field, String(formData.get(field) ?? "").slice(0, field === "notes" ? 10_000 : 600)])) as SessionFormValues;
}

/** The session as its edit form shows it; dates as Thai D/M/BE in Thai, ISO in English (both are accepted). */
/** The form as typed, and the session it describes or a message key per bad field. */
export function readSessionForm(formData: FormData, planIds: ReadonlySet<number>) {
  const values = sessionFormValues(formData);
  return { values, parsed: parseSessionForm(values, planIds) };
}

export function sessionFormFromRow(session: SessionRow, locale: "th" | "en"): SessionFormValues {
  const shownDate = (iso: string) => (locale === "th" ? thaiDateInput(iso) : iso);
  return {
    title: session.title,
    topic: session.topic,
    organiser: session.organiser,
    startDate: shownDate(session.startDate),
    endDate: shownDate(session.endDate),
    hours: String(session.hours),
    planId: session.planId === null ? "" : String(session.planId),
    location: session.location,
    notes: session.notes,
  };
}

/** The plan items a session may serve, and the form a new session starts from (plan 3.1). */
export async function loadSessionFormOptions(db: Database) {
  const planOptions = await listPlanOptions(db);
  const defaultPlan = planOptions.find((plan) => plan.code === DEFAULT_PLAN_CODE);
  const emptyForm: SessionFormValues = {
    title: "",
    topic: "",
    organiser: "",
    startDate: "",
    endDate: "",
    hours: "",
    planId: defaultPlan ? String(defaultPlan.id) : "",
    location: "",
    notes: "",
  };
  return { planOptions, planIds: new Set(planOptions.map((plan) => plan.id)), emptyForm };
}

/**
 * Create a session; its id. A repeated `submissionToken` (the same form posted twice) creates
 * nothing and answers the id of the session the first post created.
 */
export async function createSession(db: Database, actor: Actor, input: SessionInput, submissionToken: string | null = null): Promise<number> {
  const { fiscalCalendar } = await getAppSettings(db);
  const fiscalYear = fiscalYearOfDate(input.startDate, fiscalCalendar);
  return db.transaction(async (tx) => {
    const { status, sessionId } = await insertSession(tx, { ...input, fiscalYear, createdByAccountId: actor.accountId, submissionToken });
    if (status === "duplicate") return sessionId;
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "training.session_created",
      entityType: "training_session",
      entityId: sessionId,
      details: { after: { ...input, fiscalYear } },
      ipAddress: actor.ipAddress,
    });
    return sessionId;
  });
}

/**
 * HR changes a session from its edit form. `version` is the version the form showed (null: it
 * carried none or a bad one): when someone saved the session since, nothing is written and the
 * answer is "conflict". Left out (a script, a test), the save is not checked. A session with
 * attendance recorded has happened: its first day cannot move after today ("startAfterAttendance"),
 * or its attendance would count on /training but not on the dashboard.
 */
export async function editSession(
  db: Database,
  actor: Actor,
  sessionId: number,
  input: SessionInput,
  options: { version?: number | null; now?: Date } = {},
): Promise<"saved" | "unchanged" | "notFound" | "conflict" | "startAfterAttendance"> {
  const settings = await getAppSettings(db);
  const fiscalYear = fiscalYearOfDate(input.startDate, settings.fiscalCalendar);
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, sessionId);
    if (!session) return "notFound";
    if (options.version !== undefined && options.version !== session.version) return "conflict";
    if (
      input.startDate !== session.startDate &&
      !sessionHasBegun(input, organisationTodayOf(settings, options.now ?? new Date())) &&
      (await recordedHours(tx, sessionId)).size > 0
    ) {
      return "startAfterAttendance";
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const next = { ...input, fiscalYear };
    for (const key of Object.keys(next) as (keyof typeof next)[]) {
      if (session[key] !== next[key]) {
        before[key] = session[key];
        after[key] = next[key];
      }
    }
    if (Object.keys(after).length === 0) return "unchanged";
    // Compare-and-set: the version in the WHERE too (the row is locked above, so this is a second guard).
    if (!(await updateSessionIfVersion(tx, sessionId, session.version, next))) return "conflict";
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "training.session_updated",
      entityType: "training_session",
      entityId: sessionId,
      details: { before, after },
      ipAddress: actor.ipAddress,
    });
    return "saved";
  });
}

/** Delete a session and its attendance (recorded in the audit log with what was removed). */
export async function removeSession(db: Database, actor: Actor, sessionId: number): Promise<"deleted" | "notFound"> {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, sessionId);
    if (!session) return "notFound";
    const attendance = await recordedHours(tx, sessionId);
    await deleteSession(tx, sessionId);
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "training.session_deleted",
      entityType: "training_session",
      entityId: sessionId,
      details: { before: session, attendees: attendance.size },
      ipAddress: actor.ipAddress,
    });
    return "deleted";
  });
}

