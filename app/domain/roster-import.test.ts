import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toExcelCsv, UTF8_BOM } from "./csv-safety";
import {
  canonicalPlanText,
  parseImportDate,
  planRosterImport,
  ROSTER_COLUMNS,
  thaiDateInput,
  validateRosterCsv,
  type ExistingRosterPerson,
  type RosterImportRow,
  type RowProblem,
} from "./roster-import";

const context = {
  divisionCodes: new Set(["office", "finance", "engineering", "education", "welfare"]),
  categoryCodes: new Set(["civil_servant", "permanent_employee", "mission_employee", "general_employee"]),
};

const HEADER = ROSTER_COLUMNS.join(",");

type Cells = Record<(typeof ROSTER_COLUMNS)[number], string>;

function cells(overrides: Partial<Cells> = {}, index = 1): Cells {
  return {
    employee_code: `T${String(index).padStart(4, "0")}`,
    prefix_th: "นาย",
    first_name_th: `ทดสอบ${index}`,
    last_name_th: "ใจดี",
    first_name_en: "Test",
    last_name_en: "Jaidee",
    email: `t${index}@lumsum.go.th`,
    position_th: "นักจัดการงานทั่วไป",
    category_code: "civil_servant",
    division_code: "office",
    employment_start: "2020-01-02",
    employment_end: "",
    ...overrides,
  };
}

const line = (row: Cells) => ROSTER_COLUMNS.map((column) => row[column]).join(",");
const file = (rows: Cells[]) => [HEADER, ...rows.map(line)].join("\n") + "\n";

function problems(text: string) {
  const result = validateRosterCsv(text, context);
  if (result.ok) throw new Error("expected the file to be refused");
  return result;
}

describe("reading the file", () => {
  it("reads a file whose line ends are mixed (a CRLF header, LF rows, a CR row) row by row", () => {
    const header = "division_code,employee_code,first_name_th,last_name_th,prefix_th,position_th,category_code,employment_start";
    const row = (code: string) => `finance,${code},สมศรี,ดีงาม,นาง,นักวิชาการเงินและบัญชี,civil_servant,2024-05-01`;
    const result = validateRosterCsv(`${header}\r\n${row("ls041")}\n${row("ls042")}\r${row("ls043")}\n`, context);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.rows.map((parsed) => [parsed.row, parsed.employeeCode])).toEqual([[2, "LS041"], [3, "LS042"], [4, "LS043"]]);
  });
  it("accepts a file with a BOM, CRLF line ends and columns in any order, optional ones left out", () => {
    const text = `${UTF8_BOM}division_code,employee_code,first_name_th,last_name_th,prefix_th,position_th,category_code,employment_start\r\nfinance,ls041,สมศรี,ดีงาม,นาง,นักวิชาการเงินและบัญชี,civil_servant,2024-05-01\r\n`;
    const result = validateRosterCsv(text, context);
    expect(result).toEqual({
      ok: true,
      columns: ["division_code", "employee_code", "first_name_th", "last_name_th", "prefix_th", "position_th", "category_code", "employment_start"],
      rows: [
        {
          row: 2,
          employeeCode: "LS041",
          prefixTh: "นาง",
          firstNameTh: "สมศรี",
          lastNameTh: "ดีงาม",
          firstNameEn: null,
          lastNameEn: null,
          email: null,
          positionTh: "นักวิชาการเงินและบัญชี",
          categoryCode: "civil_servant",
          divisionCode: "finance",
          employmentStart: "2024-05-01",
          employmentEnd: null,
        },
      ],
    });
    // The same file without the BOM reads the same.
    expect(validateRosterCsv(text.slice(1), context)).toEqual(result);
  });

  it.each([
    ["an empty file", "", "empty"],
    ["a header only", `${HEADER}\n`, "noRows"],
    ["an unclosed quote", `${HEADER}\n"T1,นาย\n`, "unreadable"],
  ])("refuses %s", (_name, text, problem) => {
    expect(problems(text).fileErrors.map((error) => error.problem)).toEqual([problem]);
  });

  it("names missing, unknown and repeated columns", () => {
    const result = problems("employee_code,first_name_th,emial,first_name_th\nT1,ก,x,ข\n");
    expect(result.fileErrors).toEqual(
      expect.arrayContaining([
        { problem: "unknownColumn", params: { column: "emial" } },
        { problem: "duplicateColumn", params: { column: "first_name_th" } },
        { problem: "missingColumn", params: { column: "division_code" } },
        { problem: "missingColumn", params: { column: "employment_start" } },
      ]),
    );
    expect(result.rowErrors).toEqual([]);
  });

  it("counts rows as a spreadsheet does: header row 1, blank rows counted, a multi-line cell is one row", () => {
    const text = [HEADER, line(cells({}, 1)), "", `${line(cells({ position_th: '"หัวหน้า\nฝ่าย"' }, 2))}`, line(cells({ division_code: "nowhere" }, 3))].join("\n");
    expect(problems(text).rowErrors).toEqual([{ row: 5, column: "division_code", problem: "unknownDivision", value: "nowhere" }]);
  });

  it("imports back what an export wrote, formula guard and all", () => {
    const exported = toExcelCsv(ROSTER_COLUMNS, [ROSTER_COLUMNS.map((column) => cells({ first_name_en: "=cmd", last_name_en: "-x" })[column])]);
    const result = validateRosterCsv(exported, context);
    expect(result.ok && result.rows[0]).toMatchObject({ firstNameEn: "=cmd", lastNameEn: "-x" });
  });
});

