import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { divisions, people, plans, trainingAttendance, trainingSessions } from "../../db/schema";
import type { SessionInput } from "../domain/training-session";
import { divisionIdOn, employedBetween, PERSON_ID, personColumns, personMatchesSearch, personNameEn, personNameTh } from "./people-sql.server";

const BATCH = 1000;

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

export async function listPlanOptions(db: Database) {
  return db.select({ id: plans.id, code: plans.code, nameTh: plans.nameTh, nameEn: plans.nameEn }).from(plans).orderBy(asc(plans.sortOrder), asc(plans.code));
}

// ---------------------------------------------------------------------------
// Sessions

export type SessionRow = {
  id: number;
  title: string;
  topic: string;
  organiser: string;
  startDate: string;
  endDate: string;
  hours: number;
  planId: number | null;
  planCode: string | null;
  location: string;
  notes: string;
  fiscalYear: number;
  /** Raised by every save of the edit form: the form carries it so a stale save is refused. */
  version: number;
};

const sessionColumns = {
  id: trainingSessions.id,
  title: trainingSessions.title,
  topic: trainingSessions.topic,
  organiser: trainingSessions.organiser,
  startDate: trainingSessions.startDate,
  endDate: trainingSessions.endDate,
  hours: trainingSessions.hours,
  planId: trainingSessions.planId,
  planCode: plans.code,
  location: trainingSessions.location,
  notes: trainingSessions.notes,
  fiscalYear: trainingSessions.fiscalYear,
  version: trainingSessions.version,
};

export async function getSession(db: Database, sessionId: number): Promise<SessionRow | null> {
  const [row] = await db.select(sessionColumns).from(trainingSessions).leftJoin(plans, eq(plans.id, trainingSessions.planId)).where(eq(trainingSessions.id, sessionId));
  return row ? { ...row, hours: Number(row.hours) } : null;
}

/** Lock the session row: attendance saves of one session run one after another. */
export async function lockSession(db: Database, sessionId: number): Promise<SessionRow | null> {
  const [locked] = await db.select({ id: trainingSessions.id }).from(trainingSessions).where(eq(trainingSessions.id, sessionId)).for("update");
  return locked ? getSession(db, sessionId) : null;
}

/**
 * Insert a session. With a submission token the first insert wins (the unique constraint says
 * so, even for posts at the same moment): a repeat answers "duplicate" with the first one's id.
 */
export async function insertSession(
  db: Database,
  input: SessionInput & { fiscalYear: number; createdByAccountId: string; submissionToken?: string | null },
): Promise<{ status: "created" | "duplicate"; sessionId: number }> {
  const [row] = await db
    .insert(trainingSessions)
    .values({ ...input, submissionToken: input.submissionToken ?? null })
    .onConflictDoNothing({ target: trainingSessions.submissionToken })
    .returning({ id: trainingSessions.id });
  if (row) return { status: "created", sessionId: row.id };
  const [existing] = await db.select({ id: trainingSessions.id }).from(trainingSessions).where(eq(trainingSessions.submissionToken, input.submissionToken ?? ""));
  return { status: "duplicate", sessionId: existing.id };
}

/**
 * The edit form's save: written only if the session is still at `version` (what the form showed),
 * and the version goes up by one. False: someone saved it meanwhile, nothing written.
 */
export async function updateSessionIfVersion(db: Database, sessionId: number, version: number, input: SessionInput & { fiscalYear: number }): Promise<boolean> {
  const rows = await db
    .update(trainingSessions)
    .set({ ...input, updatedAt: new Date(), version: sql`${trainingSessions.version} + 1` })
    .where(and(eq(trainingSessions.id, sessionId), eq(trainingSessions.version, version)))
    .returning({ id: trainingSessions.id });
  return rows.length === 1;
}

export async function deleteSession(db: Database, sessionId: number): Promise<void> {
  await db.delete(trainingSessions).where(eq(trainingSessions.id, sessionId));
}

export type SessionListRow = SessionRow & { attendees: number; attendeeHours: number };

export async function listSessionsOfYear(db: Database, fiscalYear: number): Promise<SessionListRow[]> {
  const rows = await db
    .select({
      ...sessionColumns,
      attendees: sql<number>`(select count(*) from ${trainingAttendance} ta where ta.session_id = ${trainingSessions.id})`,
      attendeeHours: sql<string>`(select coalesce(sum(ta.hours), 0) from ${trainingAttendance} ta where ta.session_id = ${trainingSessions.id})`,
    })
    .from(trainingSessions)
    .leftJoin(plans, eq(plans.id, trainingSessions.planId))
    .where(eq(trainingSessions.fiscalYear, fiscalYear))
    .orderBy(desc(trainingSessions.startDate), desc(trainingSessions.id));
  return rows.map((row) => ({ ...row, hours: Number(row.hours), attendees: Number(row.attendees), attendeeHours: Number(row.attendeeHours) }));
}

export async function listSessionFiscalYears(db: Database): Promise<number[]> {
  const rows = await db.selectDistinct({ fiscalYear: trainingSessions.fiscalYear }).from(trainingSessions);
  return rows.map((row) => row.fiscalYear);
}

