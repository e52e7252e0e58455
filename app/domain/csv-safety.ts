/**
 * CSV that Excel opens correctly with Thai text, and that cannot smuggle a formula into a
 * spreadsheet (CSV / formula injection). Pure: no I/O.
 *
 * - Exports start with a UTF-8 byte order mark: without it Excel reads the file as the
 *   system's ANSI code page and Thai turns into mojibake.
 * - A cell that starts with = + - @ TAB or CR would be read as a formula (or a DDE command)
 *   by Excel, LibreOffice and Google Sheets; OWASP's advice is to prefix such a cell with a
 *   single quote, which the spreadsheet shows as text. Every cell is treated the same way,
 *   headers and numbers included.
 * - Text Excel would convert on opening ("5/38" → a date in May 1938, "007" → 7) gets the same
 *   quote, so it stays the text it is. A figure belongs in a number cell (or two: numerator and
 *   denominator), never in a text like "5/38".
 * - Imports accept files with or without the BOM, and undo the quote prefix this module adds,
 *   so an exported file imports back unchanged.
 */
import { stringify } from "csv-stringify/sync";

export const UTF8_BOM = "\uFEFF";

/** A leading = + - @ TAB or CR: a formula (or a DDE command) to a spreadsheet (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

const MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const NUMBER = String.raw`\(?[$€£¥฿]?\s*(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*%?\)?`;
const NUMERIC_DATE = String.raw`\d{1,4}[/.\-]\d{1,4}(?:[/.\-]\d{1,4})?`;
const NAMED_DATE = String.raw`(?:\d{1,4}[\s\-/.,]*)?${MONTH}(?:[\s\-/.,]*\d{1,4}){0,2}`;
const TIME = String.raw`\d{1,2}(?::\d{1,2}){1,2}(?:\.\d+)?(?:\s*[ap]m?)?|\d{1,2}\s*[ap]m?`;
const MIXED_FRACTION = String.raw`\d+\s+\d+/\d+`;
/** Whole cells Excel (Thai or English locale) converts on opening a CSV: "5/38" → May 1938, "007" → 7, "1 1/2" → 1.5. */
const CONVERTED = new RegExp(String.raw`^(?:${NUMBER}|${MIXED_FRACTION}|(?:(?:${NUMERIC_DATE}|${NAMED_DATE})(?:\s+(?:${TIME}))?)|${TIME})$`, "i");
/** An ISO calendar date: Excel reads it as that very date in every locale, so it may stay as it is. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Text Excel would turn into a number or a date that is not what the text says. */
function readAsNumberOrDate(value: string): boolean {
  const text = value.trim();
  return /\d/.test(text) && !ISO_DATE.test(text) && CONVERTED.test(text);
}

/**
 * Cells that get the quote prefix: those a spreadsheet would read as a formula, those it would
 * turn into a number or a date (text only: a number passed as a number stays a number), and
 * those that already look like such a prefixed one ("'=x", "''1/3"), so that restoring on
 * import gives back exactly what was exported.
 */
function needsPrefix(value: string): boolean {
  const unquoted = value.replace(/^'+/, "");
  return FORMULA_START.test(unquoted) || readAsNumberOrDate(unquoted);
}

/**
 * A text cell made safe to open in a spreadsheet: "'" before a leading = + - @ TAB or CR, and
 * before text Excel would read as a number or a date ("1/3", "007"). Excel shows the quote,
 * and the text as it is.
 */
export function neutraliseFormula(value: string): string {
  return needsPrefix(value) ? `'${value}` : value;
}

/** Undo `neutraliseFormula` on an imported cell: "'=x" → "=x", "'1/3" → "1/3"; any other value is kept as it is. */
export function restoreNeutralisedCell(value: string): string {
  return value.startsWith("'") && needsPrefix(value.slice(1)) ? value.slice(1) : value;
}

export type CsvCell = string | number | null | undefined;

/**
 * One cell as written, before quoting: null/undefined are empty; a number in plain decimal form,
 * guarded only against a formula (a negative number, "'-5"); text guarded by `neutraliseFormula`.
 */
function safeCellText(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    const text = String(value);
    return FORMULA_START.test(text) ? `'${text}` : text;
  }
  return neutraliseFormula(value);
}

/**
 * A whole CSV file for Excel: BOM, the header, then the rows; CRLF line ends; every cell
 * neutralised; quoting (commas, quotes, line breaks) by csv-stringify.
 */
export function toExcelCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const records = [header, ...rows].map((row) => row.map(safeCellText));
  return UTF8_BOM + stringify(records, { record_delimiter: "windows" });
}

/** The text without a leading BOM (a file saved by Excel as "CSV UTF-8" has one). */
export function stripBom(text: string): string {
  return text.startsWith(UTF8_BOM) ? text.slice(1) : text;
}

/**
 * Decode an uploaded file as UTF-8 (BOM removed), or null when the bytes are not UTF-8 — e.g.
 * a file saved as "CSV" by an older Thai Excel, in Windows-874: better refused than garbled.
 */
export function decodeUtf8File(bytes: Uint8Array): string | null {
  try {
    return stripBom(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return null;
  }
}

/** Headers for a CSV download; the file name is ASCII so no header encoding is needed. */
export function csvDownloadHeaders(fileName: string): Record<string, string> {
  const safeName = fileName.replace(/[^A-Za-z0-9._-]/g, "_");
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${safeName}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
}
