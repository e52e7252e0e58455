import { toExcelCsv } from "../domain/csv-safety";
import { compareThai } from "../i18n/format";
import type { AttendanceExportRow } from "../models/training.server";

/**
 * Attendance as CSV for Excel. The first two columns are the import's (employee_code, hours),
 * so a session's export can be edited and imported back; the rest help a reader.
 */
export function attendanceCsv(rows: readonly AttendanceExportRow[], scope: "session" | "year"): string {
  const sorted = [...rows].sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || a.sessionId - b.sessionId || compareThai(`${a.firstNameTh} ${a.lastNameTh}`, `${b.firstNameTh} ${b.lastNameTh}`),
  );
  const personColumns = ["employee_code", "hours", "prefix_th", "first_name_th", "last_name_th", "position_th", "division_code", "division_th"];
  const header = scope === "session" ? personColumns : [...personColumns, "session_id", "session_title", "session_start", "session_end"];
  return toExcelCsv(
    header,
    sorted.map((row) => {
      const person = [row.employeeCode, row.hours, row.prefixTh, row.firstNameTh, row.lastNameTh, row.positionTh, row.divisionCode, row.divisionNameTh];
      return scope === "session" ? person : [...person, row.sessionId, row.sessionTitle, row.startDate, row.endDate];
    }),
  );
}
