import { and, ilike, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { accounts, people, personSearchText } from "../../db/schema";
import { escapeLikePattern, parseSearchTerms } from "../domain/idea-search";

/**
 * Columns and SQL pieces about people that the roster, person, import and training queries
 * share, so that "employed then" and "their division then" mean the same everywhere.
 */

type PersonNameParts = Record<"prefixTh" | "firstNameTh" | "lastNameTh" | "firstNameEn" | "lastNameEn", SQLWrapper>;

/**
 * A person's Thai name as every page shows it, "prefix+first last" ("นางสาวปิยะนุช บุญมา"), from
 * the roster's columns (`people`, or an alias of it for a subquery).
 */
export function personNameTh(t: PersonNameParts = people): SQL<string> {
  return sql<string>`(${t.prefixTh} || ${t.firstNameTh} || ' ' || ${t.lastNameTh})`;
}

/**
 * A person's English name, the one way the models build it (decision 025): the roster's English
 * first and last name, whichever are given, joined by a space ("Piyanuch Boonma", or "Piyanuch"
 * alone); null when neither is given (or they are blank), so that personDisplayName shows the
 * Thai name instead.
 */
export function personNameEn(t: PersonNameParts = people): SQL<string | null> {
  return sql<string | null>`nullif(btrim(coalesce(${t.firstNameEn}, '') || ' ' || coalesce(${t.lastNameEn}, '')), '')`;
}

/**
 * The Thai and English names of the person holding an account (an account id column or
 * expression of the outer query), for "by" lines: who recorded, moved, closed or saved
 * something. Null, both, when there is no such account.
 */
export function accountHolderNames(accountId: SQLWrapper): { nameTh: SQL<string | null>; nameEn: SQL<string | null> } {
  const of = (name: SQL) => sql<string | null>`(select ${name} from ${accounts} ah join people p on p.id = ah.person_id where ah.id = ${accountId})`;
  const p = { prefixTh: sql.raw("p.prefix_th"), firstNameTh: sql.raw("p.first_name_th"), lastNameTh: sql.raw("p.last_name_th"), firstNameEn: sql.raw("p.first_name_en"), lastNameEn: sql.raw("p.last_name_en") };
  return { nameTh: of(personNameTh(p)), nameEn: of(personNameEn(p)) };
}

/** Who a person is, as every list of people shows them (email and category vary by query). */
export const personColumns = {
  personId: people.id,
  employeeCode: people.employeeCode,
  prefixTh: people.prefixTh,
  firstNameTh: people.firstNameTh,
  lastNameTh: people.lastNameTh,
  firstNameEn: people.firstNameEn,
  lastNameEn: people.lastNameEn,
  /** The Thai name and the English name (null without one), as personNameTh and personNameEn build them. */
  nameTh: personNameTh(),
  nameEn: personNameEn(),
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
 * A person matching what was typed in a search field: every word (split on spaces, lower-cased,
 * `%` and `_` taken literally) is in the employee code, the Thai name ("prefix first last") or the
 * English name, in any case. Undefined when nothing was typed.
 */
export function personMatchesSearch(search: string): SQL | undefined {
  const terms = parseSearchTerms(search);
  if (terms.length === 0) return undefined;
  const searchText = personSearchText(people);
  return and(...terms.map((term) => ilike(searchText, `%${escapeLikePattern(term)}%`)));
}

/**
 * A person whose Thai name ("prefix+first last") or English name ("first last") contains `text`
 * as typed, in any case (`%` and `_` taken literally). The roster's search text holds both names,
 * so it contains every match: PostgreSQL finds the candidates in people_search_trgm_idx instead of
 * reading every person, then keeps those whose name itself holds the text (the search text also
 * joins one name to the next, and a name must not match across them).
 */
export function personNameContains(text: string): SQL | undefined {
  const pattern = `%${escapeLikePattern(text)}%`;
  return and(
    ilike(personSearchText(people), pattern),
    or(
      ilike(sql`${people.prefixTh} || ${people.firstNameTh} || ' ' || ${people.lastNameTh}`, pattern),
      ilike(sql`coalesce(${people.firstNameEn}, '') || ' ' || coalesce(${people.lastNameEn}, '')`, pattern),
    ),
  );
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

/**
 * The outer query's idea, qualified (see PERSON_ID): the board reads from a subquery named
 * "ideas", the idea list from the table.
 */
export const IDEA_ID = sql.raw(`"ideas"."id"`);
const IDEA_SUBMITTED_AT = sql.raw(`"ideas"."submitted_at"`);

/** The day the outer query's idea was submitted, in the organisation's time zone. */
export function ideaSubmissionDay(timeZone: string): SQL {
  return sql`(${IDEA_SUBMITTED_AT} AT TIME ZONE ${timeZone})::date`;
}

/**
 * The division assignment aliased `da` covers `day`: started by then and not ended before. This
 * is what "the division someone was in on a day" means for an idea's authors, everywhere: the
 * idea page, and the idea list's and the board's division filters and cards.
 */
export function assignmentCovers(day: string | SQLWrapper): SQL {
  return sql`da.start_date <= ${day} and (da.end_date is null or da.end_date >= ${day})`;
}

/** One of the outer query's idea's authors was in `divisionId` on the day it was submitted. */
export function authorWasInDivision(divisionId: number, timeZone: string): SQL {
  const day = ideaSubmissionDay(timeZone);
  return sql`exists (
    select 1 from idea_authors ia
    join division_assignments da on da.person_id = ia.person_id
    where ia.idea_id = ${IDEA_ID} and da.division_id = ${divisionId} and ${assignmentCovers(day)})`;
}

/** The outer query's idea's authors' divisions on the day it was submitted, as one JSON array. */
export function authorDivisionsAtSubmission(timeZone: string): SQL<{ th: string; en: string }[] | string> {
  return sql<{ th: string; en: string }[] | string>`(
    select coalesce(jsonb_agg(distinct jsonb_build_object('th', d.name_th, 'en', d.name_en)), '[]'::jsonb)
    from idea_authors ia
    join division_assignments da on da.person_id = ia.person_id and ${assignmentCovers(ideaSubmissionDay(timeZone))}
    join divisions d on d.id = da.division_id
    where ia.idea_id = ${IDEA_ID})`;
}
