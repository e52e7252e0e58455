/**
 * Fiscal-year engine: pure calendar arithmetic, no I/O.
 *
 * A fiscal year (FY) is named by the Buddhist Era (BE) year in which it ends.
 * With the Thai calendar (start month October) FY 2566 runs from
 * 1 Oct 2022 to 30 Sep 2023. With start month January the FY is simply the
 * BE calendar year.
 *
 * Two kinds of input are handled separately on purpose:
 * - instants (`Date`, stored in UTC) are placed on the local calendar of
 *   `calendar.timeZone` before the FY is read off, via `@date-fns/tz`;
 * - ISO calendar dates ("YYYY-MM-DD", e.g. employment periods) carry no time
 *   and no zone, so they are never converted through an instant.
 */
import { TZDate } from "@date-fns/tz";

export type FiscalCalendar = {
  /** 1–12: the month in which the fiscal year starts. */
  startMonth: number;
  /** IANA time zone in which fiscal-year boundaries fall at local midnight. */
  timeZone: string;
};

export const THAI_FISCAL_CALENDAR: FiscalCalendar = { startMonth: 10, timeZone: "Asia/Bangkok" };

export const BUDDHIST_ERA_OFFSET = 543;

export type FiscalQuarter = 1 | 2 | 3 | 4;

/** Half-open interval of UTC instants: start ≤ t < end. */
export type InstantBounds = { start: Date; end: Date };

/** Inclusive interval of ISO calendar dates. */
export type CalendarDateBounds = { firstDay: string; lastDay: string };

// Four-digit years keep ISO strings well-formed and stay clear of the Date
// constructor's habit of mapping years 0–99 to 1900–1999.
const MIN_SUPPORTED_CE_YEAR = 1000;
const MAX_SUPPORTED_CE_YEAR = 9999;
const MONTHS_PER_QUARTER = 3;
const MAX_FISCAL_YEAR_RANGE_LENGTH = 1000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

type CalendarDate = { year: number; month: number; day: number };

// ---------------------------------------------------------------------------
// Instants → fiscal periods

export function fiscalYearOf(instant: Date, calendar: FiscalCalendar): number {
  assertCalendar(calendar);
  const local = localCalendarDateOf(instant, calendar.timeZone);
  return checkedFiscalYear(fiscalYearContaining(local.year, local.month, calendar.startMonth));
}

export function fiscalQuarterOf(
  instant: Date,
  calendar: FiscalCalendar,
): { fiscalYearBE: number; quarter: FiscalQuarter } {
  assertCalendar(calendar);
  const local = localCalendarDateOf(instant, calendar.timeZone);
  return {
    fiscalYearBE: checkedFiscalYear(fiscalYearContaining(local.year, local.month, calendar.startMonth)),
    quarter: quarterContaining(local.month, calendar.startMonth),
  };
}

// ---------------------------------------------------------------------------
// Calendar dates → fiscal periods

export function fiscalYearOfDate(isoDate: string, calendar: FiscalCalendar): number {
  assertCalendar(calendar);
  const date = parseIsoDate(isoDate);
  return checkedFiscalYear(fiscalYearContaining(date.year, date.month, calendar.startMonth));
}

// ---------------------------------------------------------------------------
// Fiscal periods → bounds

/** UTC instants [start, end); start is local midnight of the first day in `calendar.timeZone`. */
export function fiscalYearBounds(fiscalYearBE: number, calendar: FiscalCalendar): InstantBounds {
  assertCalendar(calendar);
  const firstMonth = firstMonthOfFiscalYear(fiscalYearBE, calendar.startMonth);
  return {
    start: localMidnightAtMonthStart(firstMonth.year, firstMonth.month, calendar.timeZone),
    end: localMidnightAtMonthStart(firstMonth.year + 1, firstMonth.month, calendar.timeZone),
  };
}

/** Inclusive ISO calendar dates, for date columns such as employment periods. */
export function fiscalYearDates(fiscalYearBE: number, calendar: FiscalCalendar): CalendarDateBounds {
  assertCalendar(calendar);
  const firstMonth = firstMonthOfFiscalYear(fiscalYearBE, calendar.startMonth);
  return datesOfMonthSpan(firstMonth.year, firstMonth.month, 12);
}

