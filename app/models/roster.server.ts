import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import {
  accountRoles,
  accounts,
  auditLog,
  divisionAssignments,
  divisions,
  employmentPeriods,
  people,
  staffCategories,
  trainingAttendance,
  trainingSessions,
} from "../../db/schema";
import type { Role } from "../domain/roles";
import type { ExistingRosterPerson, PersonUpdate, RosterImportRow, RosterWriteOps } from "../domain/roster-import";
import { personColumns } from "./people-sql.server";

/** Rows per multi-row statement: well under PostgreSQL's 65,535 parameters. */
const BATCH = 1000;

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

export async function listStaffCategories(db: Database) {
  return db.select().from(staffCategories).orderBy(asc(staffCategories.sortOrder), asc(staffCategories.code));
}

/** Division and category codes an import may name. */
export async function loadRosterCodes(db: Database) {
  const [divisionRows, categoryRows] = await Promise.all([
    db.select({ id: divisions.id, code: divisions.code }).from(divisions),
    db.select({ id: staffCategories.id, code: staffCategories.code }).from(staffCategories),
  ]);
  return {
    divisionIdByCode: new Map(divisionRows.map((row) => [row.code, row.id])),
    categoryIdByCode: new Map(categoryRows.map((row) => [row.code, row.id])),
  };
}

// ---------------------------------------------------------------------------
// One person

export type PersonDetail = {
  personId: number;
  employeeCode: string;
  prefixTh: string;
  firstNameTh: string;
  lastNameTh: string;
  firstNameEn: string | null;
  lastNameEn: string | null;
  email: string | null;
  positionTh: string;
  categoryId: number;
  categoryCode: string;
  categoryNameTh: string;
  categoryNameEn: string;
  /** Raised by every change of the details: the edit form carries it so a stale save is refused. */
  version: number;
  periods: { id: number; start: string; end: string | null }[];
  assignments: { id: number; divisionId: number; divisionCode: string; divisionNameTh: string; divisionNameEn: string; start: string; end: string | null }[];
  account: { accountId: string; username: string; disabled: boolean; mustChangePassword: boolean; roles: Role[] } | null;
};

export async function getPersonDetail(db: Database, personId: number): Promise<PersonDetail | null> {
  const [person] = await db
    .select({
      ...personColumns,
      email: people.email,
      version: people.version,
      categoryId: staffCategories.id,
      categoryCode: staffCategories.code,
      categoryNameTh: staffCategories.nameTh,
      categoryNameEn: staffCategories.nameEn,
    })
    .from(people)
    .innerJoin(staffCategories, eq(staffCategories.id, people.categoryId))
    .where(eq(people.id, personId));
  if (!person) return null;
  const [periods, assignments, accountRows] = await Promise.all([
    db
      .select({ id: employmentPeriods.id, start: employmentPeriods.startDate, end: employmentPeriods.endDate })
      .from(employmentPeriods)
      .where(eq(employmentPeriods.personId, personId))
      .orderBy(asc(employmentPeriods.startDate), asc(employmentPeriods.id)),
    db
      .select({
        id: divisionAssignments.id,
        divisionId: divisions.id,
        divisionCode: divisions.code,
        divisionNameTh: divisions.nameTh,
        divisionNameEn: divisions.nameEn,
        start: divisionAssignments.startDate,
        end: divisionAssignments.endDate,
      })
      .from(divisionAssignments)
      .innerJoin(divisions, eq(divisions.id, divisionAssignments.divisionId))
      .where(eq(divisionAssignments.personId, personId))
      .orderBy(asc(divisionAssignments.startDate)),
    db
      .select({
        accountId: accounts.id,
        username: accounts.username,
        disabledAt: accounts.disabledAt,
        mustChangePassword: accounts.mustChangePassword,
      })
      .from(accounts)
      .where(eq(accounts.personId, personId)),
  ]);
  let account: PersonDetail["account"] = null;
  if (accountRows[0]) {
    const roles = await db.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, accountRows[0].accountId));
    account = {
      accountId: accountRows[0].accountId,
      username: accountRows[0].username,
      disabled: accountRows[0].disabledAt !== null,
      mustChangePassword: accountRows[0].mustChangePassword,
      roles: roles.map((row) => row.role).sort(),
    };
  }
  return { ...person, periods, assignments, account };
}