describe("every kind of bad row is refused, with its row and reason", () => {
  const cases: [string, Partial<Cells>, string, RowProblem][] = [
    ["a missing code", { employee_code: "" }, "employee_code", "required"],
    ["a missing Thai first name", { first_name_th: " " }, "first_name_th", "required"],
    ["a missing position", { position_th: "" }, "position_th", "required"],
    ["a missing start", { employment_start: "" }, "employment_start", "required"],
    ["a code with spaces", { employee_code: "LS 01" }, "employee_code", "badCode"],
    ["a Thai code", { employee_code: "ลส01" }, "employee_code", "badCode"],
    ["a name too long", { last_name_th: "ก".repeat(101) }, "last_name_th", "tooLong"],
    ["a bad email", { email: "kanokwan@" }, "email", "badEmail"],
    ["an email with a space", { email: "a b@lumsum.go.th" }, "email", "badEmail"],
    ["an unknown category", { category_code: "contractor" }, "category_code", "unknownCategory"],
    ["an unknown division", { division_code: "กองคลัง" }, "division_code", "unknownDivision"],
    ["not a date", { employment_start: "เมื่อวาน" }, "employment_start", "badDate"],
    ["an impossible date", { employment_start: "2023-02-30" }, "employment_start", "badDate"],
    ["an impossible Thai date", { employment_end: "29/02/2566" }, "employment_end", "badDate"],
    ["a month 13", { employment_start: "2023-13-01" }, "employment_start", "badDate"],
    ["a slash date with a Gregorian year", { employment_start: "03/04/2024" }, "employment_start", "ambiguousDate"],
    ["a Buddhist year in ISO form", { employment_start: "2567-02-15" }, "employment_start", "implausibleDate"],
    ["an end before the start", { employment_start: "2024-05-01", employment_end: "30/04/2567" }, "employment_end", "endBeforeStart"],
  ];
  it.each(cases)("%s", (_name, overrides, column, problem) => {
    const rows = [cells({}, 1), cells(overrides, 2), cells({}, 3)];
    const result = problems(file(rows));
    expect(result.rowErrors).toEqual([expect.objectContaining({ row: 3, column, problem })]);
  });

  it("a repeated code is reported on the repeat, naming the first row (case does not matter)", () => {
    const result = problems(file([cells({}, 1), cells({}, 2), cells({ employee_code: "t0001" }, 3)]));
    expect(result.rowErrors).toEqual([{ row: 4, column: "employee_code", problem: "duplicateCode", value: "T0001", params: { row: 2 } }]);
  });

  it("a row with more cells than columns", () => {
    const text = `${HEADER}\n${line(cells())},surplus\n`;
    expect(problems(text).rowErrors).toEqual([expect.objectContaining({ row: 2, column: null, problem: "extraCells" })]);
  });

  it("lists every bad row and every problem of each, in row order", () => {
    const result = problems(file([cells({ division_code: "x" }, 1), cells({}, 2), cells({ email: "bad", employment_start: "" }, 3), cells({ category_code: "y" }, 4)]));
    expect(result.rowErrors.map((error) => [error.row, error.problem])).toEqual([
      [2, "unknownDivision"],
      [4, "badEmail"],
      [4, "required"],
      [5, "unknownCategory"],
    ]);
  });
});

