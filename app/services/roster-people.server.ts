import type { Database } from "../../db/client.server";
import { dayBefore, isValidEmail, thaiDateInput, isValidEmployeeCode, normaliseEmployeeCode, parseImportDate, ROSTER_MAX_LENGTH } from "../domain/roster-import";
import { isoDateProblem } from "../domain/calendar-date";
import type { MessageKey } from "../i18n/messages.server";
import { recordAudit } from "../models/audit.server";
import {
  employedOn,
  getPersonDetail,
  insertAssignment,
  insertPerson,
  insertPeriod,
  lockPerson,
  personIdByCode,
  updateAssignment,
  updatePeriod,
  updatePersonFieldsIfVersion,
  type PersonDetail,
  type PersonFieldsInput,
} from "../models/roster.server";
import { listDivisions } from "../models/people.server";
import { listStaffCategories } from "../models/roster.server";
import { adminCreateAccount } from "./account-admin.server";

export type Actor = { accountId: string; ipAddress: string };

// ---------------------------------------------------------------------------
// The person form (add and edit)

export const PERSON_FORM_FIELDS = [
  "employeeCode",
  "prefixTh",
  "firstNameTh",
  "lastNameTh",
  "firstNameEn",
  "lastNameEn",
  "email",
  "positionTh",
  "categoryId",
  "divisionId",
  "employmentStart",
  "employmentEnd",
] as const;
export type PersonFormField = (typeof PERSON_FORM_FIELDS)[number];
export type PersonFormValues = Record<PersonFormField, string>;
export type PersonFieldErrors = Partial<Record<PersonFormField, MessageKey>>;

const FIELD_MAX: Record<PersonFormField, number> = {
  employeeCode: ROSTER_MAX_LENGTH.employee_code,
  prefixTh: ROSTER_MAX_LENGTH.prefix_th,
  firstNameTh: ROSTER_MAX_LENGTH.first_name_th,
  lastNameTh: ROSTER_MAX_LENGTH.last_name_th,
  firstNameEn: ROSTER_MAX_LENGTH.first_name_en,
  lastNameEn: ROSTER_MAX_LENGTH.last_name_en,
  email: ROSTER_MAX_LENGTH.email,
  positionTh: ROSTER_MAX_LENGTH.position_th,
  categoryId: 12,
  divisionId: 12,
  employmentStart: 20,
  employmentEnd: 20,
};

export function emptyPersonForm(): PersonFormValues {
  return Object.fromEntries(PERSON_FORM_FIELDS.map((field) => [field, ""])) as PersonFormValues;
}

/** What the form sent, as typed (cut to a sane length): returned on an error so nothing is lost. */
export function personFormValues(formData: FormData): PersonFormValues {
  return Object.fromEntries(
    PERSON_FORM_FIELDS.map((field) => [field, String(formData.get(field) ?? "").slice(0, FIELD_MAX[field] * 2)]),
  ) as PersonFormValues;
}

export function personFormFromDetail(person: PersonDetail): PersonFormValues {
  return {
    ...emptyPersonForm(),
    employeeCode: person.employeeCode,
    prefixTh: person.prefixTh,
    firstNameTh: person.firstNameTh,
    lastNameTh: person.lastNameTh,
    firstNameEn: person.firstNameEn ?? "",
    lastNameEn: person.lastNameEn ?? "",
    email: person.email ?? "",
    positionTh: person.positionTh,
    categoryId: String(person.categoryId),
  };
}

type ParsedPerson = PersonFieldsInput & { employeeCode: string; divisionId: number; employmentStart: string; employmentEnd: string | null };

/**
 * Check the form. `mode: "new"` also checks the code, division and employment dates; an edit
 * changes the person's details only (moves and employment have their own forms).
 */