/** Lock a person's row for a change made in this transaction. */
export async function lockPerson(db: Database, personId: number): Promise<boolean> {
  const rows = await db.select({ id: people.id }).from(people).where(eq(people.id, personId)).for("update");
  return rows.length > 0;
}

export async function personIdByCode(db: Database, employeeCode: string): Promise<number | null> {
  const [row] = await db.select({ id: people.id }).from(people).where(sql`upper(${people.employeeCode}) = ${employeeCode.toUpperCase()}`);
  return row?.id ?? null;
}

export type PersonFieldsInput = Omit<PersonUpdate, "personId" | "categoryCode"> & { categoryId: number };

/**
 * The edit form's save: written only if the person's details are still at `version` (what the
 * form showed), and the version goes up by one. False: someone changed them meanwhile, nothing written.
 */
export async function updatePersonFieldsIfVersion(db: Database, personId: number, version: number, input: PersonFieldsInput): Promise<boolean> {
  const rows = await db
    .update(people)
    .set({ ...input, updatedAt: new Date(), version: sql`${people.version} + 1` })
    .where(and(eq(people.id, personId), eq(people.version, version)))
    .returning({ id: people.id });
  return rows.length === 1;
}

export async function insertPerson(
  db: Database,
  input: PersonFieldsInput & { employeeCode: string; divisionId: number; employmentStart: string; employmentEnd: string | null },
): Promise<number> {
  const [row] = await db
    .insert(people)
    .values({
      employeeCode: input.employeeCode,
      prefixTh: input.prefixTh,
      firstNameTh: input.firstNameTh,
      lastNameTh: input.lastNameTh,
      firstNameEn: input.firstNameEn,
      lastNameEn: input.lastNameEn,
      email: input.email,
      positionTh: input.positionTh,
      categoryId: input.categoryId,
    })
    .returning({ id: people.id });
  await db.insert(employmentPeriods).values({ personId: row.id, startDate: input.employmentStart, endDate: input.employmentEnd });
  await db.insert(divisionAssignments).values({ personId: row.id, divisionId: input.divisionId, startDate: input.employmentStart, endDate: input.employmentEnd });
  return row.id;
}

export async function updatePeriod(db: Database, periodId: number, values: { start: string; end: string | null }): Promise<void> {
  await db.update(employmentPeriods).set({ startDate: values.start, endDate: values.end }).where(eq(employmentPeriods.id, periodId));
}

export async function insertPeriod(db: Database, values: { personId: number; start: string; end: string | null }): Promise<void> {
  await db.insert(employmentPeriods).values({ personId: values.personId, startDate: values.start, endDate: values.end });
}

export async function updateAssignment(db: Database, assignmentId: number, values: { divisionId?: number; start?: string; end: string | null }): Promise<void> {
  await db
    .update(divisionAssignments)
    .set({
      ...(values.divisionId !== undefined ? { divisionId: values.divisionId } : {}),
      ...(values.start !== undefined ? { startDate: values.start } : {}),
      endDate: values.end,
    })
    .where(eq(divisionAssignments.id, assignmentId));
}

export async function insertAssignment(db: Database, values: { personId: number; divisionId: number; start: string; end: string | null }): Promise<void> {
  await db.insert(divisionAssignments).values({ personId: values.personId, divisionId: values.divisionId, startDate: values.start, endDate: values.end });
}

// ---------------------------------------------------------------------------
// Import