describe("dates", () => {
  it("reads ISO and Thai Buddhist Era dates", () => {
    expect(parseImportDate("2024-02-15")).toEqual({ ok: true, iso: "2024-02-15" });
    expect(parseImportDate("15/02/2567")).toEqual({ ok: true, iso: "2024-02-15" });
    expect(parseImportDate("1/2/2567")).toEqual({ ok: true, iso: "2024-02-01" });
    // Thai digits, as typed on a Thai keyboard.
    expect(parseImportDate("๑/๑๐/๒๕๖๙")).toEqual({ ok: true, iso: "2026-10-01" });
    expect(parseImportDate("๒๐๒๖-๑๐-๐๑")).toEqual({ ok: true, iso: "2026-10-01" });
    expect(parseImportDate("29/02/2567")).toEqual({ ok: true, iso: "2024-02-29" });
    expect(parseImportDate(" 2024-2-1 ")).toEqual({ ok: true, iso: "2024-02-01" });
  });

  it("writes dates back in Thai form for editing, and reads them again", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2150-12-31T00:00:00Z"), noInvalidDate: true }), (instant) => {
        const iso = instant.toISOString().slice(0, 10);
        expect(parseImportDate(thaiDateInput(iso))).toEqual({ ok: true, iso });
      }),
    );
  });
});

describe("property: one bad row anywhere in a good file", () => {
  const validRow = (index: number) =>
    fc.record({
      prefix: fc.constantFrom("นาย", "นาง", "นางสาว", "ว่าที่ร้อยตรี"),
      first: fc.constantFrom("สมชาย", "กนกวรรณ", "ณรงค์", "เอกชัย", "ขวัญใจ", "Somchai"),
      division: fc.constantFrom(...context.divisionCodes),
      category: fc.constantFrom(...context.categoryCodes),
      start: fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2026-01-01T00:00:00Z"), noInvalidDate: true }),
      days: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
      thaiDate: fc.boolean(),
      email: fc.boolean(),
    }).map((value) => {
      const startIso = value.start.toISOString().slice(0, 10);
      const end = value.days === null ? "" : new Date(value.start.getTime() + value.days * 86_400_000).toISOString().slice(0, 10);
      return cells(
        {
          prefix_th: value.prefix,
          first_name_th: value.first,
          division_code: value.division,
          category_code: value.category,
          employment_start: value.thaiDate ? thaiDateInput(startIso) : startIso,
          employment_end: end,
          email: value.email ? `p${index}@lumsum.go.th` : "",
        },
        index,
      );
    });

  const badChange: fc.Arbitrary<[Partial<Cells>, RowProblem]> = fc.constantFrom<[Partial<Cells>, RowProblem]>(
    [{ division_code: "planning" }, "unknownDivision"],
    [{ category_code: "volunteer" }, "unknownCategory"],
    [{ employment_start: "31/04/2567" }, "badDate"],
    [{ employment_start: "2024-13-01" }, "badDate"],
    [{ employment_start: "07/08/2024" }, "ambiguousDate"],
    [{ employment_start: "2024-01-10", employment_end: "2024-01-09" }, "endBeforeStart"],
    [{ first_name_th: "" }, "required"],
    [{ employee_code: "" }, "required"],
    [{ email: "no-at-sign.lumsum.go.th" }, "badEmail"],
  );

  it("is refused, and exactly that row is reported", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 25 }).chain((count) => fc.tuple(fc.tuple(...Array.from({ length: count }, (_, index) => validRow(index + 1))), fc.nat({ max: count }), badChange)),
        ([goodRows, position, [change, problem]]) => {
          expect(validateRosterCsv(file(goodRows), context).ok).toBe(true);
          const bad = cells(change, 9999);
          const rows = [...goodRows.slice(0, position), bad, ...goodRows.slice(position)];
          const result = validateRosterCsv(file(rows), context);
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.fileErrors).toEqual([]);
          expect(new Set(result.rowErrors.map((error) => error.row))).toEqual(new Set([position + 2]));
          expect(result.rowErrors.map((error) => error.problem)).toContain(problem);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("a repeated code is reported on the later of the two rows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }).chain((count) => fc.tuple(fc.constant(count), fc.nat({ max: count - 1 }), fc.nat({ max: count }))), ([count, copied, position]) => {
        const goodRows = Array.from({ length: count }, (_, index) => cells({}, index + 1));
        const repeat = cells({ employee_code: goodRows[copied].employee_code }, 500);
        const rows = [...goodRows.slice(0, position), repeat, ...goodRows.slice(position)];
        const result = validateRosterCsv(file(rows), context);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        const originalRow = (copied < position ? copied : copied + 1) + 2;
        const repeatRow = position + 2;
        expect(result.rowErrors).toEqual([
          expect.objectContaining({ row: Math.max(originalRow, repeatRow), problem: "duplicateCode", params: { row: Math.min(originalRow, repeatRow) } }),
        ]);
      }),
    );
  });
});