export function parsePersonForm(
  values: PersonFormValues,
  options: { mode: "new" | "edit"; categoryIds: ReadonlySet<number>; divisionIds: ReadonlySet<number> },
): { ok: true; input: ParsedPerson } | { ok: false; fieldErrors: PersonFieldErrors } {
  const fieldErrors: PersonFieldErrors = {};
  const text = (field: PersonFormField, required: boolean): string | null => {
    const value = values[field].normalize("NFC").trim();
    if (value === "") {
      if (required) fieldErrors[field] = "rosterHr.error.required";
      return null;
    }
    if ([...value].length > FIELD_MAX[field]) {
      fieldErrors[field] = "rosterHr.error.tooLong";
      return null;
    }
    return value;
  };
  const id = (field: "categoryId" | "divisionId", known: ReadonlySet<number>, unknown: MessageKey): number => {
    if (values[field] === "") {
      fieldErrors[field] = "rosterHr.error.required";
      return 0;
    }
    const parsed = Number(values[field]);
    if (!Number.isInteger(parsed) || !known.has(parsed)) fieldErrors[field] = unknown;
    return parsed;
  };
  const date = (field: "employmentStart" | "employmentEnd", required: boolean): string | null => {
    const value = values[field].trim();
    if (value === "") {
      if (required) fieldErrors[field] = "rosterHr.error.required";
      return null;
    }
    const parsed = parseImportDate(value);
    if (!parsed.ok) {
      fieldErrors[field] = "rosterHr.error.badDate";
      return null;
    }
    return parsed.iso;
  };

  let employeeCode = "";
  if (options.mode === "new") {
    const code = text("employeeCode", true);
    if (code !== null) {
      employeeCode = normaliseEmployeeCode(code);
      if (!isValidEmployeeCode(employeeCode)) fieldErrors.employeeCode = "rosterHr.error.badCode";
    }
  }
  const prefixTh = text("prefixTh", true);
  const firstNameTh = text("firstNameTh", true);
  const lastNameTh = text("lastNameTh", true);
  const firstNameEn = text("firstNameEn", false);
  const lastNameEn = text("lastNameEn", false);
  const email = text("email", false);
  if (email !== null && !isValidEmail(email)) fieldErrors.email = "rosterHr.error.badEmail";
  const positionTh = text("positionTh", true);
  const categoryId = id("categoryId", options.categoryIds, "rosterHr.error.unknownCategory");
  let divisionId = 0;
  let employmentStart: string | null = null;
  let employmentEnd: string | null = null;
  if (options.mode === "new") {
    divisionId = id("divisionId", options.divisionIds, "rosterHr.error.unknownDivision");
    employmentStart = date("employmentStart", true);
    employmentEnd = date("employmentEnd", false);
    if (employmentStart && employmentEnd && employmentEnd < employmentStart) fieldErrors.employmentEnd = "rosterHr.error.endBeforeStart";
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return {
    ok: true,
    input: {
      employeeCode,
      prefixTh: prefixTh!,
      firstNameTh: firstNameTh!,
      lastNameTh: lastNameTh!,
      firstNameEn,
      lastNameEn,
      email,
      positionTh: positionTh!,
      categoryId,
      divisionId,
      employmentStart: employmentStart ?? "",
      employmentEnd,
    },
  };
}

/** Division and category choices for the forms, and the sets the parser checks against. */
export async function loadPersonFormOptions(db: Database) {
  const [divisions, categories] = await Promise.all([listDivisions(db), listStaffCategories(db)]);
  return {
    divisions: divisions.map((division) => ({ id: division.id, code: division.code, nameTh: division.nameTh, nameEn: division.nameEn })),
    categories: categories.map((category) => ({ id: category.id, code: category.code, nameTh: category.nameTh, nameEn: category.nameEn })),
    divisionIds: new Set(divisions.map((division) => division.id)),
    divisionCodeById: new Map(divisions.map((division) => [division.id, division.code])),
    categoryIds: new Set(categories.map((category) => category.id)),
  };
}

function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if ((current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Changes, each with its audit entry in the same transaction

const PERSON_AUDIT_FIELDS = ["prefixTh", "firstNameTh", "lastNameTh", "firstNameEn", "lastNameEn", "email", "positionTh", "categoryId"] as const;

export async function createPerson(
  db: Database,
  actor: Actor,
  input: ParsedPerson,
): Promise<{ ok: true; personId: number } | { ok: false; fieldErrors: PersonFieldErrors }> {
  try {
    return await db.transaction(async (tx) => {
      if ((await personIdByCode(tx, input.employeeCode)) !== null) return { ok: false as const, fieldErrors: { employeeCode: "rosterHr.error.codeTaken" as const } };
      const personId = await insertPerson(tx, input);
      await recordAudit(tx, {
        actorAccountId: actor.accountId,
        action: "roster.person_created",
        entityType: "person",
        entityId: personId,
        details: { source: "form", employeeCode: input.employeeCode, after: input },
        ipAddress: actor.ipAddress,
      });
      return { ok: true as const, personId };
    });
  } catch (error) {
    // Someone added the same code at the same moment.
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { employeeCode: "rosterHr.error.codeTaken" } };
    throw error;
  }
}

/**
 * HR changes a person's details from the edit form. `version` is the version the form showed
 * (null: it carried none or a bad one): when someone changed the details since (another HR
 * member, a roster import), nothing is written and the answer is "conflict". Left out (a script,
 * a test), the save is not checked.
 */
export async function updatePerson(
  db: Database,
  actor: Actor,
  personId: number,
  input: PersonFieldsInput,
  options: { version?: number | null } = {},
): Promise<"saved" | "unchanged" | "notFound" | "conflict"> {
  return db.transaction(async (tx) => {
    if (!(await lockPerson(tx, personId))) return "notFound";
    const person = (await getPersonDetail(tx, personId))!;
    if (options.version !== undefined && options.version !== person.version) return "conflict";
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of PERSON_AUDIT_FIELDS) {
      if (person[field] !== input[field]) {
        before[field] = person[field];
        after[field] = input[field];
      }
    }
    if (Object.keys(after).length === 0) return "unchanged";
    // Compare-and-set: the version in the WHERE too (the row is locked above, so this is a second guard).
    if (!(await updatePersonFieldsIfVersion(tx, personId, person.version, input))) return "conflict";
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "roster.person_updated",
      entityType: "person",
      entityId: personId,
      details: { source: "form", employeeCode: person.employeeCode, before, after },
      ipAddress: actor.ipAddress,
    });
    return "saved";
  });
}