/** Take the roster-import lock: imports run one at a time, so a plan is never computed twice at once. */
export async function lockRosterImports(db: Database): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('nawat:roster-import'))`);
}

/** The people an import names, with their history, by upper-case employee code. */
export async function loadExistingPeople(db: Database, codes: readonly string[]): Promise<Map<string, ExistingRosterPerson>> {
  const byId = new Map<number, ExistingRosterPerson>();
  for (const part of chunks([...new Set(codes.map((code) => code.toUpperCase()))], 5000)) {
    const rows = await db
      .select({
        ...personColumns,
        email: people.email,
        categoryCode: staffCategories.code,
      })
      .from(people)
      .innerJoin(staffCategories, eq(staffCategories.id, people.categoryId))
      .where(inArray(sql`upper(${people.employeeCode})`, part));
    for (const row of rows) byId.set(row.personId, { ...row, periods: [], assignments: [] });
  }
  const ids = [...byId.keys()];
  for (const part of chunks(ids, 5000)) {
    const periods = await db
      .select({ personId: employmentPeriods.personId, id: employmentPeriods.id, start: employmentPeriods.startDate, end: employmentPeriods.endDate })
      .from(employmentPeriods)
      .where(inArray(employmentPeriods.personId, part))
      .orderBy(asc(employmentPeriods.startDate), asc(employmentPeriods.id));
    for (const { personId, ...period } of periods) byId.get(personId)?.periods.push(period);
    const assignments = await db
      .select({
        personId: divisionAssignments.personId,
        id: divisionAssignments.id,
        divisionCode: divisions.code,
        start: divisionAssignments.startDate,
        end: divisionAssignments.endDate,
      })
      .from(divisionAssignments)
      .innerJoin(divisions, eq(divisions.id, divisionAssignments.divisionId))
      .where(inArray(divisionAssignments.personId, part))
      .orderBy(asc(divisionAssignments.startDate));
    for (const { personId, ...assignment } of assignments) byId.get(personId)?.assignments.push(assignment);
  }
  return new Map([...byId.values()].map((person) => [person.employeeCode.toUpperCase(), person]));
}

type Codes = { divisionIdByCode: ReadonlyMap<string, number>; categoryIdByCode: ReadonlyMap<string, number> };

function idOf(map: ReadonlyMap<string, number>, code: string): number {
  const id = map.get(code);
  if (id === undefined) throw new Error(`unknown code ${code}`);
  return id;
}

const values = (rows: SQL[]) => sql.join(rows, sql`, `);

/**
 * Write an import plan: multi-row inserts and `UPDATE … FROM (VALUES …)` in batches, so 10,000
 * rows cost a few dozen statements. Call inside a transaction. Returns the new people's ids.
 */
export async function applyRosterWriteOps(db: Database, ops: RosterWriteOps, codes: Codes): Promise<Map<string, number>> {
  const newIds = new Map<string, number>();
  const now = new Date();
  for (const part of chunks(ops.newPeople)) {
    const inserted = await db
      .insert(people)
      .values(
        part.map((row) => ({
          employeeCode: row.employeeCode,
          prefixTh: row.prefixTh,
          firstNameTh: row.firstNameTh,
          lastNameTh: row.lastNameTh,
          firstNameEn: row.firstNameEn,
          lastNameEn: row.lastNameEn,
          email: row.email,
          positionTh: row.positionTh,
          categoryId: idOf(codes.categoryIdByCode, row.categoryCode),
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: people.id, code: people.employeeCode });
    for (const row of inserted) newIds.set(row.code, row.id);
  }
  const personOf = (row: RosterImportRow) => newIds.get(row.employeeCode)!;
  for (const part of chunks(ops.newPeople)) {
    await db.insert(employmentPeriods).values(part.map((row) => ({ personId: personOf(row), startDate: row.employmentStart, endDate: row.employmentEnd })));
    await db.insert(divisionAssignments).values(
      part.map((row) => ({
        personId: personOf(row),
        divisionId: idOf(codes.divisionIdByCode, row.divisionCode),
        startDate: row.employmentStart,
        endDate: row.employmentEnd,
      })),
    );
  }

  for (const part of chunks(ops.personUpdates, 500)) {
    await db.execute(sql`
      update ${people} as p set
        prefix_th = v.prefix_th, first_name_th = v.first_name_th, last_name_th = v.last_name_th,
        first_name_en = v.first_name_en, last_name_en = v.last_name_en, email = v.email,
        position_th = v.position_th, category_id = v.category_id, updated_at = now(), version = p.version + 1
      from (values ${values(
        part.map(
          (row) =>
            sql`(${row.personId}::int, ${row.prefixTh}::text, ${row.firstNameTh}::text, ${row.lastNameTh}::text, ${row.firstNameEn}::text, ${row.lastNameEn}::text, ${row.email}::text, ${row.positionTh}::text, ${idOf(codes.categoryIdByCode, row.categoryCode)}::int)`,
        ),
      )}) as v(id, prefix_th, first_name_th, last_name_th, first_name_en, last_name_en, email, position_th, category_id)
      where p.id = v.id`);
  }
  for (const part of chunks(ops.periodUpdates)) {
    await db.execute(sql`
      update ${employmentPeriods} as e set start_date = v.start_date, end_date = v.end_date
      from (values ${values(part.map((row) => sql`(${row.id}::int, ${row.start}::date, ${row.end}::date)`))}) as v(id, start_date, end_date)
      where e.id = v.id`);
  }
  for (const part of chunks(ops.periodInserts)) {
    await db.insert(employmentPeriods).values(part.map((row) => ({ personId: row.personId, startDate: row.start, endDate: row.end })));
  }
  // Assignments that end earlier or are corrected first, then the new ones (one start per person and day).
  for (const part of chunks(ops.assignmentUpdates)) {
    await db.execute(sql`
      update ${divisionAssignments} as a set division_id = v.division_id, start_date = v.start_date, end_date = v.end_date
      from (values ${values(
        part.map((row) => sql`(${row.id}::int, ${idOf(codes.divisionIdByCode, row.divisionCode)}::int, ${row.start}::date, ${row.end}::date)`),
      )}) as v(id, division_id, start_date, end_date)
      where a.id = v.id`);
  }
  for (const part of chunks(ops.assignmentInserts)) {
    await db.insert(divisionAssignments).values(
      part.map((row) => ({ personId: row.personId, divisionId: idOf(codes.divisionIdByCode, row.divisionCode), startDate: row.start, endDate: row.end })),
    );
  }
  return newIds;
}

/** Audit entries in batches (recordAudit writes one). */
export async function insertAuditEntries(
  db: Database,
  entries: { actorAccountId: string | null; action: string; entityType: string; entityId: string | null; details: Record<string, unknown>; ipAddress: string | null }[],
): Promise<void> {
  for (const part of chunks(entries, 500)) {
    if (part.length > 0) await db.insert(auditLog).values(part);
  }
}

// ---------------------------------------------------------------------------
// Training, per person

export type PersonTrainingRow = {
  sessionId: number;
  title: string;
  startDate: string;
  endDate: string;
  fiscalYear: number;
  organiser: string;
  hours: number;
};

export async function listPersonTraining(db: Database, personId: number): Promise<PersonTrainingRow[]> {
  const rows = await db
    .select({
      sessionId: trainingSessions.id,
      title: trainingSessions.title,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      fiscalYear: trainingSessions.fiscalYear,
      organiser: trainingSessions.organiser,
      hours: trainingAttendance.hours,
    })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .where(eq(trainingAttendance.personId, personId))
    .orderBy(sql`${trainingSessions.startDate} desc`, asc(trainingSessions.id));
  return rows.map((row) => ({ ...row, hours: Number(row.hours) }));
}

// ---------------------------------------------------------------------------
// Helpers for the person page

/** Employed on `date` (some period covers it). */
export function employedOn(periods: readonly { start: string; end: string | null }[], date: string): boolean {
  return periods.some((period) => period.start <= date && (period.end === null || period.end >= date));
}

export async function isEmployedOn(db: Database, personId: number, date: string): Promise<boolean> {
  const rows = await db
    .select({ id: employmentPeriods.id })
    .from(employmentPeriods)
    .where(
      and(
        eq(employmentPeriods.personId, personId),
        lte(employmentPeriods.startDate, date),
        or(isNull(employmentPeriods.endDate), gte(employmentPeriods.endDate, date)),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
