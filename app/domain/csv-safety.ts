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
 * - Imports accept files with or without the BOM, and undo the quote prefix this module adds,
 *   so an exported file imports back unchanged.
 */
import { stringify } from "csv-stringify/sync";

export const UTF8_BOM = "\uFEFF";

/**
 * Cells that get the quote prefix: those a spreadsheet would read as a formula (a leading
 * = + - @ TAB or CR, OWASP CSV injection), and those that already look like a prefixed one
 * ("'=x", "''+x"), so that restoring on import gives back exactly what was exported.
 */
const NEEDS_PREFIX = /^'*[=+\-@\t\r]/;

/** A cell made safe to open in a spreadsheet: "'" before a leading = + - @ TAB or CR. */
export function neutraliseFormula(value: string): string {
  return NEEDS_PREFIX.test(value) ? `'${value}` : value;
}

/** Undo `neutraliseFormula` on an imported cell: "'=x" → "=x"; any other value is kept as it is. */
export function restoreNeutralisedCell(value: string): string {
  return value.startsWith("'") && NEEDS_PREFIX.test(value.slice(1)) ? value.slice(1) : value;
}

export type CsvCell = string | number | null | undefined;

/** Text of one cell before escaping: null/undefined are empty, numbers in plain decimal form. */
function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return value;
}

/**
 * A whole CSV file for Excel: BOM, the header, then the rows; CRLF line ends; every cell
 * neutralised; quoting (commas, quotes, line breaks) by csv-stringify.
 */
export function toExcelCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const records = [header, ...rows].map((row) => row.map((cell) => neutraliseFormula(cellText(cell))));
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
