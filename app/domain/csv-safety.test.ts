import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { decodeUtf8File, neutraliseFormula, restoreNeutralisedCell, stripBom, toExcelCsv, UTF8_BOM } from "./csv-safety";

const DANGEROUS_START = /^[=+\-@\t\r]/;

describe("formula injection (OWASP CSV injection)", () => {
  it.each([
    ["=HYPERLINK(\"http://evil\",\"click\")", "'=HYPERLINK(\"http://evil\",\"click\")"],
    ["+66 81 234 5678", "'+66 81 234 5678"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
  ])("prefixes %j with a quote", (value, expected) => {
    expect(neutraliseFormula(value)).toBe(expected);
  });

  it("leaves ordinary text, Thai and dates alone", () => {
    for (const value of ["นายสมชาย", "LS001", "2024-02-15", "a=b", " =not first", "", "'quoted"]) expect(neutraliseFormula(value)).toBe(value);
  });

  it("restores what it escaped, and nothing else", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(restoreNeutralisedCell(neutraliseFormula(value))).toBe(value);
      }),
    );
    expect(restoreNeutralisedCell("'quoted")).toBe("'quoted");
    // A value that already looks escaped gets one more quote, so it round-trips (found by fast-check).
    for (const value of ["'+", "'=1+1", "''@x"]) {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
      expect(restoreNeutralisedCell(neutraliseFormula(value))).toBe(value);
    }
    fc.assert(
      fc.property(fc.stringMatching(/^'*[=+\-@\t\r].*$/), (value) => {
        expect(restoreNeutralisedCell(neutraliseFormula(value))).toBe(value);
      }),
    );
  });

  it("no cell of an export starts with = + - @ TAB or CR, whatever the data", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.string(), fc.constantFrom("=1+1", "-5", "@x", "+1", "\t", "\r\n=x"), fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 4 }), { maxLength: 8 }), (rows) => {
        const text = toExcelCsv(["a", "b", "c", "d"], rows);
        const records = parse(stripBom(text), { relax_column_count: true }) as string[][];
        for (const record of records) for (const cell of record) expect(DANGEROUS_START.test(cell), JSON.stringify(cell)).toBe(false);
      }),
    );
  });
});

describe("text a spreadsheet would turn into a date or a number", () => {
  // Excel (Thai or English locale) converts these on opening a CSV: "5/38" becomes May 1938,
  // "1/10" the 1st of October or 10 January, "007" the number 7. Text cells keep them as text.
  it.each(["5/38", "1/10", "1/13", "1/3", " 1/3 ", "1-10", "2/3/2569", "10.11.2569", "10:30", "9:05:00", "10 am", "5-Mar", "Mar 5", "5 March 2026", "sep-26", "007", "1,234", "12.50", "1e5", "50%", "(12)", "$5", "1 1/2", "1/2/2026 10:30"])(
    "prefixes %j with a quote",
    (value) => {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
      expect(restoreNeutralisedCell(neutraliseFormula(value))).toBe(value);
    },
  );

  it("leaves words, codes, Thai, ISO dates and text around a figure alone", () => {
    for (const value of ["LS001", "2024-02-15", "May", "ไอเดีย 1/3", "5/38 คน", "กองคลัง", "FY 2026", "Design Thinking", "1/3/"]) expect(neutraliseFormula(value)).toBe(value);
  });

  it("a value that already looks guarded gets one more quote, so it round-trips", () => {
    for (const value of ["'1/3", "''007"]) {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
      expect(restoreNeutralisedCell(neutraliseFormula(value))).toBe(value);
    }
    expect(restoreNeutralisedCell("'LS001")).toBe("'LS001");
  });

  it("numbers passed as numbers stay numbers", () => {
    expect(toExcelCsv(["a", "b"], [[1234.5, "1/3"]])).toBe(`${UTF8_BOM}a,b\r\n1234.5,'1/3\r\n`);
  });
});

describe("CSV for Excel", () => {
  it("starts with a UTF-8 BOM, ends lines with CRLF and keeps Thai", () => {
    const text = toExcelCsv(["ชื่อ", "ชั่วโมง"], [["นางสาวกนกวรรณ พุ่มพวง", 6], ["a,b \"c\"", null]]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text).toBe(`${UTF8_BOM}ชื่อ,ชั่วโมง\r\nนางสาวกนกวรรณ พุ่มพวง,6\r\n"a,b ""c""",\r\n`);
    expect(Buffer.from(text, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("reads a file with or without a BOM the same way, and refuses bytes that are not UTF-8", () => {
    const body = "employee_code,hours\nLS001,6\n";
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, "utf8")]);
    expect(decodeUtf8File(withBom)).toBe(body);
    expect(decodeUtf8File(Buffer.from(body, "utf8"))).toBe(body);
    // "ไทย" in Windows-874 (TIS-620): not valid UTF-8.
    expect(decodeUtf8File(Buffer.from([0xe4, 0xb7, 0xc2]))).toBeNull();
  });
});