export function fiscalQuarterBounds(
  fiscalYearBE: number,
  quarter: FiscalQuarter,
  calendar: FiscalCalendar,
): InstantBounds {
  assertCalendar(calendar);
  assertQuarter(quarter);
  const firstMonth = firstMonthOfFiscalYear(fiscalYearBE, calendar.startMonth);
  const quarterStartOffset = (quarter - 1) * MONTHS_PER_QUARTER;
  return {
    start: localMidnightAtMonthStart(firstMonth.year, firstMonth.month + quarterStartOffset, calendar.timeZone),
    end: localMidnightAtMonthStart(
      firstMonth.year,
      firstMonth.month + quarterStartOffset + MONTHS_PER_QUARTER,
      calendar.timeZone,
    ),
  };
}

export function fiscalQuarterDates(
  fiscalYearBE: number,
  quarter: FiscalQuarter,
  calendar: FiscalCalendar,
): CalendarDateBounds {
  assertCalendar(calendar);
  assertQuarter(quarter);
  const firstMonth = firstMonthOfFiscalYear(fiscalYearBE, calendar.startMonth);
  const quarterStart = addMonths(firstMonth, (quarter - 1) * MONTHS_PER_QUARTER);
  return datesOfMonthSpan(quarterStart.year, quarterStart.month, MONTHS_PER_QUARTER);
}

// ---------------------------------------------------------------------------
// Ranges

/** Inclusive ascending list of fiscal years; empty when `fromBE > toBE`. */
export function fiscalYearRange(fromBE: number, toBE: number): number[] {
  assertFiscalYear(fromBE);
  assertFiscalYear(toBE);
  if (fromBE > toBE) return [];
  const length = toBE - fromBE + 1;
  // A year picker never needs this many entries; a huge span is a caller bug.
  if (length > MAX_FISCAL_YEAR_RANGE_LENGTH) {
    throw new RangeError(
      `Fiscal year range ${fromBE}–${toBE} spans ${length} years; at most ${MAX_FISCAL_YEAR_RANGE_LENGTH} are allowed`,
    );
  }
  return Array.from({ length }, (_, index) => fromBE + index);
}

/** Inclusive ISO date ranges; a null end means the range is still open. */
export function dateRangesOverlap(
  a: { start: string; end: string | null },
  b: { start: string; end: string | null },
): boolean {
  assertDateRange(a, "first");
  assertDateRange(b, "second");
  // Validated "YYYY-MM-DD" strings order lexicographically like the dates they name.
  const aStartsBeforeBEnds = b.end === null || a.start <= b.end;
  const bStartsBeforeAEnds = a.end === null || b.start <= a.end;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

// ---------------------------------------------------------------------------
// Settings

/** Validates an untrusted fiscal calendar setting (e.g. from the database or a form). */
export function parseFiscalCalendar(input: unknown): FiscalCalendar {
  if (typeof input !== "object" || input === null) {
    throw new Error("Invalid fiscal calendar: expected an object with startMonth and timeZone");
  }
  const { startMonth, timeZone } = input as Record<string, unknown>;
  const problem = fiscalCalendarProblem(startMonth, timeZone);
  if (problem !== null) throw new Error(`Invalid fiscal calendar: ${problem}`);
  return { startMonth: startMonth as number, timeZone: timeZone as string };
}

// ---------------------------------------------------------------------------
// Internals

/** FY (BE) containing the given local month; months are 1–12. */
function fiscalYearContaining(yearCE: number, month: number, startMonth: number): number {
  // A year starting in January ends in the same calendar year; any other start
  // month means months from startMonth onwards belong to the FY ending next year.
  const endYearCE = startMonth !== 1 && month >= startMonth ? yearCE + 1 : yearCE;
  return endYearCE + BUDDHIST_ERA_OFFSET;
}

function quarterContaining(month: number, startMonth: number): FiscalQuarter {
  const monthsIntoFiscalYear = (month - startMonth + 12) % 12;
  return (Math.floor(monthsIntoFiscalYear / MONTHS_PER_QUARTER) + 1) as FiscalQuarter;
}

/** First month (CE year, month 1–12) of a fiscal year. */
function firstMonthOfFiscalYear(fiscalYearBE: number, startMonth: number): { year: number; month: number } {
  assertFiscalYear(fiscalYearBE);
  const endYearCE = fiscalYearBE - BUDDHIST_ERA_OFFSET;
  return { year: startMonth === 1 ? endYearCE : endYearCE - 1, month: startMonth };
}

/** Adds months to a (year, month 1–12) pair, carrying into the year. */
function addMonths(start: { year: number; month: number }, months: number): { year: number; month: number } {
  const zeroBasedMonths = start.year * 12 + (start.month - 1) + months;
  return { year: Math.floor(zeroBasedMonths / 12), month: (zeroBasedMonths % 12) + 1 };
}

/** Inclusive dates covering `monthCount` whole months starting at (year, month). */
function datesOfMonthSpan(year: number, month: number, monthCount: number): CalendarDateBounds {
  const lastMonth = addMonths({ year, month }, monthCount - 1);
  return {
    firstDay: formatIsoDate({ year, month, day: 1 }),
    lastDay: formatIsoDate({ ...lastMonth, day: daysInMonth(lastMonth.year, lastMonth.month) }),
  };
}

/**
 * The first instant of the given local month in `timeZone`. `month` is 1-based
 * and may run past 12. TZDate resolves the local wall time to UTC, including
 * DST; where midnight does not exist it yields the first instant of that day.
 */
function localMidnightAtMonthStart(year: number, month: number, timeZone: string): Date {
  const normalized = addMonths({ year, month }, 0);
  const localMidnight = new TZDate(normalized.year, normalized.month - 1, 1, timeZone);
  const instant = new Date(localMidnight.getTime());
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError(`Cannot resolve ${formatIsoDate({ ...normalized, day: 1 })} in time zone "${timeZone}"`);
  }
  return instant;
}

