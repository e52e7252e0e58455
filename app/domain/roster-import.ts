/**
 * Roster CSV import: reading the file, checking every row, and planning what the import will
 * write. Pure (no I/O), so the preview and the commit compute exactly the same plan from the
 * same file and the same roster, and every rule is unit-tested.
 *
 * The file (documented on the import page, /roster/import):
 * - UTF-8, with or without a BOM; a header row with the column names below, in any order;
 *   optional columns may be left out. Row numbers count the header as row 1, as a spreadsheet shows them.
 * - Dates: ISO `YYYY-MM-DD` (Gregorian), or Thai `D/M/YYYY` with a Buddhist Era year (15/02/2567).
 *   A slash date with a Gregorian year is refused: 03/04/2024 means 3 April in Thailand and
 *   4 March in a US-set Excel, so it is ambiguous.
 * - The employee code identifies a person (letters, digits, . _ -; compared in upper case).
 *   A row describes the person's details, their current (latest) employment period and their
 *   current division.
 */
import { compareThai } from "../i18n/format";
import { restoreNeutralisedCell } from "./csv-safety";
import { asciiDigits } from "./target-input";
import { normaliseEmployeeCode } from "./employee-code";
import { BUDDHIST_ERA_OFFSET, PLAUSIBLE_YEARS } from "./calendar-date";
import { parse } from "csv-parse/sync";

// ---------------------------------------------------------------------------
// Problems (each has a message "rosterHr.problem.<code>" in both languages)

export const FILE_PROBLEMS = [
  "notUtf8",
  "tooLarge",
  "noFile",
  "empty",
  "unreadable",
  "missingColumn",
  "unknownColumn",
  "duplicateColumn",
  "noRows",
  "tooManyRows",
  "sessionNotBegun",
] as const;
export type FileProblem = (typeof FILE_PROBLEMS)[number];

export const ROW_PROBLEMS = [
  "required",
  "tooLong",
  "badCode",
  "badEmail",
  "badDate",
  "ambiguousDate",
  "implausibleDate",
  "endBeforeStart",
  "unknownCategory",
  "unknownDivision",
  "duplicateCode",
  "extraCells",
  "startConflict",
  "endBeforeDivision",
  "unknownPerson",
  "notEmployed",
  "badHours",
  "hoursTooMany",
] as const;
export type RowProblem = (typeof ROW_PROBLEMS)[number];

export type FileError = { problem: FileProblem; params?: Record<string, string | number> };
export type RowError = {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  column: string | null;
  problem: RowProblem;
  /** What the cell held (shortened), to help find it. */
  value: string;
  params?: Record<string, string | number>;
};

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

// ---------------------------------------------------------------------------
// Reading a CSV table

export type CsvRecord = { row: number; values: Record<string, string>; extraCells: boolean };
export type CsvTableResult = { ok: true; columns: string[]; records: CsvRecord[] } | { ok: false; fileErrors: FileError[] };

/** A cell as the import sees it: NFC, trimmed, with an export's formula guard (') removed. */
export function cleanCell(raw: string | undefined): string {
  return restoreNeutralisedCell((raw ?? "").normalize("NFC").trim());
}

/**
 * Parse CSV text (BOM already removed or not) into records keyed by column name. The header
 * must name every required column, may leave out optional ones, and may not name others.
 * Wholly blank rows are skipped but still counted, so row numbers match the spreadsheet.
 */