type ChangeResult = { ok: true } | { ok: false; field: string; error: MessageKey; params?: Record<string, string> } | { ok: false; notFound: true };

function parseDateField(raw: string, field: string): { iso: string } | Extract<ChangeResult, { ok: false; field: string }> {
  if (raw.trim() === "") return { ok: false, field, error: "rosterHr.error.required" };
  const parsed = parseImportDate(raw);
  if (!parsed.ok) return { ok: false, field, error: isoDateProblem(raw.trim()) === "buddhistEraYear" ? "error.buddhistEraYear" : "rosterHr.error.badDate" };
  return { iso: parsed.iso };
}

/** End (or change the end of) the latest employment; the last division assignment ends with it. */
export async function endEmployment(db: Database, actor: Actor, personId: number, rawEndDate: string): Promise<ChangeResult> {
  const parsed = parseDateField(rawEndDate, "endDate");
  if (!("iso" in parsed)) return parsed;
  const endDate = parsed.iso;
  return db.transaction(async (tx): Promise<ChangeResult> => {
    if (!(await lockPerson(tx, personId))) return { ok: false, notFound: true };
    const person = (await getPersonDetail(tx, personId))!;
    const period = person.periods.at(-1);
    if (!period) return { ok: false, field: "endDate", error: "rosterHr.error.noEmployment" };
    if (endDate < period.start) return { ok: false, field: "endDate", error: "rosterHr.error.endBeforeStart" };
    const assignment = person.assignments.at(-1);
    if (assignment && assignment.start > endDate) {
      return { ok: false, field: "endDate", error: "rosterHr.error.endBeforeDivision", params: { date: assignment.start } };
    }
    await updatePeriod(tx, period.id, { start: period.start, end: endDate });
    if (assignment && assignment.start >= period.start) await updateAssignment(tx, assignment.id, { end: endDate });
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "roster.employment_ended",
      entityType: "person",
      entityId: personId,
      details: { employeeCode: person.employeeCode, before: { end: period.end }, after: { end: endDate } },
      ipAddress: actor.ipAddress,
    });
    return { ok: true };
  });
}

