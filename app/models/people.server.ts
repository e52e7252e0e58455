import { and, asc, eq, gte, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { divisionAssignments, divisions, employmentPeriods, people, staffCategories } from "../../db/schema";

export type RosterRow = {
  personId: number;
  employeeCode: string;
  prefixTh: string;
  firstNameTh: string;
  lastNameTh: string;
  firstNameEn: string | null;
  lastNameEn: string | null;
  positionTh: string;
  categoryNameTh: string;
  categoryNameEn: string;
  divisionId: number | null;
  divisionNameTh: string | null;
  divisionNameEn: string | null;
  employmentStart: string | null;
  employmentEnd: string | null;
};

/**
 * The roster as of `onDate`: each person with their division on that date and their latest
 * employment period. `activeOnly` keeps people employed on that date. Sorted by the caller
 * (Thai order needs Intl.Collator, not the database's code-point order).
 */
export async function listRoster(
  db: Database,
  options: { onDate: string; activeOnly: boolean; divisionId?: number },
): Promise<RosterRow[]> {
  const conditions: SQL[] = [];
  if (options.activeOnly) {
    conditions.push(sql`${employmentPeriods.startDate} <= ${options.onDate}`);
    conditions.push(or(isNull(employmentPeriods.endDate), gte(employmentPeriods.endDate, options.onDate)) as SQL);
  }
  if (options.divisionId !== undefined) conditions.push(eq(divisionAssignments.divisionId, options.divisionId));
  return db
    .select({
      personId: people.id,
      employeeCode: people.employeeCode,
      prefixTh: people.prefixTh,
      firstNameTh: people.firstNameTh,
      lastNameTh: people.lastNameTh,
      firstNameEn: people.firstNameEn,
      lastNameEn: people.lastNameEn,
      positionTh: people.positionTh,
      categoryNameTh: staffCategories.nameTh,
      categoryNameEn: staffCategories.nameEn,
      divisionId: divisions.id,
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
        sql`${employmentPeriods.startDate} = (select max(ep.start_date) from employment_periods ep where ep.person_id = ${people.id})`,
      ),
    )
    // The division on the date, or for someone who has left, the one they were last in.
    .leftJoin(
      divisionAssignments,
      and(
        eq(divisionAssignments.personId, people.id),
        sql`${divisionAssignments.startDate} = (select max(da.start_date) from division_assignments da where da.person_id = ${people.id} and da.start_date <= ${options.onDate})`,
      ),
    )
    .leftJoin(divisions, eq(divisions.id, divisionAssignments.divisionId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(people.employeeCode));
}

export async function listDivisions(db: Database) {
  return db.select().from(divisions).orderBy(asc(divisions.sortOrder), asc(divisions.code));
}