// ---------------------------------------------------------------------------
// Who could attend a session, and who did

export type SessionRosterRow = {
  personId: number;
  employeeCode: string;
  prefixTh: string;
  firstNameTh: string;
  lastNameTh: string;
  firstNameEn: string | null;
  lastNameEn: string | null;
  /** "prefix+first last" in Thai, and the English name or null (personColumns). */
  nameTh: string;
  nameEn: string | null;
  positionTh: string;
  divisionId: number | null;
  divisionCode: string | null;
  divisionNameTh: string | null;
  divisionNameEn: string | null;
  divisionSortOrder: number | null;
  employed: boolean;
  /** Hours recorded for this session, or null when not recorded. */
  hours: number | null;
};

/**
 * The checklist of a session: everyone employed at some time during it, with the division they
 * were in on its first day, plus anyone already recorded (even if no longer employed then).
 * `search` narrows by code or name (Thai or English); `personIds` narrows to those people.
 */
export async function listSessionRoster(
  db: Database,
  session: { id: number; startDate: string; endDate: string },
  options: { search?: string; personIds?: readonly number[]; divisionId?: number } = {},
): Promise<SessionRosterRow[]> {
  const recorded = sql<string | null>`(select ta.hours from ${trainingAttendance} ta where ta.session_id = ${session.id} and ta.person_id = ${PERSON_ID})`;
  const conditions: SQL[] = [
    or(employedBetween(session.startDate, session.endDate), sql`exists (select 1 from ${trainingAttendance} ta where ta.session_id = ${session.id} and ta.person_id = ${PERSON_ID})`)!,
  ];
  const search = personMatchesSearch(options.search ?? "");
  if (search) conditions.push(search);
  if (options.personIds) {
    if (options.personIds.length === 0) return [];
    conditions.push(inArray(people.id, [...options.personIds]));
  }
  // The division on the first day, or for someone who joined during the session, their first.
  const divisionId = divisionIdOn(session.startDate, { firstStartingBy: session.endDate });
  if (options.divisionId !== undefined) conditions.push(sql`${divisionId} = ${options.divisionId}`);
  const rows = await db
    .select({
      ...personColumns,
      divisionId: divisions.id,
      divisionCode: divisions.code,
      divisionNameTh: divisions.nameTh,
      divisionNameEn: divisions.nameEn,
      divisionSortOrder: divisions.sortOrder,
      employed: employedBetween(session.startDate, session.endDate),
      hours: recorded,
    })
    .from(people)
    .leftJoin(divisions, eq(divisions.id, divisionId))
    .where(and(...conditions))
    .orderBy(asc(people.employeeCode));
  return rows.map((row) => ({ ...row, employed: Boolean(row.employed), hours: row.hours === null ? null : Number(row.hours) }));
}

/** Hours recorded for a session, by person (all, or only `personIds`). */
export async function recordedHours(db: Database, sessionId: number, personIds?: readonly number[]): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  const parts = personIds ? chunks(personIds, 5000) : [undefined];
  for (const part of parts) {
    if (part && part.length === 0) continue;
    const rows = await db
      .select({ personId: trainingAttendance.personId, hours: trainingAttendance.hours })
      .from(trainingAttendance)
      .where(and(eq(trainingAttendance.sessionId, sessionId), part ? inArray(trainingAttendance.personId, part) : undefined));
    for (const row of rows) result.set(row.personId, Number(row.hours));
  }
  return result;
}

/** Which of `personIds` were employed at some time during the session. */
export async function employedDuring(db: Database, personIds: readonly number[], start: string, end: string): Promise<Set<number>> {
  const employed = new Set<number>();
  for (const part of chunks(personIds, 5000)) {
    if (part.length === 0) continue;
    const rows = await db
      .select({ id: people.id })
      .from(people)
      .where(and(inArray(people.id, part), employedBetween(start, end)));
    for (const row of rows) employed.add(row.id);
  }
  return employed;
}

/** People named by an import, by upper-case code, and whether they worked during the session. */
export async function peopleForAttendance(
  db: Database,
  codes: readonly string[],
  session: { startDate: string; endDate: string },
): Promise<Map<string, { personId: number; employeeCode: string; employedDuringSession: boolean }>> {
  const result = new Map<string, { personId: number; employeeCode: string; employedDuringSession: boolean }>();
  for (const part of chunks([...new Set(codes)], 5000)) {
    if (part.length === 0) continue;
    const rows = await db
      .select({ personId: people.id, employeeCode: people.employeeCode, employed: employedBetween(session.startDate, session.endDate) })
      .from(people)
      .where(inArray(sql`upper(${people.employeeCode})`, part));
    for (const row of rows) result.set(row.employeeCode.toUpperCase(), { personId: row.personId, employeeCode: row.employeeCode, employedDuringSession: Boolean(row.employed) });
  }
  return result;
}

export async function codesOf(db: Database, personIds: readonly number[]): Promise<Map<number, string>> {
  const result = new Map<number, string>();
  for (const part of chunks(personIds, 5000)) {
    if (part.length === 0) continue;
    const rows = await db.select({ id: people.id, code: people.employeeCode }).from(people).where(inArray(people.id, part));
    for (const row of rows) result.set(row.id, row.code);
  }
  return result;
}

