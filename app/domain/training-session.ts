/**
 * Training sessions and attendance: the form rules, the difference a checklist save makes,
 * and the share of staff trained. Pure: no I/O.
 */
import { isoDateProblem } from "./calendar-date";
import { textLengthProblem } from "./visible-text";
import { parseImportDate } from "./roster-import";
import { asciiDigits } from "./target-input";

export const SESSION_LIMITS = { title: 300, topic: 300, organiser: 300, location: 300, notes: 5000 } as const;
/** numeric(6,2) in the database. */
export const MAX_HOURS = 9999.99;
export const DEFAULT_PLAN_CODE = "3.1";

/** Hours as typed: "6", "3.5", "1.25" (or in Thai digits); not negative, at most two decimals. Null if not a number. */
export function parseHours(raw: string): number | null {
  const value = asciiDigits(raw).trim();
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(value)) return null;
  const hours = Number(value);
  return Number.isFinite(hours) && hours <= MAX_HOURS ? hours : null;
}

export type AttendedHoursProblem = "badHours" | "hoursTooMany";

/**
 * The hours one person attended a session, as typed on the checklist or in an import file. The
 * one rule for both: blank means the whole session; otherwise a number above 0 with at most two
 * decimals (0 hours is not attendance: untick the person, or leave them out of the file), and no
 * more than the session's hours.
 */
export function parseAttendedHours(raw: string, sessionHours: number): { ok: true; hours: number } | { ok: false; problem: AttendedHoursProblem } {
  if (raw.trim() === "") return { ok: true, hours: sessionHours };
  const hours = parseHours(raw);
  if (hours === null || hours <= 0) return { ok: false, problem: "badHours" };
  if (hours > sessionHours) return { ok: false, problem: "hoursTooMany" };
  return { ok: true, hours };
}

export type SessionFormValues = {
  title: string;
  topic: string;
  organiser: string;
  startDate: string;
  endDate: string;
  hours: string;
  planId: string;
  location: string;
  notes: string;
};

export type SessionInput = {
  title: string;
  topic: string;
  organiser: string;
  startDate: string;
  endDate: string;
  hours: number;
  planId: number | null;
  location: string;
  notes: string;
};

export type SessionProblem =
  | "training.error.required"
  | "training.error.tooLong"
  | "training.error.badDate"
  | "error.buddhistEraYear"
  | "training.error.endBeforeStart"
  | "training.error.badHours"
  | "training.error.planUnknown"
  | "training.error.startAfterAttendance";

export type SessionFieldErrors = Partial<Record<keyof SessionFormValues, SessionProblem>>;

export const SESSION_FIELDS: readonly (keyof SessionFormValues)[] = [
  "title",
  "topic",
  "organiser",
  "startDate",
  "endDate",
  "hours",
  "planId",
  "location",
  "notes",
];

/** Check a session form; dates may be ISO (a date picker) or Thai D/M/BE (typed). */
export function parseSessionForm(
  values: SessionFormValues,
  planIds: ReadonlySet<number>,
): { ok: true; input: SessionInput } | { ok: false; fieldErrors: SessionFieldErrors } {
  const fieldErrors: SessionFieldErrors = {};
  const text = (field: keyof typeof SESSION_LIMITS | "title", required: boolean) => {
    const value = values[field].normalize("NFC").trim();
    const problem = textLengthProblem(value, { max: SESSION_LIMITS[field], required });
    if (problem === "required") fieldErrors[field] = "training.error.required";
    else if (problem === "tooLong") fieldErrors[field] = "training.error.tooLong";
    return value;
  };
  const date = (field: "startDate" | "endDate") => {
    if (values[field].trim() === "") {
      fieldErrors[field] = "training.error.required";
      return null;
    }
    const parsed = parseImportDate(values[field]);
    if (!parsed.ok) {
      fieldErrors[field] = isoDateProblem(values[field].trim()) === "buddhistEraYear" ? "error.buddhistEraYear" : "training.error.badDate";
      return null;
    }
    return parsed.iso;
  };
  const title = text("title", true);
  const topic = text("topic", false);
  const organiser = text("organiser", false);
  const location = text("location", false);
  const notes = text("notes", false);
  const startDate = date("startDate");
  const endDate = date("endDate");
  if (startDate && endDate && endDate < startDate) fieldErrors.endDate = "training.error.endBeforeStart";
  let hours: number | null = null;
  if (values.hours.trim() === "") fieldErrors.hours = "training.error.required";
  else {
    hours = parseHours(values.hours);
    if (hours === null || hours <= 0) fieldErrors.hours = "training.error.badHours";
  }
  let planId: number | null = null;
  if (values.planId !== "") {
    const parsed = Number(values.planId);
    if (Number.isInteger(parsed) && planIds.has(parsed)) planId = parsed;
    else fieldErrors.planId = "training.error.planUnknown";
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, input: { title, topic, organiser, startDate: startDate!, endDate: endDate!, hours: hours!, planId, location, notes } };
}

/**
 * Has the session begun by `today` (the organisation's calendar day)? Attendance is recorded only
 * for a session that has: what has not happened yet cannot have been attended, and the dashboard,
 * which counts attendance up to today, then agrees with the training list, which counts the year's.
 */
export function sessionHasBegun(session: { startDate: string }, today: string): boolean {
  return session.startDate <= today;
}

export type AttendanceDiff = {
  insert: { personId: number; hours: number }[];
  update: { personId: number; before: number; after: number }[];
  remove: { personId: number; hours: number }[];
};

/**
 * What saving a checklist changes. Only the people the form showed are considered (a filtered
 * list must not remove the people it hid): ticked ones are recorded with their hours, unticked
 * ones are removed.
 */
export function diffAttendance(
  shownPersonIds: Iterable<number>,
  ticked: ReadonlyMap<number, number>,
  recorded: ReadonlyMap<number, number>,
): AttendanceDiff {
  const diff: AttendanceDiff = { insert: [], update: [], remove: [] };
  for (const personId of new Set(shownPersonIds)) {
    const after = ticked.get(personId);
    const before = recorded.get(personId);
    if (after === undefined) {
      if (before !== undefined) diff.remove.push({ personId, hours: before });
    } else if (before === undefined) diff.insert.push({ personId, hours: after });
    else if (before !== after) diff.update.push({ personId, before, after });
  }
  return diff;
}

/** Trained ÷ employed × 100, or null when nobody was employed. */
export function trainedShare(trained: number, employed: number): number | null {
  if (employed <= 0) return null;
  return (trained / employed) * 100;
}

/** Hours and sessions per fiscal year, newest year first. */
export function totalsByFiscalYear(rows: readonly { fiscalYear: number; hours: number }[]): { fiscalYear: number; sessions: number; hours: number }[] {
  const totals = new Map<number, { sessions: number; hours: number }>();
  for (const row of rows) {
    const total = totals.get(row.fiscalYear) ?? { sessions: 0, hours: 0 };
    total.sessions += 1;
    total.hours = Math.round((total.hours + row.hours) * 100) / 100;
    totals.set(row.fiscalYear, total);
  }
  return [...totals.entries()].sort(([a], [b]) => b - a).map(([fiscalYear, total]) => ({ fiscalYear, ...total }));
}
