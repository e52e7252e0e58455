import type { Database } from "../../db/client.server";
import { csvDownloadHeaders, toExcelCsv } from "../domain/csv-safety";
import { calendarDateIn } from "../domain/calendar-date";
import { parseRecordId } from "../domain/record-id";
import { fiscalYearDates, fiscalYearOfDate, fiscalYearRange } from "../domain/fiscal-year";
import { REQUIRED_ROSTER_COLUMNS, ROSTER_COLUMNS, type RosterColumn } from "../domain/roster-import";
import { getAppSettings } from "../models/settings.server";
import { countRoster, listRoster, type RosterFilters, type RosterRow } from "../models/people.server";

/** "active" = employed today, "all" = everyone on the roster, a number = employed during that fiscal year. */
export type RosterShow = "active" | "all" | number;

/** `search`: what was typed (trimmed, at most SEARCH_MAX_LENGTH); `page`: the page asked for (see requestedPage). */
export type RosterQuery = { show: RosterShow; divisionId: number | null; categoryId: number | null; search: string; page: number };

/** People on one page of the roster (and of a director's division). */
export const ROSTER_PAGE_SIZE = 100;
const SEARCH_MAX_LENGTH = 100;

/** An id or year from the address; anything else (junk, "1e96", out of integer range) is null. */
function positiveInt(value: string | null): number | null {
  return parseRecordId(value);
}

/**
 * The page asked for in `?page=`: plain digits are that page (too many digits: past the last
 * page, which the caller clamps to the last); anything else ("abc", "-1", "1e99", "2.5", none)
 * is the first page.
 */
export function requestedPage(value: string | null): number {
  if (value === null || !/^[0-9]+$/.test(value)) return 1;
  const page = value.length > 15 ? Number.MAX_SAFE_INTEGER : Number(value);
  return Math.max(1, page);
}

/** The list's filters from the address (?show=active|all|2569&division=…&category=…&q=…&page=…). */
export async function rosterQueryFrom(db: Database, url: URL) {
  const { fiscalCalendar, planPeriod } = await getAppSettings(db);
  const today = calendarDateIn(new Date(), fiscalCalendar.timeZone);
  const currentYear = fiscalYearOfDate(today, fiscalCalendar);
  const fiscalYears = fiscalYearRange(Math.min(planPeriod.firstFiscalYearBE, currentYear), Math.max(planPeriod.lastFiscalYearBE, currentYear)).reverse();
  const showParam = url.searchParams.get("show");
  const yearParam = positiveInt(showParam);
  const show: RosterShow = showParam === "all" ? "all" : yearParam && fiscalYears.includes(yearParam) ? yearParam : "active";
  const query: RosterQuery = {
    show,
    divisionId: positiveInt(url.searchParams.get("division")),
    categoryId: positiveInt(url.searchParams.get("category")),
    search: (url.searchParams.get("q") ?? "").trim().slice(0, SEARCH_MAX_LENGTH),
    page: requestedPage(url.searchParams.get("page")),
  };
  const filters: RosterFilters = { onDate: today };
  if (show === "active") filters.employedBetween = { from: today, to: today };
  if (typeof show === "number") {
    const { firstDay, lastDay } = fiscalYearDates(show, fiscalCalendar);
    filters.employedBetween = { from: firstDay, to: lastDay };
    // A past year shows the division people were in at its end; the running year, today's.
    filters.onDate = lastDay < today ? lastDay : firstDay > today ? firstDay : today;
  }
  if (query.divisionId !== null) filters.divisionId = query.divisionId;
  if (query.categoryId !== null) filters.categoryId = query.categoryId;
  if (query.search) filters.search = query.search;
  return { query, filters, fiscalYears, today };
}

/** One page of the roster, and where it stands in the whole filtered list. */
export type RosterPage = {
  rows: RosterRow[];
  /** Everyone matching the filters. */
  total: number;
  /** The page shown: the one asked for, brought within 1…pageCount. */
  page: number;
  pageCount: number;
  /** Positions (1-based) of the first and last row shown; 0 and 0 when no one matches. */
  from: number;
  to: number;
};

/**
 * One page of the roster in Thai name order: counted and paged in the database, so a page costs
 * about the same for 40 or 20,000 staff. A page past the last shows the last.
 */
export async function listRosterPage(db: Database, filters: RosterFilters, requested: number, pageSize = ROSTER_PAGE_SIZE): Promise<RosterPage> {
  const total = await countRoster(db, filters);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requested)), pageCount);
  const offset = (page - 1) * pageSize;
  const rows = total === 0 ? [] : await listRoster(db, filters, { limit: pageSize, offset });
  return { rows, total, page, pageCount, from: rows.length > 0 ? offset + 1 : 0, to: offset + rows.length };
}

/** The whole filtered roster in Thai name order (first then last name), for the CSV export. */
export async function listWholeRoster(db: Database, filters: RosterFilters): Promise<RosterRow[]> {
  return listRoster(db, filters);
}

/** The roster as an import file: the same columns, so an export can be edited and imported back. */
export function rosterCsv(rows: readonly RosterRow[]): string {
  return toExcelCsv(
    ROSTER_COLUMNS,
    rows.map((row) => [
      row.employeeCode,
      row.prefixTh,
      row.firstNameTh,
      row.lastNameTh,
      row.firstNameEn,
      row.lastNameEn,
      row.email,
      row.positionTh,
      row.categoryCode,
      row.divisionCode,
      row.employmentStart,
      row.employmentEnd,
    ]),
  );
}

/** A CSV download (the CSV libraries stay on the server: route modules import this, not the domain). */
export function csvFileResponse(text: string, fileName: string): Response {
  return new Response(text, { headers: csvDownloadHeaders(fileName) });
}

/** An empty roster file: the header row only, ready to fill in Excel. */
export function rosterTemplateCsv(): string {
  return toExcelCsv(ROSTER_COLUMNS, []);
}

/** The roster file's columns, for the import page's documentation. */
export function rosterImportColumns(): { column: RosterColumn; required: boolean }[] {
  return ROSTER_COLUMNS.map((column) => ({ column, required: REQUIRED_ROSTER_COLUMNS.includes(column) }));
}