/** Local calendar date of an instant in `timeZone`. */
function localCalendarDateOf(instant: Date, timeZone: string): CalendarDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`Expected a valid Date instant, got ${String(instant)}`);
  }
  const local = new TZDate(instant.getTime(), timeZone);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
}

function parseIsoDate(isoDate: string): CalendarDate {
  const match = typeof isoDate === "string" ? ISO_DATE_PATTERN.exec(isoDate) : null;
  if (match === null) {
    throw new RangeError(`Invalid ISO date ${JSON.stringify(isoDate)}: expected "YYYY-MM-DD"`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) {
    throw new RangeError(`Invalid ISO date "${isoDate}": month ${month} is not 1–12`);
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Invalid ISO date "${isoDate}": ${year}-${pad2(month)} has no day ${day}`);
  }
  return { year, month, day };
}

function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

// Proleptic Gregorian, like ISO 8601 and JavaScript Date.
function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function assertFiscalYear(fiscalYearBE: number): void {
  if (!Number.isInteger(fiscalYearBE)) {
    throw new RangeError(`Fiscal year must be an integer Buddhist Era year, got ${String(fiscalYearBE)}`);
  }
  const minBE = MIN_SUPPORTED_CE_YEAR + 1 + BUDDHIST_ERA_OFFSET;
  const maxBE = MAX_SUPPORTED_CE_YEAR + BUDDHIST_ERA_OFFSET;
  if (fiscalYearBE < minBE || fiscalYearBE > maxBE) {
    throw new RangeError(`Fiscal year ${fiscalYearBE} is outside the supported range ${minBE}–${maxBE} (BE)`);
  }
}

/** Rejects fiscal years computed from inputs outside the supported range. */
function checkedFiscalYear(fiscalYearBE: number): number {
  assertFiscalYear(fiscalYearBE);
  return fiscalYearBE;
}

function assertQuarter(quarter: number): asserts quarter is FiscalQuarter {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new RangeError(`Fiscal quarter must be 1, 2, 3 or 4, got ${String(quarter)}`);
  }
}

function assertDateRange(range: { start: string; end: string | null }, label: string): void {
  parseIsoDate(range.start);
  if (range.end === null) return;
  parseIsoDate(range.end);
  if (range.end < range.start) {
    throw new RangeError(`The ${label} date range ends (${range.end}) before it starts (${range.start})`);
  }
}

function assertCalendar(calendar: FiscalCalendar): void {
  const problem = fiscalCalendarProblem(calendar?.startMonth, calendar?.timeZone);
  if (problem !== null) throw new RangeError(`Invalid fiscal calendar: ${problem}`);
}

function fiscalCalendarProblem(startMonth: unknown, timeZone: unknown): string | null {
  if (typeof startMonth !== "number" || !Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    return `startMonth must be an integer from 1 to 12, got ${JSON.stringify(startMonth) ?? String(startMonth)}`;
  }
  if (typeof timeZone !== "string" || !isTimeZoneAcceptedByIntl(timeZone)) {
    return `timeZone must be an IANA time zone name, got ${JSON.stringify(timeZone) ?? String(timeZone)}`;
  }
  return null;
}

// Building an Intl.DateTimeFormat is comparatively slow and every engine call
// validates its calendar, so remember the zones already accepted.
const timeZonesAcceptedByIntl = new Set<string>();

function isTimeZoneAcceptedByIntl(timeZone: string): boolean {
  if (timeZonesAcceptedByIntl.has(timeZone)) return true;
  if (timeZone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    return false;
  }
  timeZonesAcceptedByIntl.add(timeZone);
  return true;
}
