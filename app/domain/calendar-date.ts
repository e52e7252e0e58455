// One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one, and
// this runs on every request (the sign-in check asks for today's date).
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) that `instant` falls on in `timeZone`. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD in the Gregorian calendar.
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}

/**
 * The years a date a person types may have, everywhere (project, milestone, innovation, follow-up,
 * meeting, training and roster dates, the roster import): outside them it is a typing mistake.
 */
export const PLAUSIBLE_YEARS = { min: 1900, max: 2200 } as const;

/** Buddhist Era year = Common Era year + 543 (2569 is 2026). */
export const BUDDHIST_ERA_OFFSET = 543;

/**
 * Why a typed YYYY-MM-DD is not taken, or null when it is a real day in PLAUSIBLE_YEARS.
 * "buddhistEraYear": a real day whose year, less 543, is plausible (2569-10-01: Chromium's date
 * input turns the typed 01102569 into 2569-01-10), so the person is told to use the CE year.
 */
export function isoDateProblem(value: string): "invalid" | "buddhistEraYear" | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return "invalid";
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const plausible = (y: number) => y >= PLAUSIBLE_YEARS.min && y <= PLAUSIBLE_YEARS.max;
  if (plausible(year)) return isRealDay(year, month, day) ? null : "invalid";
  // 29 February 2567 BE is a real day: 2024 is a leap year.
  const commonEra = year - BUDDHIST_ERA_OFFSET;
  return plausible(commonEra) && isRealDay(commonEra, month, day) ? "buddhistEraYear" : "invalid";
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A real calendar day written YYYY-MM-DD, in PLAUSIBLE_YEARS: "2026-02-30" and "2569-10-01" are not. */
export function isIsoDate(value: string): boolean {
  return isoDateProblem(value) === null;
}
