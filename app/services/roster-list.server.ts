import type { Database } from "../../db/client.server";
import { csvDownloadHeaders, toExcelCsv } from "../domain/csv-safety";
import { calendarDateIn } from "../domain/calendar-date";
import { parseRecordId } from "../domain/record-id";
import { fiscalYearDates, fiscalYearOfDate, fiscalYearRange } from "../domain/fiscal-year";
import { REQUIRED_ROSTER_COLUMNS, ROSTER_COLUMNS, type RosterColumn } from "../domain/roster-import";
import { sortByThaiName } from "../i18n/format";
import { getAppSettings } from "../models/settings.server";
import { listRoster, type RosterFilters, type RosterRow } from "../models/people.server";

/** "active" = employed today, "all" = everyone on the roster, a number = employed during that fiscal year. */
export type RosterShow = "active" | "all" | number;

export type RosterQuery = { show: RosterShow; divisionId: number | null; categoryId: number | null };

/** An id or year from the address; anything else (junk, "1e96", out of integer range) is null. */
function positiveInt(value: string | null): number | null {
  return parseRecordId(value);
}

/** The list's filters from the address (?show=active|all|2569&division=…&category=…). */
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
  return { query, filters, fiscalYears, today };
}

/** The roster in Thai order of first then last name (Intl.Collator('th'), not code points). */
export async function listRosterSorted(db: Database, filters: RosterFilters): Promise<RosterRow[]> {
  return sortByThaiName(await listRoster(db, filters), (row) => `${row.firstNameTh} ${row.lastNameTh}`);
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