export function readCsvTable(
  text: string,
  spec: { columns: readonly string[]; required: readonly string[]; maxRows?: number },
): CsvTableResult {
  let rows: string[][];
  try {
    // Any line ending, mixed too: a file edited by hand can have a CRLF header and LF rows.
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, record_delimiter: ["\r\n", "\n", "\r"] }) as string[][];
  } catch {
    return { ok: false, fileErrors: [{ problem: "unreadable" }] };
  }
  const headerRow = rows[0];
  if (!headerRow || headerRow.every((cell) => cell.trim() === "")) return { ok: false, fileErrors: [{ problem: "empty" }] };
  const header = headerRow.map((cell) => cleanCell(cell).toLowerCase());
  const fileErrors: FileError[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (name === "") continue;
    if (!spec.columns.includes(name)) fileErrors.push({ problem: "unknownColumn", params: { column: name } });
    else if (seen.has(name)) fileErrors.push({ problem: "duplicateColumn", params: { column: name } });
    seen.add(name);
  }
  for (const name of spec.required) {
    if (!seen.has(name)) fileErrors.push({ problem: "missingColumn", params: { column: name } });
  }
  if (fileErrors.length > 0) return { ok: false, fileErrors };

  const records: CsvRecord[] = [];
  const maxRows = spec.maxRows ?? MAX_IMPORT_ROWS;
  for (let index = 1; index < rows.length; index++) {
    const cells = rows[index];
    if (cells.every((cell) => cell.trim() === "")) continue;
    const values: Record<string, string> = {};
    header.forEach((name, column) => {
      if (name !== "") values[name] = cleanCell(cells[column]);
    });
    const extraCells = cells.slice(header.length).some((cell) => cell.trim() !== "");
    records.push({ row: index + 1, values, extraCells });
  }
  if (records.length === 0) return { ok: false, fileErrors: [{ problem: "noRows" }] };
  if (records.length > maxRows) return { ok: false, fileErrors: [{ problem: "tooManyRows", params: { max: maxRows } }] };
  return { ok: true, columns: header.filter((name) => name !== ""), records };
}

/** A cell value as shown in an error list (long values are cut). */
export function shownValue(value: string): string {
  return [...value].length > 60 ? `${[...value].slice(0, 57).join("")}…` : value;
}

// ---------------------------------------------------------------------------
// Dates

// Employment and training dates outside PLAUSIBLE_YEARS are typing mistakes (e.g. a BE year in
// ISO form): the same years as every other date a person types (calendar-date).

export type DateParse = { ok: true; iso: string } | { ok: false; problem: "badDate" | "ambiguousDate" | "implausibleDate" };

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoOf(year: number, month: number, day: number): DateParse {
  if (year < PLAUSIBLE_YEARS.min || year > PLAUSIBLE_YEARS.max) return { ok: false, problem: "implausibleDate" };
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, problem: "badDate" };
  return { ok: true, iso: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
}

/**
 * "2024-02-15" (Gregorian, ISO) or "15/02/2567" (day/month/Buddhist Era year). A slash date
 * with a Gregorian year is refused as ambiguous; impossible days (30 February) are refused.
 */
export function parseImportDate(raw: string): DateParse {
  // Thai digits as typed (๑/๑๐/๒๕๖๙) read as the same date.
  const value = asciiDigits(raw).trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const thai = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (thai) {
    const year = Number(thai[3]);
    if (year < 2400) return { ok: false, problem: "ambiguousDate" };
    return isoOf(year - BUDDHIST_ERA_OFFSET, Number(thai[2]), Number(thai[1]));
  }
  return { ok: false, problem: "badDate" };
}

/** An ISO date as a Thai form shows it for editing: "2024-02-15" → "15/02/2567" (parseImportDate reads it back). */
export function thaiDateInput(iso: string | null): string {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return iso ?? "";
  return `${match[3]}/${match[2]}/${Number(match[1]) + BUDDHIST_ERA_OFFSET}`;
}

/** The ISO date one day before `iso`. */
export function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------
// Roster rows

