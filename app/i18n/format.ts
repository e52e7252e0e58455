/**
 * Locale-aware formatting of dates, fiscal periods, numbers and names.
 * Pure and dependency-free so it runs the same on the server and in the browser.
 *
 * Thai uses the Buddhist calendar (`th-TH-u-ca-buddhist`); English uses the
 * Gregorian calendar (`en-GB`, day-month-year). Every date format is given an
 * explicit time zone so server and browser render the same text.
 */

export type Locale = "th" | "en";

export type DateStyle = "long" | "medium" | "short";

const DEFAULT_TIME_ZONE = "Asia/Bangkok";
const BUDDHIST_ERA_OFFSET = 543;

const INTL_LOCALES: Record<Locale, string> = {
  th: "th-TH-u-ca-buddhist",
  en: "en-GB",
};

// A calendar date with no time, e.g. an employment start date.
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// An instant with an explicit offset, which is how JSON (and so a Remix loader)
// serializes a Date.
const ISO_INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function intlLocale(locale: Locale): string {
  const tag = INTL_LOCALES[locale];
  if (tag === undefined) throw new RangeError(`Unsupported locale ${JSON.stringify(locale)}`);
  return tag;
}

// ---------------------------------------------------------------------------
// Dates

/**
 * Formats an instant (a Date, or an ISO string with Z/offset) in `timeZone`,
 * or an ISO calendar date ("YYYY-MM-DD") as that same day in every zone.
 * th long: "23 พฤศจิกายน 2569"; en long: "23 November 2026".
 */
export function formatDate(
  value: Date | string,
  locale: Locale,
  options: { timeZone?: string; style?: DateStyle } = {},
): string {
  const style = options.style ?? "long";
  if (typeof value === "string" && ISO_DATE_PATTERN.test(value)) {
    // A calendar date is not an instant: pin it to UTC midnight and format in
    // UTC, so no zone can move it to the neighbouring day.
    return dateFormatter(locale, style, "UTC").format(utcMidnightOfIsoDate(value));
  }
  const instant = toInstant(value);
  return dateFormatter(locale, style, options.timeZone ?? DEFAULT_TIME_ZONE).format(instant);
}

/** Date plus 24-hour HH:mm, e.g. th "23 พ.ย. 2569 10:04", en "23 Nov 2026, 10:04". */
export function formatDateTime(value: Date, locale: Locale, options: { timeZone?: string } = {}): string {
  const instant = toInstant(value);
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  return cachedDateTimeFormat(`datetime|${locale}|${timeZone}`, () =>
    new Intl.DateTimeFormat(intlLocale(locale), {
      dateStyle: "medium",
      timeStyle: "short",
      hourCycle: "h23", // "00:05", never "24:05" or "12:05 am"
      timeZone,
    }),
  ).format(instant);
}

// ---------------------------------------------------------------------------
// Fiscal periods

/**
 * th "ปีงบประมาณ พ.ศ. 2566" (short "2566"); en "FY 2023" (short "2023").
 * Built by hand: a year-only Intl format would add its own "พ.ศ.".
 */
export function fiscalYearLabel(fiscalYearBE: number, locale: Locale, options: { short?: boolean } = {}): string {
  const year = String(displayYear(fiscalYearBE, locale));
  if (options.short) return year;
  return locale === "th" ? `ปีงบประมาณ พ.ศ. ${year}` : `FY ${year}`;
}

/** th "ไตรมาสที่ 1 ปีงบประมาณ พ.ศ. 2570"; en "Q1 FY 2027". */
export function fiscalQuarterLabel(fiscalYearBE: number, quarter: 1 | 2 | 3 | 4, locale: Locale): string {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new RangeError(`Fiscal quarter must be 1, 2, 3 or 4, got ${String(quarter)}`);
  }
  const yearLabel = fiscalYearLabel(fiscalYearBE, locale);
  return locale === "th" ? `ไตรมาสที่ ${quarter} ${yearLabel}` : `Q${quarter} ${yearLabel}`;
}

// ---------------------------------------------------------------------------
// Numbers

export function formatNumber(value: number, locale: Locale, options: { maximumFractionDigits?: number } = {}): string {
  const maximumFractionDigits = options.maximumFractionDigits;
  if (maximumFractionDigits !== undefined) assertFractionDigits(maximumFractionDigits);
  return cachedNumberFormat(`number|${locale}|${maximumFractionDigits ?? "default"}`, () =>
    new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits }),
  ).format(value);
}

