import type { Database } from "../../db/client.server";
import { sortByThaiName } from "../i18n/format";
import { personEntryCode } from "../domain/person-entry";
import { isValidEmployeeCode } from "../domain/roster-import";
import { findPeople, listPeopleByIds, listStaffOn, type PersonMatch } from "../models/people.server";

/**
 * A person typed into a form (a co-author, a project's owner or member, an approval's owner),
 * shared by every form that picks staff: "LS012", "LS012 นายสมชาย ใจดี" (a datalist entry, or
 * a line of an edited project) or a name, Thai or English, that only one person has. A form
 * lists the staff in a <datalist> while they are few (STAFF_DATALIST_LIMIT); above that the
 * person types, and this is where what they typed becomes a person.
 */

/** Up to this many staff, forms offer them all (a datalist, a checklist); above it, people type. */
export const STAFF_DATALIST_LIMIT = 500;

/** Why a typed person was not taken: nobody, more than one, or someone not employed that day. */
export type PersonProblem = "unknown" | "ambiguous" | "notEmployed";
export type PersonLookup = { ok: true; personId: number } | { ok: false; problem: PersonProblem };

export type PersonLookupOptions = {
  /** Only people employed on this day may be chosen (anyone on the roster when absent). */
  employedOn?: string;
  /** May be chosen even if not employed on `employedOn` (e.g. a project's owner who has since left). */
  alsoPersonIds?: readonly number[];
};

/**
 * The first word of what was typed, if it has the shape of an employee code: the roster's own
 * rule, so every code the roster takes ("LS012", "10234", "E2E-A01") can be typed here too.
 */
function codeShapedFirstWord(value: string): string | null {
  const code = personEntryCode(value);
  return isValidEmployeeCode(code) ? code : null;
}

/** What was typed, as the person meant it: NFC, trimmed, runs of spaces as one. */
function normalise(typed: string): string {
  return typed.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Resolve what was typed to one person (blank is "unknown": callers decide whether it is required). */
export async function resolvePerson(db: Database, typed: string, options: PersonLookupOptions = {}): Promise<PersonLookup> {
  const value = normalise(typed);
  if (value === "") return { ok: false, problem: "unknown" };
  const code = codeShapedFirstWord(value);
  const lookup = { ...options, limit: 2 };
  // A code decides alone: the name after it is what the list showed, and may have changed since.
  // A code-shaped word that is nobody's code ("John") is read as a name.
  let matches: PersonMatch[] = code ? await findPeople(db, { code }, lookup) : [];
  if (matches.length === 0) matches = await findPeople(db, { name: value }, lookup);
  const eligible = matches.filter((match) => match.eligible);
  if (eligible.length === 1) return { ok: true, personId: eligible[0]!.personId };
  if (eligible.length > 1) return { ok: false, problem: "ambiguous" };
  return { ok: false, problem: matches.length > 0 ? "notEmployed" : "unknown" };
}

/** Several typed people (the lines of a textarea): blank lines skipped, the same line once. */
export async function resolvePeople(
  db: Database,
  lines: readonly string[],
  options: PersonLookupOptions = {},
): Promise<{ personIds: number[]; problems: { text: string; problem: PersonProblem }[] }> {
  const seen = new Set<string>();
  const personIds: number[] = [];
  const problems: { text: string; problem: PersonProblem }[] = [];
  for (const line of lines) {
    const text = normalise(line);
    if (text === "" || seen.has(text.toUpperCase())) continue;
    seen.add(text.toUpperCase());
    const found = await resolvePerson(db, text, options);
    if (found.ok) {
      if (!personIds.includes(found.personId)) personIds.push(found.personId);
    } else problems.push({ text, problem: found.problem });
  }
  return { personIds, problems };
}

export type StaffChoice = { personId: number; employeeCode: string; name: string };

/**
 * The staff a form may offer, in Thai order: everyone employed on `day` (and `includePersonIds`,
 * e.g. a project's people who have since left), or `listed: false` and no one when more than
 * STAFF_DATALIST_LIMIT are employed. The staff query stops at one row past the limit.
 */
export async function loadStaffChoices(
  db: Database,
  params: { day: string; includePersonIds?: readonly number[]; excludePersonId?: number },
): Promise<{ listed: boolean; staff: StaffChoice[] }> {
  const staff = await listStaffOn(db, params.day, { limit: STAFF_DATALIST_LIMIT + 1 });
  if (staff.length > STAFF_DATALIST_LIMIT) return { listed: false, staff: [] };
  const known = new Set(staff.map((person) => person.personId));
  const extra = await listPeopleByIds(
    db,
    [...new Set(params.includePersonIds ?? [])].filter((personId) => !known.has(personId)),
  );
  const people = sortByThaiName(
    [...staff, ...extra].filter((person) => person.personId !== params.excludePersonId),
    (person) => `${person.firstNameTh} ${person.lastNameTh}`,
  );
  return {
    listed: true,
    staff: people.map((person) => ({ personId: person.personId, employeeCode: person.employeeCode, name: `${person.prefixTh}${person.firstNameTh} ${person.lastNameTh}` })),
  };
}