// ---------------------------------------------------------------------------

const TODAY = "2026-11-25";

function row(overrides: Partial<RosterImportRow> = {}): RosterImportRow {
  return {
    row: 2,
    employeeCode: "LS900",
    prefixTh: "นาย",
    firstNameTh: "ทดสอบ",
    lastNameTh: "นำเข้า",
    firstNameEn: null,
    lastNameEn: null,
    email: null,
    positionTh: "นักจัดการงานทั่วไป",
    categoryCode: "civil_servant",
    divisionCode: "office",
    employmentStart: "2020-01-02",
    employmentEnd: null,
    ...overrides,
  };
}

function existing(overrides: Partial<ExistingRosterPerson> = {}): ExistingRosterPerson {
  return {
    personId: 77,
    employeeCode: "LS900",
    prefixTh: "นาย",
    firstNameTh: "ทดสอบ",
    lastNameTh: "นำเข้า",
    firstNameEn: null,
    lastNameEn: null,
    email: null,
    positionTh: "นักจัดการงานทั่วไป",
    categoryCode: "civil_servant",
    periods: [{ id: 5, start: "2020-01-02", end: null }],
    assignments: [{ id: 9, divisionCode: "office", start: "2020-01-02", end: null }],
    ...overrides,
  };
}

const plan = (rows: RosterImportRow[], people: ExistingRosterPerson[] = []) =>
  planRosterImport(rows, new Map(people.map((person) => [person.employeeCode, person])), TODAY);