/** A person who left comes back: a new employment period and division assignment from `start`. */
export async function startEmployment(
  db: Database,
  actor: Actor,
  personId: number,
  params: { rawStartDate: string; divisionId: number; divisionCodeById: ReadonlyMap<number, string> },
): Promise<ChangeResult> {
  const parsed = parseDateField(params.rawStartDate, "startDate");
  if (!("iso" in parsed)) return parsed;
  if (!params.divisionCodeById.has(params.divisionId)) return { ok: false, field: "rehireDivisionId", error: "rosterHr.error.unknownDivision" };
  const start = parsed.iso;
  return db.transaction(async (tx): Promise<ChangeResult> => {
    if (!(await lockPerson(tx, personId))) return { ok: false, notFound: true };
    const person = (await getPersonDetail(tx, personId))!;
    const period = person.periods.at(-1);
    if (period && period.end === null) return { ok: false, field: "startDate", error: "rosterHr.error.stillEmployed" };
    if (period && period.end !== null && start <= period.end) {
      return { ok: false, field: "startDate", error: "rosterHr.error.startBeforeLastEnd", params: { date: period.end } };
    }
    const assignment = person.assignments.at(-1);
    if (assignment && assignment.start >= start) {
      return { ok: false, field: "startDate", error: "rosterHr.error.startBeforeLastEnd", params: { date: assignment.start } };
    }
    if (assignment && (assignment.end === null || assignment.end >= start)) await updateAssignment(tx, assignment.id, { end: dayBefore(start) });
    await insertPeriod(tx, { personId, start, end: null });
    await insertAssignment(tx, { personId, divisionId: params.divisionId, start, end: null });
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "roster.employment_started",
      entityType: "person",
      entityId: personId,
      details: { employeeCode: person.employeeCode, after: { start, division: params.divisionCodeById.get(params.divisionId) } },
      ipAddress: actor.ipAddress,
    });
    return { ok: true };
  });
}

/**
 * Move to another division from `effective`: the current assignment ends the day before and a
 * new one starts, so the history (and past years' figures by division) is kept.
 */
export async function moveDivision(
  db: Database,
  actor: Actor,
  personId: number,
  params: { divisionId: number; rawEffectiveDate: string; divisionCodeById: ReadonlyMap<number, string> },
): Promise<ChangeResult> {
  if (!params.divisionCodeById.has(params.divisionId)) return { ok: false, field: "divisionId", error: "rosterHr.error.unknownDivision" };
  const parsed = parseDateField(params.rawEffectiveDate, "effectiveDate");
  if (!("iso" in parsed)) return parsed;
  const effective = parsed.iso;
  return db.transaction(async (tx): Promise<ChangeResult> => {
    if (!(await lockPerson(tx, personId))) return { ok: false, notFound: true };
    const person = (await getPersonDetail(tx, personId))!;
    const current = person.assignments.at(-1);
    const period = person.periods.at(-1);
    if (!period || !employedOn(person.periods, effective)) return { ok: false, field: "effectiveDate", error: "rosterHr.error.outsideEmployment" };
    if (current && current.divisionId === params.divisionId) return { ok: false, field: "divisionId", error: "rosterHr.error.sameDivision" };
    if (current && current.start >= effective) {
      return { ok: false, field: "effectiveDate", error: "rosterHr.error.moveBeforeCurrent", params: { date: current.start } };
    }
    if (current) await updateAssignment(tx, current.id, { end: dayBefore(effective) });
    await insertAssignment(tx, { personId, divisionId: params.divisionId, start: effective, end: period.end });
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "roster.division_moved",
      entityType: "person",
      entityId: personId,
      details: {
        employeeCode: person.employeeCode,
        before: { division: current?.divisionCode ?? null, since: current?.start ?? null },
        after: { division: params.divisionCodeById.get(params.divisionId), since: effective },
      },
      ipAddress: actor.ipAddress,
    });
    return { ok: true };
  });
}

/**
 * HR opens a sign-in account (staff role only, a one-time password to change at first sign-in)
 * for someone employed today; other roles are an administrator's choice.
 */
export async function createStaffAccount(
  db: Database,
  actor: Actor,
  params: { personId: number; initialPassword: string; today: string },
): Promise<{ ok: true; username: string } | { ok: false; error: MessageKey }> {
  const person = await getPersonDetail(db, params.personId);
  if (!person) return { ok: false, error: "accounts.personUnknown" };
  if (person.account) return { ok: false, error: "accounts.personTaken" };
  if (!employedOn(person.periods, params.today)) return { ok: false, error: "rosterHr.error.notEmployedToday" };
  const result = await adminCreateAccount(db, actor, { personId: params.personId, initialPassword: params.initialPassword, roles: ["staff"] });
  if (!result.ok) return { ok: false, error: (result.errors.initialPassword ?? result.errors.personId)! };
  return { ok: true, username: result.username };
}

/** What the person page's forms start from: the current end date and today, as Thai dates. */
export function personFormDefaults(person: PersonDetail, today: string) {
  return { endDate: thaiDateInput(person.periods.at(-1)?.end ?? null), effectiveDate: thaiDateInput(today) };
}