/** Record (or change the hours of) attendance; a person is recorded once per session (the key). */
export async function upsertAttendance(
  db: Database,
  sessionId: number,
  rows: readonly { personId: number; hours: number }[],
  recordedByAccountId: string | null,
  recordedAt: Date = new Date(),
): Promise<void> {
  for (const part of chunks(rows)) {
    if (part.length === 0) continue;
    await db
      .insert(trainingAttendance)
      .values(part.map((row) => ({ sessionId, personId: row.personId, hours: row.hours, recordedByAccountId, recordedAt })))
      .onConflictDoUpdate({
        target: [trainingAttendance.sessionId, trainingAttendance.personId],
        set: { hours: sql`excluded.hours`, recordedByAccountId: sql`excluded.recorded_by_account_id`, recordedAt: sql`excluded.recorded_at` },
      });
  }
}

export async function removeAttendance(db: Database, sessionId: number, personIds: readonly number[]): Promise<void> {
  for (const part of chunks(personIds, 5000)) {
    if (part.length === 0) continue;
    await db.delete(trainingAttendance).where(and(eq(trainingAttendance.sessionId, sessionId), inArray(trainingAttendance.personId, part)));
  }
}

// ---------------------------------------------------------------------------
// Figures for a fiscal year

export type YearPersonFigure = { personId: number; divisionId: number | null; trained: boolean; hours: number };

/**
 * Everyone employed at some time in the fiscal year (the population), with the division they
 * were in at the end of the year (or when they left), whether they attended a session of that
 * year and for how many hours.
 */
export async function listYearTrainingFigures(
  db: Database,
  fiscalYear: number,
  dates: { firstDay: string; lastDay: string },
): Promise<YearPersonFigure[]> {
  const { firstDay, lastDay } = dates;
  const referenceDay = sql`least(${lastDay}::date, coalesce((select max(coalesce(ep.end_date, ${lastDay}::date)) from employment_periods ep
    where ep.person_id = ${PERSON_ID} and ep.start_date <= ${lastDay} and (ep.end_date is null or ep.end_date >= ${firstDay})), ${lastDay}::date))`;
  const rows = await db
    .select({
      personId: people.id,
      divisionId: divisionIdOn(referenceDay, "first"),
      hours: sql<string>`(select coalesce(sum(ta.hours), 0) from ${trainingAttendance} ta join ${trainingSessions} ts on ts.id = ta.session_id
        where ta.person_id = ${PERSON_ID} and ts.fiscal_year = ${fiscalYear})`,
      trained: sql<boolean>`exists (select 1 from ${trainingAttendance} ta join ${trainingSessions} ts on ts.id = ta.session_id
        where ta.person_id = ${PERSON_ID} and ts.fiscal_year = ${fiscalYear})`,
    })
    .from(people)
    .where(employedBetween(firstDay, lastDay));
  return rows.map((row) => ({
    personId: row.personId,
    divisionId: row.divisionId === null ? null : Number(row.divisionId),
    trained: Boolean(row.trained),
    hours: Number(row.hours),
  }));
}

// ---------------------------------------------------------------------------
// Exports

export type AttendanceExportRow = {
  sessionId: number;
  sessionTitle: string;
  startDate: string;
  endDate: string;
  employeeCode: string;
  prefixTh: string;
  firstNameTh: string;
  lastNameTh: string;
  /** "prefix+first last" in Thai, and the English name or null, for a page that lists these rows. */
  nameTh: string;
  nameEn: string | null;
  positionTh: string;
  divisionCode: string | null;
  divisionNameTh: string | null;
  divisionNameEn: string | null;
  hours: number;
};

/** Attendance of one session, or of every session of a fiscal year, with each person's division then. */
export async function listAttendanceForExport(db: Database, where: { sessionId: number } | { fiscalYear: number }): Promise<AttendanceExportRow[]> {
  const divisionThen = divisionIdOn(trainingSessions.startDate, { firstStartingBy: trainingSessions.endDate });
  const rows = await db
    .select({
      sessionId: trainingSessions.id,
      sessionTitle: trainingSessions.title,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      employeeCode: people.employeeCode,
      prefixTh: people.prefixTh,
      firstNameTh: people.firstNameTh,
      lastNameTh: people.lastNameTh,
      nameTh: personNameTh(),
      nameEn: personNameEn(),
      positionTh: people.positionTh,
      divisionCode: divisions.code,
      divisionNameTh: divisions.nameTh,
      divisionNameEn: divisions.nameEn,
      hours: trainingAttendance.hours,
    })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .innerJoin(people, eq(people.id, trainingAttendance.personId))
    .leftJoin(divisions, eq(divisions.id, divisionThen))
    .where("sessionId" in where ? eq(trainingSessions.id, where.sessionId) : eq(trainingSessions.fiscalYear, where.fiscalYear))
    .orderBy(asc(trainingSessions.startDate), asc(trainingSessions.id), asc(people.employeeCode));
  return rows.map((row) => ({ ...row, hours: Number(row.hours) }));
}