describe("planning an import against the roster", () => {
  it("a new code is an addition; a row equal to the roster changes nothing", () => {
    const result = plan([row({ employeeCode: "LS901" }), row()], [existing()]);
    expect(result.additions.map((addition) => addition.employeeCode)).toEqual(["LS901"]);
    expect(result.changes).toEqual([]);
    expect(result.unchanged).toBe(1);
    expect(result.ops).toMatchObject({ personUpdates: [], periodUpdates: [], periodInserts: [], assignmentUpdates: [], assignmentInserts: [] });
  });

  it("lists additions in Thai order (leading vowels skipped), not code-point order", () => {
    const result = plan([
      row({ employeeCode: "A1", firstNameTh: "เอกชัย" }),
      row({ employeeCode: "A2", firstNameTh: "กนกวรรณ" }),
      row({ employeeCode: "A3", firstNameTh: "ขวัญใจ" }),
      row({ employeeCode: "A4", firstNameTh: "ไพโรจน์" }),
    ]);
    // Thai order: ก, ข, (เ)อ → อ, (ไ)พ → พ  —  i.e. กนกวรรณ, ขวัญใจ, ไพโรจน์, เอกชัย
    expect(result.additions.map((addition) => addition.firstNameTh)).toEqual(["กนกวรรณ", "ขวัญใจ", "ไพโรจน์", "เอกชัย"]);
  });

  it("a changed name updates the person and reports before and after", () => {
    const result = plan([row({ lastNameTh: "นำเข้าใหม่", email: "x@lumsum.go.th" })], [existing()]);
    expect(result.changes[0].fields).toEqual([
      { column: "last_name_th", before: "นำเข้า", after: "นำเข้าใหม่" },
      { column: "email", before: null, after: "x@lumsum.go.th" },
    ]);
    expect(result.ops.personUpdates).toEqual([expect.objectContaining({ personId: 77, lastNameTh: "นำเข้าใหม่", email: "x@lumsum.go.th" })]);
    expect(result.ops.assignmentInserts).toEqual([]);
  });

  it("a new division for someone employed today is a move from today: the old assignment ends yesterday", () => {
    const result = plan([row({ divisionCode: "finance" })], [existing()]);
    expect(result.ops.assignmentUpdates).toEqual([{ id: 9, personId: 77, divisionCode: "office", start: "2020-01-02", end: "2026-11-24" }]);
    expect(result.ops.assignmentInserts).toEqual([{ personId: 77, divisionCode: "finance", start: TODAY, end: null }]);
  });

  it("a new division for someone who has left corrects the last assignment in place", () => {
    const person = existing({ periods: [{ id: 5, start: "2020-01-02", end: "2025-03-31" }], assignments: [{ id: 9, divisionCode: "office", start: "2020-01-02", end: "2025-03-31" }] });
    const result = plan([row({ divisionCode: "welfare", employmentEnd: "2025-03-31" })], [person]);
    expect(result.ops.assignmentUpdates).toEqual([{ id: 9, personId: 77, divisionCode: "welfare", start: "2020-01-02", end: "2025-03-31" }]);
    expect(result.ops.assignmentInserts).toEqual([]);
  });

  it("an end of employment ends the period and the last division assignment together", () => {
    const result = plan([row({ employmentEnd: "2026-12-31" })], [existing()]);
    expect(result.ops.periodUpdates).toEqual([{ id: 5, personId: 77, start: "2020-01-02", end: "2026-12-31" }]);
    expect(result.ops.assignmentUpdates).toEqual([{ id: 9, personId: 77, divisionCode: "office", start: "2020-01-02", end: "2026-12-31" }]);
  });

  it("a start after the last period ended is a return: a new period and a new assignment, history kept", () => {
    const person = existing({ periods: [{ id: 5, start: "2020-01-02", end: "2023-06-30" }], assignments: [{ id: 9, divisionCode: "office", start: "2020-01-02", end: "2023-06-30" }] });
    const result = plan([row({ employmentStart: "2025-01-06", divisionCode: "education" })], [person]);
    expect(result.ops.periodInserts).toEqual([{ personId: 77, start: "2025-01-06", end: null }]);
    expect(result.ops.periodUpdates).toEqual([]);
    expect(result.ops.assignmentInserts).toEqual([{ personId: 77, divisionCode: "education", start: "2025-01-06", end: null }]);
    expect(result.ops.assignmentUpdates).toEqual([]);
  });

  it("a corrected start moves the period's only assignment with it", () => {
    const result = plan([row({ employmentStart: "2019-12-16" })], [existing()]);
    expect(result.ops.periodUpdates).toEqual([{ id: 5, personId: 77, start: "2019-12-16", end: null }]);
    expect(result.ops.assignmentUpdates).toEqual([{ id: 9, personId: 77, divisionCode: "office", start: "2019-12-16", end: null }]);
  });

  it("a corrected start is refused once the period has a division history", () => {
    const person = existing({
      assignments: [
        { id: 9, divisionCode: "office", start: "2020-01-02", end: "2024-09-30" },
        { id: 10, divisionCode: "finance", start: "2024-10-01", end: null },
      ],
    });
    const result = plan([row({ row: 7, employmentStart: "2019-12-16", divisionCode: "finance" })], [person]);
    expect(result.rowErrors).toEqual([{ row: 7, column: "employment_start", problem: "startConflict", value: "2019-12-16", params: { date: "2020-01-02" } }]);
  });

  it("an end before the current division began is refused", () => {
    const person = existing({
      assignments: [
        { id: 9, divisionCode: "office", start: "2020-01-02", end: "2024-09-30" },
        { id: 10, divisionCode: "finance", start: "2024-10-01", end: null },
      ],
    });
    const result = plan([row({ row: 3, divisionCode: "finance", employmentEnd: "2024-06-30" })], [person]);
    expect(result.rowErrors).toEqual([{ row: 3, column: "employment_end", problem: "endBeforeDivision", value: "2024-06-30", params: { date: "2024-10-01" } }]);
  });

  it("an optional column the file leaves out keeps what the roster holds; an empty cell in it clears it", () => {
    const person = existing({ email: "old@lumsum.go.th", firstNameEn: "Test", periods: [{ id: 5, start: "2020-01-02", end: "2026-12-31" }], assignments: [{ id: 9, divisionCode: "office", start: "2020-01-02", end: "2026-12-31" }] });
    const required = ["employee_code", "prefix_th", "first_name_th", "last_name_th", "position_th", "category_code", "division_code", "employment_start"];
    const left = planRosterImport([row()], new Map([["LS900", person]]), TODAY, required);
    expect(left.unchanged).toBe(1);
    const cleared = planRosterImport([row()], new Map([["LS900", person]]), TODAY, [...required, "email", "employment_end"]);
    expect(cleared.changes[0].fields.map((field) => [field.column, field.after])).toEqual([
      ["email", null],
      ["employment_end", null],
    ]);
  });

  it("the plan's canonical text does not depend on key order", () => {
    expect(canonicalPlanText({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalPlanText({ a: [{ c: 3, d: 2 }], b: 1 }));
  });
});
