import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UTF8_BOM } from "./csv-safety";
import { attendanceCodesIn, planAttendanceImport, validateAttendanceCsv, type AttendancePerson } from "./training-attendance-import";

const people = new Map<string, AttendancePerson>([
  ["LS001", { personId: 1, employedDuringSession: true }],
  ["LS002", { personId: 2, employedDuringSession: true }],
  ["LS003", { personId: 3, employedDuringSession: true }],
  ["LS007", { personId: 7, employedDuringSession: false }],
]);
const context = { sessionHours: 6, personByCode: people };

describe("attendance file", () => {
  it("reads codes (any case, BOM or not) and hours; blank hours are the session's", () => {
    const result = validateAttendanceCsv(`${UTF8_BOM}employee_code,hours\r\nls001,3.5\r\nLS002,\r\n`, context);
    expect(result).toEqual({
      ok: true,
      rows: [
        { row: 2, employeeCode: "LS001", personId: 1, hours: 3.5 },
        { row: 3, employeeCode: "LS002", personId: 2, hours: 6 },
      ],
    });
    expect(validateAttendanceCsv("employee_code\nLS003\n", context)).toMatchObject({ ok: true, rows: [{ personId: 3, hours: 6 }] });
  });

  it("accepts a session export's extra columns, and names the codes it holds", () => {
    const text = "employee_code,hours,prefix_th,first_name_th,last_name_th,position_th,division_code,division_th\nLS001,6,นาย,สมพงษ์,ทองประเสริฐ,ปลัด,office,สำนักปลัด\n";
    expect(validateAttendanceCsv(text, context).ok).toBe(true);
    expect(attendanceCodesIn(text)).toEqual(["LS001"]);
  });

  it("refuses every bad row with its reason, and writes nothing", () => {
    const text = ["employee_code,hours", "LS001,6", "LS999,6", "LS007,6", "LS002,abc", "LS003,-1", "LS001,2", ",3", "LS002,7", "LS003,1.255", "LS007x,0"].join("\n");
    const result = validateAttendanceCsv(text, context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rowErrors.map((error) => [error.row, error.column, error.problem])).toEqual([
      [3, "employee_code", "unknownPerson"],
      [4, "employee_code", "notEmployed"],
      [5, "hours", "badHours"],
      [6, "hours", "badHours"],
      [7, "employee_code", "duplicateCode"],
      [8, "employee_code", "required"],
      [9, "employee_code", "duplicateCode"],
      [9, "hours", "hoursTooMany"],
      [10, "employee_code", "duplicateCode"],
      [10, "hours", "badHours"],
      [11, "employee_code", "unknownPerson"],
      [11, "hours", "badHours"],
    ]);
    // 0 hours is not attendance, as on the checklist.
    expect(validateAttendanceCsv("employee_code,hours\nLS001,0\n", context)).toMatchObject({ ok: false, rowErrors: [{ row: 2, column: "hours", problem: "badHours" }] });
  });

  it("property: one bad row anywhere is the only row reported", () => {
    fc.assert(
      fc.property(fc.subarray(["LS001", "LS002", "LS003"]), fc.nat(), fc.constantFrom("LS404,6", "LS007,6", "LS001x,1", "LS009,-2", ",4"), (codes, at, bad) => {
        const good = codes.map((code) => `${code},6`);
        const position = at % (good.length + 1);
        const lines = [...good.slice(0, position), bad, ...good.slice(position)];
        const result = validateAttendanceCsv(["employee_code,hours", ...lines].join("\n"), context);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(new Set(result.rowErrors.map((error) => error.row))).toEqual(new Set([position + 2]));
      }),
    );
  });

  it("plans additions, changed hours and unchanged rows", () => {
    const rows = [
      { row: 2, employeeCode: "LS001", personId: 1, hours: 6 },
      { row: 3, employeeCode: "LS002", personId: 2, hours: 3 },
      { row: 4, employeeCode: "LS003", personId: 3, hours: 6 },
    ];
    const plan = planAttendanceImport(rows, new Map([[2, 6], [3, 6]]));
    expect(plan.additions.map((row) => row.personId)).toEqual([1]);
    expect(plan.changes).toEqual([{ ...rows[1], before: 6 }]);
    expect(plan.unchanged).toBe(1);
  });
});
