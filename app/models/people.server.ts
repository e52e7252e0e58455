import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { divisions, employmentPeriods, people, staffCategories } from "../../db/schema";
import { divisionIdOn, employedBetween, personColumns } from "./people-sql.server";

export type RosterRow = {
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
  divisionId: number | null;
  divisionCode: string | null;
  divisionNameTh: string | null;
  divisionNameEn: string | null;
  employmentStart: string | null;
  employmentEnd: string | null;
};

export type RosterFilters = {
  /** The division on this date is shown and filtered on. */
  onDate: string;
  /** Employed at some time in [from, to] (inclusive ISO dates); absent: everyone on the roster. */
  employedBetween?: { from: string; to: string };
  divisionId?: number;
  categoryId?: number;
};

/**
 * The roster: each person with their latest employment period and their division on `onDate`
 * (for someone who had left by then, the division they were last in; for someone who joins
 * later, their first). `employedBetween: { from: day, to: day }` keeps the people employed that
 * day. Sorted by the caller (Thai order needs Intl.Collator, not the database's code points).
 */
export async function listRoster(db: Database, filters: RosterFilters, options: { limit?: number } = {}): Promise<RosterRow[]> {
  const conditions: SQL[] = [];
  if (filters.employedBetween) conditions.push(employedBetween(filters.employedBetween.from, filters.employedBetween.to));
  // For someone who joins after `onDate`, their first division (the HR list shows future joiners).
  const divisionId = divisionIdOn(filters.onDate, "first");
  if (filters.divisionId !== undefined) conditions.push(eq(divisionId, filters.divisionId));
  if (filters.categoryId !== undefined) conditions.push(eq(people.categoryId, filters.categoryId));
  return db
    .select({
      ...personColumns,
      email: people.email,
      categoryId: staffCategories.id,
      categoryCode: staffCategories.code,
      categoryNameTh: staffCategories.nameTh,
      categoryNameEn: staffCategories.nameEn,
      divisionId: divisions.id,
      divisionCode: divisions.code,
      divisionNameTh: divisions.nameTh,
      divisionNameEn: divisions.nameEn,
      employmentStart: employmentPeriods.startDate,
      employmentEnd: employmentPeriods.endDate,
    })
    .from(people)
    .innerJoin(staffCategories, eq(staffCategories.id, people.categoryId))
    // The latest employment period of each person.
    .leftJoin(
      employmentPeriods,
      and(
        eq(employmentPeriods.personId, people.id),
        sql`${employmentPeriods.startDate} = (select max(ep2.start_date) from employment_periods ep2 where ep2.person_id = ${people.id})`,
      ),
    )
    .leftJoin(divisions, eq(divisions.id, divisionId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(people.employeeCode))
    .limit(options.limit ?? Number.MAX_SAFE_INTEGER);
}

/** The people employed on `day`, with their division that day; the first `limit` by employee code when given. */
export function listStaffOn(db: Database, day: string, options: { divisionId?: number; limit?: number } = {}): Promise<RosterRow[]> {
  return listRoster(db, { onDate: day, employedBetween: { from: day, to: day }, divisionId: options.divisionId }, { limit: options.limit });
}

export async function listDivisions(db: Database) {
  return db.select().from(divisions).orderBy(asc(divisions.sortOrder), asc(divisions.code));
}