export const ROSTER_COLUMNS = [
  "employee_code",
  "prefix_th",
  "first_name_th",
  "last_name_th",
  "first_name_en",
  "last_name_en",
  "email",
  "position_th",
  "category_code",
  "division_code",
  "employment_start",
  "employment_end",
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

export const REQUIRED_ROSTER_COLUMNS: readonly RosterColumn[] = [
  "employee_code",
  "prefix_th",
  "first_name_th",
  "last_name_th",
  "position_th",
  "category_code",
  "division_code",
  "employment_start",
];

/** Longest accepted text per column (characters). */
export const ROSTER_MAX_LENGTH: Record<RosterColumn, number> = {
  employee_code: 32,
  prefix_th: 50,
  first_name_th: 100,
  last_name_th: 100,
  first_name_en: 100,
  last_name_en: 100,
  email: 254,
  position_th: 200,
  category_code: 64,
  division_code: 64,
  employment_start: 20,
  employment_end: 20,
};

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9._-]*$/;
// Pragmatic: one @, no spaces, a dot in the domain (what HR systems hold, not RFC 5322 in full).
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export { normaliseEmployeeCode };

export function isValidEmployeeCode(code: string): boolean {
  return CODE_PATTERN.test(code) && code.length <= ROSTER_MAX_LENGTH.employee_code;
}

export function isValidEmail(email: string): boolean {
  return email.length <= ROSTER_MAX_LENGTH.email && EMAIL_PATTERN.test(email);
}

export type RosterPersonFields = {
  employeeCode: string;
  prefixTh: string;
  firstNameTh: string;
  lastNameTh: string;
  firstNameEn: string | null;
  lastNameEn: string | null;
  email: string | null;
  positionTh: string;
  categoryCode: string;
  divisionCode: string;
  employmentStart: string;
  employmentEnd: string | null;
};

export type RosterImportRow = RosterPersonFields & { row: number };

export type RosterImportContext = { divisionCodes: ReadonlySet<string>; categoryCodes: ReadonlySet<string> };

export type RosterValidation =
  /** `columns`: the columns the file has (an optional column left out leaves that field as it is). */
  | { ok: true; rows: RosterImportRow[]; columns: string[] }
  | { ok: false; fileErrors: FileError[]; rowErrors: RowError[] };

/** Check one record; returns the row or the list of its problems. */
function validateRosterRecord(record: CsvRecord, context: RosterImportContext): { row?: RosterImportRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const get = (column: RosterColumn) => record.values[column] ?? "";
  const problem = (column: RosterColumn | null, kind: RowProblem, params?: RowError["params"]) =>
    errors.push({ row: record.row, column, problem: kind, value: shownValue(column ? get(column) : ""), ...(params ? { params } : {}) });

  const text = (column: RosterColumn, required: boolean): string | null => {
    const value = get(column);
    if (value === "") {
      if (required) problem(column, "required");
      return null;
    }
    if ([...value].length > ROSTER_MAX_LENGTH[column]) {
      problem(column, "tooLong", { max: ROSTER_MAX_LENGTH[column] });
      return null;
    }
    return value;
  };
  const date = (column: RosterColumn, required: boolean): string | null => {
    const value = get(column);
    if (value === "") {
      if (required) problem(column, "required");
      return null;
    }
    const parsed = parseImportDate(value);
    if (!parsed.ok) {
      problem(column, parsed.problem);
      return null;
    }
    return parsed.iso;
  };

  const rawCode = text("employee_code", true);
  const employeeCode = rawCode === null ? null : normaliseEmployeeCode(rawCode);
  if (employeeCode !== null && !isValidEmployeeCode(employeeCode)) problem("employee_code", "badCode");
  const prefixTh = text("prefix_th", true);
  const firstNameTh = text("first_name_th", true);
  const lastNameTh = text("last_name_th", true);
  const firstNameEn = text("first_name_en", false);
  const lastNameEn = text("last_name_en", false);
  const email = text("email", false);
  if (email !== null && !isValidEmail(email)) problem("email", "badEmail");
  const positionTh = text("position_th", true);
  const categoryCode = text("category_code", true);
  if (categoryCode !== null && !context.categoryCodes.has(categoryCode)) problem("category_code", "unknownCategory");
  const divisionCode = text("division_code", true);
  if (divisionCode !== null && !context.divisionCodes.has(divisionCode)) problem("division_code", "unknownDivision");
  const employmentStart = date("employment_start", true);
  const employmentEnd = date("employment_end", false);
  if (employmentStart !== null && employmentEnd !== null && employmentEnd < employmentStart) problem("employment_end", "endBeforeStart");
  if (record.extraCells) problem(null, "extraCells");

  if (errors.length > 0) return { errors };
  return {
    errors,
    row: {
      row: record.row,
      employeeCode: employeeCode!,
      prefixTh: prefixTh!,
      firstNameTh: firstNameTh!,
      lastNameTh: lastNameTh!,
      firstNameEn,
      lastNameEn,
      email,
      positionTh: positionTh!,
      categoryCode: categoryCode!,
      divisionCode: divisionCode!,
      employmentStart: employmentStart!,
      employmentEnd,
    },
  };
}

