import { createHash } from "node:crypto";
import type { Database } from "../../db/client.server";
import type { FileError, RowError } from "../domain/roster-import";
import { attendanceCodesIn, planAttendanceImport, validateAttendanceCsv, type AttendancePlan } from "../domain/training-attendance-import";
import { diffAttendance, parseAttendedHours, sessionHasBegun, type AttendedHoursProblem } from "../domain/training-session";
import type { MessageKey } from "../i18n/messages.server";
import { recordAudit } from "../models/audit.server";
import { organisationToday } from "../models/settings.server";
import {
  codesOf,
  employedDuring,
  getSession,
  lockSession,
  peopleForAttendance,
  recordedHours,
  removeAttendance,
  upsertAttendance,
} from "../models/training.server";

export type Actor = { accountId: string; ipAddress: string };

// ---------------------------------------------------------------------------
// The checklist page

export type ChecklistForm = {
  /** The people the form showed: only they can be added or removed by this save. */
  shown: number[];
  /** Ticked people and their hours (valid ones). */
  ticked: Map<number, number>;
  /** What was typed, to show again on an error or after "select the whole division". */
  checked: number[];
  hoursTyped: Record<string, string>;
  errors: Record<string, MessageKey>;
};

const MAX_FORM_PEOPLE = 20_000;

const HOURS_PROBLEMS: Record<AttendedHoursProblem, MessageKey> = {
  badHours: "training.error.badHours",
  hoursTooMany: "training.error.hoursTooMany",
};

function personIds(values: FormDataEntryValue[]): number[] {
  const ids = values.map(Number).filter((id) => Number.isInteger(id) && id > 0);
  return [...new Set(ids)].slice(0, MAX_FORM_PEOPLE);
}

/** Read the checklist: `shown`, `attended` (ticked ids) and `hours-<id>` (blank = the session's hours). */
export function parseChecklistForm(formData: FormData, sessionHours: number): ChecklistForm {
  const shown = personIds(formData.getAll("shown"));
  const shownSet = new Set(shown);
  const checked = personIds(formData.getAll("attended")).filter((id) => shownSet.has(id));
  const hoursTyped: Record<string, string> = {};
  for (const id of shown) hoursTyped[id] = String(formData.get(`hours-${id}`) ?? "").slice(0, 20);
  const ticked = new Map<number, number>();
  const errors: Record<string, MessageKey> = {};
  for (const id of checked) {
    const parsed = parseAttendedHours(hoursTyped[id], sessionHours);
    if (parsed.ok) ticked.set(id, parsed.hours);
    else errors[id] = HOURS_PROBLEMS[parsed.problem];
  }
  return { shown, ticked, checked, hoursTyped, errors };
}

/** Has the session begun, today in the organisation's time zone? Only then is attendance recorded. */
export async function hasSessionBegun(db: Database, session: { startDate: string }, now?: Date): Promise<boolean> {
  return sessionHasBegun(session, await organisationToday(db, now));
}

export type SaveAttendanceResult =
  | { status: "saved"; added: number; changed: number; removed: number }
  | { status: "notFound" }
  | { status: "notEmployed"; personIds: number[] }
  | { status: "notBegun"; startDate: string };

/**
 * Save a checklist in one transaction: the session row is locked (saves of one session queue),
 * the difference with what is recorded is written (delete, insert … on conflict update), and
 * the audit entry lists who was added, changed and removed. Nobody is added or changed for a
 * session that has not begun (its first day after today in the organisation's time zone);
 * removing is allowed.
 */
export async function saveSessionAttendance(
  db: Database,
  actor: Actor,
  params: { sessionId: number; shown: readonly number[]; ticked: ReadonlyMap<number, number>; now?: Date },
): Promise<SaveAttendanceResult> {
  return db.transaction(async (tx): Promise<SaveAttendanceResult> => {
    const session = await lockSession(tx, params.sessionId);
    if (!session) return { status: "notFound" };
    const recorded = await recordedHours(tx, session.id, params.shown);
    const diff = diffAttendance(params.shown, params.ticked, recorded);
    if (diff.insert.length + diff.update.length > 0 && !(await hasSessionBegun(tx, session, params.now))) {
      return { status: "notBegun", startDate: session.startDate };
    }
    // Only people employed during the session can be added (the form offers no one else).
    const added = diff.insert.map((row) => row.personId);
    const employed = await employedDuring(tx, added, session.startDate, session.endDate);
    const notEmployed = added.filter((id) => !employed.has(id));
    if (notEmployed.length > 0) return { status: "notEmployed", personIds: notEmployed };
    if (diff.insert.length + diff.update.length + diff.remove.length === 0) return { status: "saved", added: 0, changed: 0, removed: 0 };
    await removeAttendance(tx, session.id, diff.remove.map((row) => row.personId));
    await upsertAttendance(tx, session.id, [...diff.insert, ...diff.update.map((row) => ({ personId: row.personId, hours: row.after }))], actor.accountId);
    const codes = await codesOf(tx, [...diff.insert, ...diff.update, ...diff.remove].map((row) => row.personId));
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "attendance.saved",
      entityType: "training_session",
      entityId: session.id,
      details: {
        source: "checklist",
        added: diff.insert.map((row) => ({ code: codes.get(row.personId), hours: row.hours })),
        changed: diff.update.map((row) => ({ code: codes.get(row.personId), before: row.before, after: row.after })),
        removed: diff.remove.map((row) => ({ code: codes.get(row.personId), hours: row.hours })),
      },
      ipAddress: actor.ipAddress,
    });
    return { status: "saved", added: diff.insert.length, changed: diff.update.length, removed: diff.remove.length };
  });
}

