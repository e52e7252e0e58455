/**
 * Which fiscal quarter a report is about, and the moment its figures are taken at. Pure.
 */
import { fiscalQuarterOf, type FiscalCalendar, type FiscalQuarter, type InstantBounds } from "./fiscal-year";

export type ReportQuarter = { fiscalYearBE: number; quarter: FiscalQuarter };

export function isFiscalQuarter(value: number): value is FiscalQuarter {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/**
 * The quarter asked for in the URL (?fy=2570&q=1) when it is one of the plan's years and a
 * quarter 1–4; otherwise the running quarter (or, outside the plan, its last year's first).
 */
export function chosenReportQuarter(
  params: { fy: string | null; q: string | null },
  planYears: readonly number[],
  now: Date,
  calendar: FiscalCalendar,
): ReportQuarter {
  const running = fiscalQuarterOf(now, calendar);
  const askedYear = Number(params.fy);
  const askedQuarter = Number(params.q);
  const yearValid = params.fy !== null && Number.isInteger(askedYear) && planYears.includes(askedYear);
  const quarterValid = params.q !== null && Number.isInteger(askedQuarter) && isFiscalQuarter(askedQuarter);
  const fiscalYearBE = yearValid ? askedYear : planYears.includes(running.fiscalYearBE) ? running.fiscalYearBE : planYears[planYears.length - 1];
  const quarter: FiscalQuarter = quarterValid ? (askedQuarter as FiscalQuarter) : fiscalYearBE === running.fiscalYearBE ? running.quarter : 1;
  return { fiscalYearBE, quarter };
}

export type PeriodState = "finished" | "running" | "future";

/** Has the period ended, is it under way, or not yet begun? */
export function periodState(bounds: InstantBounds, now: Date): PeriodState {
  if (now < bounds.start) return "future";
  return now >= bounds.end ? "finished" : "running";
}

/** The figures of a report are taken at the period's end, or now if that is earlier. */
export function reportAsOf(bounds: InstantBounds, now: Date): Date {
  return now < bounds.end ? now : bounds.end;
}

/** The four quarters of a fiscal year. */
export const FISCAL_QUARTERS: readonly FiscalQuarter[] = [1, 2, 3, 4];