/** Order errors by row, then by the column's place in the documented list. */
export function sortRowErrors(errors: RowError[], columns: readonly string[]): RowError[] {
  const place = (column: string | null) => (column === null ? columns.length : columns.indexOf(column));
  return [...errors].sort((a, b) => a.row - b.row || place(a.column) - place(b.column));
}

/**
 * Validate a whole roster file. Any bad row makes the file fail, and every bad row is listed
 * (each problem with its row number, column and reason); a duplicated employee code is
 * reported on each repeat, naming the row that first used it.
 */
export function validateRosterCsv(text: string, context: RosterImportContext): RosterValidation {
  const table = readCsvTable(text, { columns: ROSTER_COLUMNS, required: REQUIRED_ROSTER_COLUMNS });
  if (!table.ok) return { ok: false, fileErrors: table.fileErrors, rowErrors: [] };
  const rowErrors: RowError[] = [];
  const rows: RosterImportRow[] = [];
  const firstRowOfCode = new Map<string, number>();
  for (const record of table.records) {
    const { row, errors } = validateRosterRecord(record, context);
    const code = normaliseEmployeeCode(record.values.employee_code ?? "");
    if (code !== "") {
      const first = firstRowOfCode.get(code);
      if (first === undefined) firstRowOfCode.set(code, record.row);
      else errors.push({ row: record.row, column: "employee_code", problem: "duplicateCode", value: shownValue(code), params: { row: first } });
    }
    if (errors.length > 0) rowErrors.push(...errors);
    else if (row) rows.push(row);
  }
  if (rowErrors.length > 0) return { ok: false, fileErrors: [], rowErrors: sortRowErrors(rowErrors, ROSTER_COLUMNS) };
  return { ok: true, rows, columns: table.columns };
}

// ---------------------------------------------------------------------------
// Planning the write against the roster as it is

export type ExistingRosterPerson = {
  personId: number;
  employeeCode: string;
  prefixTh: string;
  firstNameTh: string;
  lastNameTh: string;
  firstNameEn: string | null;
  lastNameEn: string | null;
  email: string | null;
  positionTh: string;
  categoryCode: string;
  /** Employment periods, oldest first. */
  periods: { id: number; start: string; end: string | null }[];
  /** Division history, oldest first. */
  assignments: { id: number; divisionCode: string; start: string; end: string | null }[];
};

export type FieldChange = { column: RosterColumn; before: string | null; after: string | null };

export type PersonUpdate = {
  personId: number;
  prefixTh: string;
  firstNameTh: string;
  lastNameTh: string;
  firstNameEn: string | null;
  lastNameEn: string | null;
  email: string | null;
  positionTh: string;
  categoryCode: string;
};

