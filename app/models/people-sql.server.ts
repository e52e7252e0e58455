import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { people } from "../../db/schema";

/**
 * Columns and SQL pieces about people that the roster, person, import and training queries
 * share, so that "employed then" and "their division then" mean the same everywhere.
 */

/** Who a person is, as every list of people shows them (email and category vary by query). */
export const personColumns = {
  personId: people.id,
  employeeCode: people.employeeCode,
  prefixTh: people.prefixTh,
  firstNameTh: people.firstNameTh,
  lastNameTh: people.lastNameTh,
  firstNameEn: people.firstNameEn,
  lastNameEn: people.lastNameEn,
  positionTh: people.positionTh,
};

/**
 * The outer query's person, for correlated subqueries. drizzle leaves a column unqualified in a
 * single-table query ("id"), which inside a subquery would mean the subquery's own id.
 */
export const PERSON_ID = sql.raw(`"people"."id"`);

/** Employed at some time in [from, to] (inclusive ISO dates): some employment period overlaps it. */
export function employedBetween(from: string, to: string): SQL<boolean> {
  return sql<boolean>`exists (select 1 from employment_periods ep where ep.person_id = ${PERSON_ID} and ep.start_date <= ${to} and (ep.end_date is null or ep.end_date >= ${from}))`;
}


/**
 * The division a person was in on `day` (a date, or a date column or expression of the outer
 * query): the assignment that had started last by then. Someone with none by then, who joins
 * later, gets their first assignment instead: any first one (`"first"`: the roster still shows
 * a future joiner's division) or only one starting by a date (`{ firstStartingBy }`: a training
 * session's last day, for someone who joined during it). (person, start date) is unique, so
 * each branch names one assignment.
 */
export function divisionIdOn(day: string | SQLWrapper, ifNoneYet: "first" | { firstStartingBy: string | SQLWrapper }): SQL<number | null> {
  const firstStartingBy = ifNoneYet === "first" ? sql`` : sql` and da.start_date <= ${ifNoneYet.firstStartingBy}`;
  return sql<number | null>`coalesce(
    (select da.division_id from division_assignments da where da.person_id = ${PERSON_ID} and da.start_date <= ${day} order by da.start_date desc limit 1),
    (select da.division_id from division_assignments da where da.person_id = ${PERSON_ID}${firstStartingBy} order by da.start_date asc limit 1))`;
}