// ---------------------------------------------------------------------------
// CSV import

export const ATTENDANCE_PREVIEW_LIMIT = 200;

export type AttendancePreview = {
  additions: { row: number; employeeCode: string; hours: number }[];
  changes: { row: number; employeeCode: string; before: number; hours: number }[];
  addedCount: number;
  changedCount: number;
  unchangedCount: number;
  rowCount: number;
  fingerprint: string;
};

export type AttendanceImportResult =
  | { status: "notFound" }
  | { status: "invalid"; fileErrors: FileError[]; rowErrors: RowError[] }
  | { status: "preview"; preview: AttendancePreview }
  | { status: "stale"; preview: AttendancePreview }
  | { status: "committed"; added: number; changed: number; unchanged: number };

function previewOf(plan: AttendancePlan, rowCount: number): AttendancePreview {
  // What the preview showed and the commit writes: each person, the hours before (or none) and after.
  const writes = [...plan.additions.map((row) => [row.personId, null, row.hours]), ...plan.changes.map((row) => [row.personId, row.before, row.hours])].sort(
    (a, b) => Number(a[0]) - Number(b[0]),
  );
  return {
    additions: plan.additions.slice(0, ATTENDANCE_PREVIEW_LIMIT).map((row) => ({ row: row.row, employeeCode: row.employeeCode, hours: row.hours })),
    changes: plan.changes.slice(0, ATTENDANCE_PREVIEW_LIMIT).map((row) => ({ row: row.row, employeeCode: row.employeeCode, before: row.before, hours: row.hours })),
    addedCount: plan.additions.length,
    changedCount: plan.changes.length,
    unchangedCount: plan.unchanged,
    rowCount,
    fingerprint: createHash("sha256").update(JSON.stringify({ writes, unchanged: plan.unchanged })).digest("hex"),
  };
}

async function planImport(db: Database, sessionId: number, text: string, now: Date | undefined) {
  const session = await getSession(db, sessionId);
  if (!session) return { status: "notFound" as const };
  const people = await peopleForAttendance(db, attendanceCodesIn(text), session);
  const validation = validateAttendanceCsv(text, { sessionHours: session.hours, personByCode: people });
  if (!validation.ok) return { status: "invalid" as const, fileErrors: validation.fileErrors, rowErrors: validation.rowErrors };
  const recorded = await recordedHours(db, session.id, validation.rows.map((row) => row.personId));
  const plan = planAttendanceImport(validation.rows, recorded);
  // As the checklist: no attendance for a session that has not begun (a file that changes nothing is fine).
  if (plan.additions.length + plan.changes.length > 0 && !(await hasSessionBegun(db, session, now))) {
    return { status: "invalid" as const, fileErrors: [{ problem: "sessionNotBegun" as const, params: { date: session.startDate } }], rowErrors: [] };
  }
  return { status: "planned" as const, session, plan, preview: previewOf(plan, validation.rows.length) };
}

/** Check an attendance file against the session and say what importing it would do. Writes nothing. */
export async function previewAttendanceImport(db: Database, sessionId: number, text: string, now?: Date): Promise<AttendanceImportResult> {
  const planned = await planImport(db, sessionId, text, now);
  if (planned.status !== "planned") return planned;
  return { status: "preview", preview: planned.preview };
}

/** Import attendance all or nothing, in one transaction, if the plan is still the one previewed. */
export async function commitAttendanceImport(
  db: Database,
  actor: Actor,
  params: { sessionId: number; text: string; fingerprint: string; fileName?: string; now?: Date },
): Promise<AttendanceImportResult> {
  return db.transaction(async (tx): Promise<AttendanceImportResult> => {
    if (!(await lockSession(tx, params.sessionId))) return { status: "notFound" };
    const planned = await planImport(tx, params.sessionId, params.text, params.now);
    if (planned.status !== "planned") return planned;
    const { plan, preview } = planned;
    if (preview.fingerprint !== params.fingerprint) return { status: "stale", preview };
    const writes = [...plan.additions, ...plan.changes];
    if (writes.length > 0) {
      await upsertAttendance(tx, params.sessionId, writes, actor.accountId);
      await recordAudit(tx, {
        actorAccountId: actor.accountId,
        action: "attendance.imported",
        entityType: "training_session",
        entityId: params.sessionId,
        details: {
          source: "import",
          fileName: params.fileName ?? null,
          rows: preview.rowCount,
          added: plan.additions.map((row) => ({ code: row.employeeCode, hours: row.hours })),
          changed: plan.changes.map((row) => ({ code: row.employeeCode, before: row.before, after: row.hours })),
          unchanged: plan.unchanged,
        },
        ipAddress: actor.ipAddress,
      });
    }
    return { status: "committed", added: plan.additions.length, changed: plan.changes.length, unchanged: plan.unchanged };
  });
}