export type RosterWriteOps = {
  newPeople: RosterImportRow[];
  personUpdates: PersonUpdate[];
  periodUpdates: { id: number; personId: number; start: string; end: string | null }[];
  periodInserts: { personId: number; start: string; end: string | null }[];
  assignmentUpdates: { id: number; personId: number; divisionCode: string; start: string; end: string | null }[];
  assignmentInserts: { personId: number; divisionCode: string; start: string; end: string | null }[];
};

export type RosterChangeEntry = { row: RosterImportRow; personId: number; fields: FieldChange[] };

export type RosterPlan = {
  additions: RosterImportRow[];
  changes: RosterChangeEntry[];
  unchanged: number;
  /** Rows that cannot be applied to the history the roster already holds. */
  rowErrors: RowError[];
  ops: RosterWriteOps;
};

/** What the roster holds for a person, in the file's terms (latest period, current division). */
export function currentRosterView(person: ExistingRosterPerson): Record<RosterColumn, string | null> {
  const lastPeriod = person.periods.at(-1);
  const lastAssignment = person.assignments.at(-1);
  return {
    employee_code: person.employeeCode,
    prefix_th: person.prefixTh,
    first_name_th: person.firstNameTh,
    last_name_th: person.lastNameTh,
    first_name_en: person.firstNameEn,
    last_name_en: person.lastNameEn,
    email: person.email,
    position_th: person.positionTh,
    category_code: person.categoryCode,
    division_code: lastAssignment?.divisionCode ?? null,
    employment_start: lastPeriod?.start ?? null,
    employment_end: lastPeriod?.end ?? null,
  };
}

export function rowView(row: RosterPersonFields): Record<RosterColumn, string | null> {
  return {
    employee_code: row.employeeCode,
    prefix_th: row.prefixTh,
    first_name_th: row.firstNameTh,
    last_name_th: row.lastNameTh,
    first_name_en: row.firstNameEn,
    last_name_en: row.lastNameEn,
    email: row.email,
    position_th: row.positionTh,
    category_code: row.categoryCode,
    division_code: row.divisionCode,
    employment_start: row.employmentStart,
    employment_end: row.employmentEnd,
  };
}

const PERSON_COLUMNS: readonly RosterColumn[] = [
  "prefix_th",
  "first_name_th",
  "last_name_th",
  "first_name_en",
  "last_name_en",
  "email",
  "position_th",
  "category_code",
];

type PersonPlan =
  | { error: RowError }
  | {
      personUpdate?: PersonUpdate;
      periodUpdate?: RosterWriteOps["periodUpdates"][number];
      periodInsert?: RosterWriteOps["periodInserts"][number];
      assignmentUpdates: RosterWriteOps["assignmentUpdates"];
      assignmentInserts: RosterWriteOps["assignmentInserts"];
    };

/**
 * How one existing person's row is applied, keeping history:
 * - a start after the latest period ended is a return to work: a new period and a new division
 *   assignment from that day;
 * - another start is a correction of the latest period's start, allowed while that period has
 *   one division assignment (which moves with it) and does not overlap an earlier period;
 * - a new division while the person works here today is a move: the current assignment ends
 *   yesterday and the new one starts today; otherwise (left, or not started) the latest
 *   assignment is corrected in place;
 * - the last division assignment always ends when the latest employment ends.
 */
