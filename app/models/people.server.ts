import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { divisions, employmentPeriods, people, staffCategories, THAI_COLLATION } from "../../db/schema";
import { divisionIdOn, employedBetween, personColumns, personMatchesSearch, personNameContains } from "./people-sql.server";

export type RosterRow = {
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
  /** What was typed in the search field: every word must be in the code, the Thai or the English name. */
  search?: string;
};

/**
 * The roster's order: first then last name in Thai order (the `thai` collation, the order of
 * Intl.Collator("th")), then id so that equal names keep one order and pages do not overlap.
 * people_thai_name_idx holds exactly these keys (decision 018).
 */
const THAI_NAME_ORDER: SQL[] = [
  sql`${people.firstNameTh} COLLATE ${sql.raw(THAI_COLLATION)}`,
  sql`${people.lastNameTh} COLLATE ${sql.raw(THAI_COLLATION)}`,
  asc(people.id),
];

/** Who is on the roster with these filters, as conditions on `people` alone. */
function rosterConditions(filters: RosterFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.employedBetween) conditions.push(employedBetween(filters.employedBetween.from, filters.employedBetween.to));
  // For someone who joins after `onDate`, their first division (the HR list shows future joiners).
  if (filters.divisionId !== undefined) {
    // Only someone ever assigned to the division can be in it on a day: that narrows 20,000
    // people to the division's own before the per-person "division on the day" is worked out.
    conditions.push(sql`${people.id} in (select da.person_id from division_assignments da where da.division_id = ${filters.divisionId})`);
    conditions.push(eq(divisionIdOn(filters.onDate, "first"), filters.divisionId));
  }
  if (filters.categoryId !== undefined) conditions.push(eq(people.categoryId, filters.categoryId));
  const search = personMatchesSearch(filters.search ?? "");
  if (search) conditions.push(search);
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** How many people the roster has with these filters: counted in the database, no row is read. */
export async function countRoster(db: Database, filters: RosterFilters): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(people).where(rosterConditions(filters));
  return Number(row?.count ?? 0);
}

/**
 * The roster: each person with their latest employment period and their division on `onDate`
 * (for someone who had left by then, the division they were last in; for someone who joins
 * later, their first). `employedBetween: { from: day, to: day }` keeps the people employed that
 * day. In Thai name order (`order: "thaiName"`, the default) or by employee code (`"code"`);
 * `limit` and `offset` take one page of that order.
 */
export async function listRoster(
  db: Database,
  filters: RosterFilters,
  options: { limit?: number; offset?: number; order?: "thaiName" | "code" } = {},
): Promise<RosterRow[]> {
  const order = options.order === "code" ? [asc(people.employeeCode)] : THAI_NAME_ORDER;
  // The page is chosen from `people` alone, in the index's order; only its rows are then joined
  // to their category, latest employment and division.
  const page = db
    .select({ id: people.id })
    .from(people)
    .where(rosterConditions(filters))
    .orderBy(...order)
    .limit(options.limit ?? Number.MAX_SAFE_INTEGER)
    .offset(options.offset ?? 0)
    .as("roster_page");
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
    .from(page)
    .innerJoin(people, eq(people.id, page.id))
    .innerJoin(staffCategories, eq(staffCategories.id, people.categoryId))
    // The latest employment period of each person.
    .leftJoin(
      employmentPeriods,
      and(
        eq(employmentPeriods.personId, people.id),
        sql`${employmentPeriods.startDate} = (select max(ep2.start_date) from employment_periods ep2 where ep2.person_id = ${people.id})`,
      ),
    )
    .leftJoin(divisions, eq(divisions.id, divisionIdOn(filters.onDate, "first")))
    .orderBy(...order);
}

/** The people employed on `day`, with their division that day; the first `limit` by employee code when given. */
export function listStaffOn(db: Database, day: string, options: { divisionId?: number; limit?: number } = {}): Promise<RosterRow[]> {
  return listRoster(db, { onDate: day, employedBetween: { from: day, to: day }, divisionId: options.divisionId }, { limit: options.limit, order: "code" });
}

/** The people with these ids (any employment), for a form that must keep them listed. */
export async function listPeopleByIds(db: Database, personIds: number[]): Promise<Pick<RosterRow, "personId" | "employeeCode" | "prefixTh" | "firstNameTh" | "lastNameTh">[]> {
  if (personIds.length === 0) return [];
  return db
    .select({ personId: people.id, employeeCode: people.employeeCode, prefixTh: people.prefixTh, firstNameTh: people.firstNameTh, lastNameTh: people.lastNameTh })
    .from(people)
    .where(inArray(people.id, personIds));
}

/** A person found by what was typed, and whether they may be chosen (see findPeople). */
export type PersonMatch = { personId: number; eligible: boolean };

/**
 * Up to `limit` people whose employee code is `code` (any case), or whose name contains `name`:
 * Thai "prefix first last" or English "first last", case-insensitive. Eligible people come
 * first: with `employedOn`, those employed that day or listed in `alsoPersonIds`; without it,
 * everyone.
 */
export async function findPeople(
  db: Database,
  query: { code: string } | { name: string },
  options: { limit: number; employedOn?: string; alsoPersonIds?: readonly number[] },
): Promise<PersonMatch[]> {
  const matches =
    "code" in query
      ? sql`upper(${people.employeeCode}) = ${query.code.toUpperCase()}`
      : personNameContains(query.name);
  const also = options.alsoPersonIds ?? [];
  const eligible: SQL<boolean> =
    options.employedOn === undefined
      ? sql<boolean>`true`
      : also.length > 0
        ? sql<boolean>`(${employedBetween(options.employedOn, options.employedOn)} or ${inArray(people.id, [...also])})`
        : employedBetween(options.employedOn, options.employedOn);
  const rows = await db
    .select({ personId: people.id, eligible })
    .from(people)
    .where(matches)
    // Without a day everyone is eligible (and PostgreSQL refuses ORDER BY a constant).
    .orderBy(...(options.employedOn === undefined ? [] : [desc(eligible)]), asc(people.id))
    .limit(options.limit);
  // postgres.js and PGlite both give a boolean; be strict in case a driver gives "t".
  return rows.map((row) => ({ personId: row.personId, eligible: row.eligible === true || (row.eligible as unknown) === "t" }));
}

export async function listDivisions(db: Database) {
  return db.select().from(divisions).orderBy(asc(divisions.sortOrder), asc(divisions.code));
}

