/**
 * Attendance CSV import for one training session: columns `employee_code` and `hours` (blank =
 * the session's hours). Same rules as the roster import: all or nothing, every bad row listed,
 * the same file twice changes nothing. It adds and updates attendance; people not in the file
 * are left as they are (the checklist page removes people). Pure: the caller looks people up.
 */
import { normaliseEmployeeCode, readCsvTable, shownValue, sortRowErrors, type FileError, type RowError } from "./roster-import";
import { parseAttendedHours } from "./training-session";

export const ATTENDANCE_COLUMNS = ["employee_code", "hours"] as const;
/** Columns a session's export adds for readers: accepted and ignored, so an export imports back. */
export const ATTENDANCE_INFO_COLUMNS = ["prefix_th", "first_name_th", "last_name_th", "position_th", "division_code", "division_th"] as const;
const ACCEPTED_COLUMNS = [...ATTENDANCE_COLUMNS, ...ATTENDANCE_INFO_COLUMNS];
export const REQUIRED_ATTENDANCE_COLUMNS = ["employee_code"] as const;

export type AttendancePerson = { personId: number; employedDuringSession: boolean };

export type AttendanceImportRow = { row: number; employeeCode: string; personId: number; hours: number };

export type AttendanceValidation =
  | { ok: true; rows: AttendanceImportRow[] }
  | { ok: false; fileErrors: FileError[]; rowErrors: RowError[] };

/** The employee codes a file names (to look the people up before validating). */
export function attendanceCodesIn(text: string): string[] {
  const table = readCsvTable(text, { columns: ACCEPTED_COLUMNS, required: REQUIRED_ATTENDANCE_COLUMNS });
  if (!table.ok) return [];
  return [...new Set(table.records.map((record) => normaliseEmployeeCode(record.values.employee_code ?? "")).filter(Boolean))];
}

/**
 * Check an attendance file against the session: every code must be a person on the roster who
 * was employed during the session, once; hours follow the checklist's rule (parseAttendedHours:
 * blank is the whole session, otherwise more than 0 and at most the session's hours).
 */
export function validateAttendanceCsv(
  text: string,
  context: { sessionHours: number; personByCode: ReadonlyMap<string, AttendancePerson> },
): AttendanceValidation {
  const table = readCsvTable(text, { columns: ACCEPTED_COLUMNS, required: REQUIRED_ATTENDANCE_COLUMNS });
  if (!table.ok) return { ok: false, fileErrors: table.fileErrors, rowErrors: [] };
  const rowErrors: RowError[] = [];
  const rows: AttendanceImportRow[] = [];
  const firstRowOfCode = new Map<string, number>();
  for (const record of table.records) {
    const errors: RowError[] = [];
    const rawCode = record.values.employee_code ?? "";
    const code = normaliseEmployeeCode(rawCode);
    const person = context.personByCode.get(code);
    if (code === "") errors.push({ row: record.row, column: "employee_code", problem: "required", value: "" });
    else if (!person) errors.push({ row: record.row, column: "employee_code", problem: "unknownPerson", value: shownValue(rawCode) });
    else if (!person.employedDuringSession) errors.push({ row: record.row, column: "employee_code", problem: "notEmployed", value: shownValue(rawCode) });
    if (code !== "") {
      const first = firstRowOfCode.get(code);
      if (first === undefined) firstRowOfCode.set(code, record.row);
      else errors.push({ row: record.row, column: "employee_code", problem: "duplicateCode", value: shownValue(rawCode), params: { row: first } });
    }
    const rawHours = record.values.hours ?? "";
    const parsedHours = parseAttendedHours(rawHours, context.sessionHours);
    let hours = context.sessionHours;
    if (parsedHours.ok) hours = parsedHours.hours;
    else if (parsedHours.problem === "hoursTooMany") {
      errors.push({ row: record.row, column: "hours", problem: "hoursTooMany", value: shownValue(rawHours), params: { max: context.sessionHours } });
    } else errors.push({ row: record.row, column: "hours", problem: "badHours", value: shownValue(rawHours) });
    if (record.extraCells) errors.push({ row: record.row, column: null, problem: "extraCells", value: "" });
    if (errors.length > 0) rowErrors.push(...errors);
    else if (person) rows.push({ row: record.row, employeeCode: code, personId: person.personId, hours });
  }
  if (rowErrors.length > 0) return { ok: false, fileErrors: [], rowErrors: sortRowErrors(rowErrors, ATTENDANCE_COLUMNS) };
  return { ok: true, rows };
}

export type AttendancePlan = {
  additions: AttendanceImportRow[];
  changes: (AttendanceImportRow & { before: number })[];
  unchanged: number;
};

/** What importing the rows does, given the hours already recorded per person for the session. */
export function planAttendanceImport(rows: readonly AttendanceImportRow[], recordedHours: ReadonlyMap<number, number>): AttendancePlan {
  const plan: AttendancePlan = { additions: [], changes: [], unchanged: 0 };
  for (const row of rows) {
    const before = recordedHours.get(row.personId);
    if (before === undefined) plan.additions.push(row);
    else if (before !== row.hours) plan.changes.push({ ...row, before });
    else plan.unchanged += 1;
  }
  return plan;
}