/** An amount of money: always two decimals, grouped ("100,000.50", never "100,000.5"). */
export function formatMoney(value: number, locale: Locale): string {
  return cachedNumberFormat(`money|${locale}`, () => new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(value);
}

/**
 * `value` is already a percentage (40.5 → "40.5%"). Without `fractionDigits`
 * up to one decimal is shown; with it, exactly that many.
 */
export function formatPercent(value: number, locale: Locale, fractionDigits?: number): string {
  if (fractionDigits !== undefined) assertFractionDigits(fractionDigits);
  const percentFormat = cachedNumberFormat(`percent|${locale}|${fractionDigits ?? "default"}`, () =>
    new Intl.NumberFormat(intlLocale(locale), {
      // The "percent" unit formats the number as given; style "percent" would
      // need value / 100 first.
      style: "unit",
      unit: "percent",
      minimumFractionDigits: fractionDigits ?? 0,
      maximumFractionDigits: fractionDigits ?? 1,
    }),
  );
  // A float error such as -1e-15 would print as "-0%". signDisplay "negative"
  // fixes that but is ES2023 and throws in older browsers, so check by hand.
  const roundsToZero = value < 0 && percentFormat.format(-value) === percentFormat.format(0);
  return percentFormat.format(roundsToZero ? 0 : value);
}

// ---------------------------------------------------------------------------
// Names

/**
 * Thai dictionary order: leading vowels (เ แ โ ใ ไ) are skipped to sort by the
 * first consonant. Note that ICU's Thai collation also ignores spaces and
 * punctuation by default.
 */
export const thaiCollator: Intl.Collator = new Intl.Collator("th");

export function compareThai(a: string, b: string): number {
  return thaiCollator.compare(a, b);
}

/** A new array sorted by name in Thai order; ties keep their original order. */
export function sortByThaiName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, name: nameOf(item) }))
    .sort((left, right) => thaiCollator.compare(left.name, right.name))
    .map(({ item }) => item);
}

// ---------------------------------------------------------------------------
// Internals

function displayYear(fiscalYearBE: number, locale: Locale): number {
  if (!Number.isInteger(fiscalYearBE)) {
    throw new RangeError(`Fiscal year must be an integer Buddhist Era year, got ${String(fiscalYearBE)}`);
  }
  intlLocale(locale);
  return locale === "th" ? fiscalYearBE : fiscalYearBE - BUDDHIST_ERA_OFFSET;
}

function dateFormatter(locale: Locale, style: DateStyle, timeZone: string): Intl.DateTimeFormat {
  return cachedDateTimeFormat(`date|${locale}|${style}|${timeZone}`, () => {
    // dateStyle "short" gives a two-digit year ("3/11/69"), ambiguous for
    // Buddhist years, so short spells the fields out with a full year.
    const fields: Intl.DateTimeFormatOptions =
      style === "short" ? { day: "numeric", month: "numeric", year: "numeric" } : { dateStyle: style };
    return new Intl.DateTimeFormat(intlLocale(locale), { ...fields, timeZone });
  });
}

function toInstant(value: Date | string): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError("Cannot format an invalid Date");
    return value;
  }
  if (typeof value === "string" && ISO_INSTANT_PATTERN.test(value)) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  throw new RangeError(
    `Cannot format ${JSON.stringify(value)}: expected a Date, an ISO date "YYYY-MM-DD" or an ISO instant with Z or an offset`,
  );
}

function utcMidnightOfIsoDate(isoDate: string): Date {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const utcMidnight = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not turn years 0–99 into 1900–1999.
  utcMidnight.setUTCFullYear(year, month - 1, day);
  // Date rolls 2023-02-30 over into March; a round trip catches that.
  if (utcMidnight.getUTCMonth() !== month - 1 || utcMidnight.getUTCDate() !== day) {
    throw new RangeError(`Invalid ISO date "${isoDate}": no such day`);
  }
  return utcMidnight;
}

function assertFractionDigits(fractionDigits: number): void {
  if (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > 20) {
    throw new RangeError(`Fraction digits must be an integer from 0 to 20, got ${String(fractionDigits)}`);
  }
}

// Intl formatters are costly to build and pages format whole tables, so reuse
// one per distinct set of options.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cachedDateTimeFormat(key: string, create: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(key);
  if (format === undefined) {
    format = create();
    dateTimeFormats.set(key, format);
  }
  return format;
}

function cachedNumberFormat(key: string, create: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = create();
    numberFormats.set(key, format);
  }
  return format;
}