export function planExistingPerson(person: ExistingRosterPerson, row: RosterImportRow, today: string, fields: FieldChange[]): PersonPlan {
  const conflict = (column: RosterColumn, problem: RowProblem, params?: RowError["params"]): PersonPlan => ({
    error: { row: row.row, column, problem, value: shownValue(rowView(row)[column] ?? ""), ...(params ? { params } : {}) },
  });
  const changed = new Set(fields.map((field) => field.column));
  const result: Exclude<PersonPlan, { error: RowError }> = { assignmentUpdates: [], assignmentInserts: [] };
  if (PERSON_COLUMNS.some((column) => changed.has(column))) {
    result.personUpdate = {
      personId: person.personId,
      prefixTh: row.prefixTh,
      firstNameTh: row.firstNameTh,
      lastNameTh: row.lastNameTh,
      firstNameEn: row.firstNameEn,
      lastNameEn: row.lastNameEn,
      email: row.email,
      positionTh: row.positionTh,
      categoryCode: row.categoryCode,
    };
  }
  if (!changed.has("employment_start") && !changed.has("employment_end") && !changed.has("division_code")) return result;

  const assignments = person.assignments.map((assignment) => ({ ...assignment }));
  const lastPeriod = person.periods.at(-1);
  const lastAssignment = assignments.at(-1);
  const start = row.employmentStart;
  const end = row.employmentEnd;

  // First employment on record, or a return after the latest period ended.
  if (!lastPeriod || (lastPeriod.end !== null && start > lastPeriod.end)) {
    if (lastAssignment && lastAssignment.start >= start) {
      return conflict("employment_start", "startConflict", { date: lastAssignment.start });
    }
    result.periodInsert = { personId: person.personId, start, end };
    if (lastAssignment && (lastAssignment.end === null || lastAssignment.end >= start)) {
      result.assignmentUpdates.push({ ...lastAssignment, personId: person.personId, end: dayBefore(start) });
    }
    result.assignmentInserts.push({ personId: person.personId, divisionCode: row.divisionCode, start, end });
    return result;
  }

  // The latest period, its start possibly corrected.
  if (start !== lastPeriod.start) {
    const inPeriod = assignments.filter((assignment) => assignment.start >= lastPeriod.start);
    const earlierPeriod = person.periods.at(-2);
    const earlierAssignment = assignments.filter((assignment) => assignment.start < lastPeriod.start).at(-1);
    const movable = inPeriod.length === 1 && inPeriod[0].start === lastPeriod.start;
    if (
      !movable ||
      (earlierPeriod && (earlierPeriod.end === null || earlierPeriod.end >= start)) ||
      (earlierAssignment && (earlierAssignment.end === null || earlierAssignment.end >= start)) ||
      (inPeriod[0].end !== null && inPeriod[0].end < start && inPeriod[0].end !== lastPeriod.end)
    ) {
      return conflict("employment_start", "startConflict", { date: lastPeriod.start });
    }
    inPeriod[0].start = start;
  }
  if (start !== lastPeriod.start || end !== lastPeriod.end) {
    result.periodUpdate = { id: lastPeriod.id, personId: person.personId, start, end };
  }

  let current = assignments.at(-1);
  if (!current || current.start < start) {
    // The period has no division assignment of its own (data kept before history was): start one.
    if (current && (current.end === null || current.end >= start)) current.end = dayBefore(start);
    result.assignmentInserts.push({ personId: person.personId, divisionCode: row.divisionCode, start, end });
    current = undefined;
  }
  if (current && current.divisionCode !== row.divisionCode) {
    const employedToday = start <= today && (end === null || end >= today);
    if (employedToday && current.start < today) {
      current.end = dayBefore(today);
      result.assignmentInserts.push({ personId: person.personId, divisionCode: row.divisionCode, start: today, end });
    } else {
      current.divisionCode = row.divisionCode;
    }
  }
  // The final assignment ends with the employment.
  const finalInsert = result.assignmentInserts.at(-1);
  if (!finalInsert && current) {
    if (end !== null && end < current.start) return conflict("employment_end", "endBeforeDivision", { date: current.start });
    current.end = end;
  }
  for (const [index, assignment] of assignments.entries()) {
    const before = person.assignments[index];
    if (assignment.divisionCode !== before.divisionCode || assignment.start !== before.start || assignment.end !== before.end) {
      if (assignment.end !== null && assignment.end < assignment.start) {
        return conflict("employment_end", "endBeforeDivision", { date: assignment.start });
      }
      result.assignmentUpdates.push({ ...assignment, personId: person.personId });
    }
  }
  return result;
}

