import { sql, type SQL } from "drizzle-orm";
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