/** The fields of a row that differ from what the roster holds for the person. */
export function diffPerson(person: ExistingRosterPerson, row: RosterImportRow): FieldChange[] {
  const before = currentRosterView(person);
  const after = rowView(row);
  return ROSTER_COLUMNS.filter((column) => column !== "employee_code" && before[column] !== after[column]).map((column) => ({
    column,
    before: before[column],
    after: after[column],
  }));
}

const thaiNameOf = (row: RosterPersonFields) => `${row.firstNameTh} ${row.lastNameTh}`;

/**
 * What importing `rows` would do to the roster: people to add, people to change (with each
 * field's before and after) and how many rows already match. Rows that would break the history
 * are returned as row errors. Additions and changes are in Thai name order.
 */
const OPTIONAL_FIELDS = { first_name_en: "firstNameEn", last_name_en: "lastNameEn", email: "email", employment_end: "employmentEnd" } as const;

/** A row for an existing person, with the optional columns the file left out taken from the roster. */
function keepAbsentColumns(row: RosterImportRow, person: ExistingRosterPerson, columns: readonly string[] | undefined): RosterImportRow {
  if (!columns) return row;
  const current = currentRosterView(person);
  const kept = { ...row };
  for (const [column, field] of Object.entries(OPTIONAL_FIELDS) as [keyof typeof OPTIONAL_FIELDS, (typeof OPTIONAL_FIELDS)[keyof typeof OPTIONAL_FIELDS]][]) {
    if (!columns.includes(column)) kept[field] = current[column];
  }
  return kept;
}

export function planRosterImport(
  rows: readonly RosterImportRow[],
  existingByCode: ReadonlyMap<string, ExistingRosterPerson>,
  today: string,
  /** The file's columns: an optional column left out keeps what the roster holds. */
  columns?: readonly string[],
): RosterPlan {
  const ops: RosterWriteOps = { newPeople: [], personUpdates: [], periodUpdates: [], periodInserts: [], assignmentUpdates: [], assignmentInserts: [] };
  const additions: RosterImportRow[] = [];
  const changes: RosterChangeEntry[] = [];
  const rowErrors: RowError[] = [];
  let unchanged = 0;
  for (const fileRow of rows) {
    const person = existingByCode.get(fileRow.employeeCode);
    if (!person) {
      additions.push(fileRow);
      continue;
    }
    const row = keepAbsentColumns(fileRow, person, columns);
    const fields = diffPerson(person, row);
    if (fields.length === 0) {
      unchanged += 1;
      continue;
    }
    const plan = planExistingPerson(person, row, today, fields);
    if ("error" in plan) {
      rowErrors.push(plan.error);
      continue;
    }
    changes.push({ row, personId: person.personId, fields });
    if (plan.personUpdate) ops.personUpdates.push(plan.personUpdate);
    if (plan.periodUpdate) ops.periodUpdates.push(plan.periodUpdate);
    if (plan.periodInsert) ops.periodInserts.push(plan.periodInsert);
    ops.assignmentUpdates.push(...plan.assignmentUpdates);
    ops.assignmentInserts.push(...plan.assignmentInserts);
  }
  const byThaiName = (a: RosterPersonFields, b: RosterPersonFields) => compareThai(thaiNameOf(a), thaiNameOf(b)) || a.employeeCode.localeCompare(b.employeeCode);
  additions.sort(byThaiName);
  changes.sort((a, b) => byThaiName(a.row, b.row));
  ops.newPeople = additions;
  return { additions, changes, unchanged, rowErrors: sortRowErrors(rowErrors, ROSTER_COLUMNS), ops };
}

/**
 * A canonical text of what a plan writes: the preview carries its hash and the commit refuses
 * to write if the plan it computes has a different one (the roster changed in between).
 */
export function canonicalPlanText(ops: RosterWriteOps | Record<string, unknown>): string {
  return JSON.stringify(ops, (_key, value: unknown) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return value;
  });
}
