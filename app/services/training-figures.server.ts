import type { Database } from "../../db/client.server";
import { calendarDateIn } from "../domain/calendar-date";
import { fiscalYearDates, fiscalYearOfDate, fiscalYearRange } from "../domain/fiscal-year";
import { totalsByFiscalYear, trainedShare } from "../domain/training-session";
import { listPersonTraining } from "../models/roster.server";
import { listDivisions } from "../models/people.server";
import { getAppSettings } from "../models/settings.server";
import { listSessionFiscalYears, listSessionsOfYear, listYearTrainingFigures } from "../models/training.server";

export type DivisionFigure = {
  divisionId: number | null;
  nameTh: string | null;
  nameEn: string | null;
  employed: number;
  trained: number;
  share: number | null;
  hours: number;
};

/** The fiscal years to offer (the plan's, the running one and any with sessions), newest first, and the running one. */
export async function trainingYears(db: Database) {
  const { fiscalCalendar, planPeriod } = await getAppSettings(db);
  const today = calendarDateIn(new Date(), fiscalCalendar.timeZone);
  const current = fiscalYearOfDate(today, fiscalCalendar);
  const withSessions = await listSessionFiscalYears(db);
  const years = new Set([...fiscalYearRange(planPeriod.firstFiscalYearBE, Math.max(planPeriod.lastFiscalYearBE, current)), ...withSessions]);
  return { years: [...years].sort((a, b) => b - a), current, fiscalCalendar };
}

/**
 * A fiscal year's training: the sessions, and the share of staff trained — people who attended
 * at least one session of the year ÷ people employed at some time during the year (all staff
 * categories) — overall and by division (the division each person was in at the end of the
 * year, or when they left).
 */
export async function trainingYearOverview(db: Database, fiscalYear: number) {
  const { fiscalCalendar } = await getAppSettings(db);
  const dates = fiscalYearDates(fiscalYear, fiscalCalendar);
  const [sessions, figures, divisions] = await Promise.all([listSessionsOfYear(db, fiscalYear), listYearTrainingFigures(db, fiscalYear, dates), listDivisions(db)]);
  const byDivision = new Map<number | null, DivisionFigure>();
  for (const division of divisions) {
    byDivision.set(division.id, { divisionId: division.id, nameTh: division.nameTh, nameEn: division.nameEn, employed: 0, trained: 0, share: null, hours: 0 });
  }
  for (const person of figures) {
    let figure = byDivision.get(person.divisionId);
    if (!figure) {
      figure = { divisionId: null, nameTh: null, nameEn: null, employed: 0, trained: 0, share: null, hours: 0 };
      byDivision.set(null, figure);
    }
    figure.employed += 1;
    if (person.trained) figure.trained += 1;
    figure.hours = Math.round((figure.hours + person.hours) * 100) / 100;
  }
  const divisionFigures = [...byDivision.values()]
    .filter((figure) => figure.employed > 0 || figure.divisionId !== null)
    .map((figure) => ({ ...figure, share: trainedShare(figure.trained, figure.employed) }));
  const employed = figures.length;
  const trained = figures.filter((person) => person.trained).length;
  return {
    fiscalYear,
    dates,
    sessions,
    employed,
    trained,
    share: trainedShare(trained, employed),
    hours: Math.round(figures.reduce((sum, person) => sum + person.hours, 0) * 100) / 100,
    divisions: divisionFigures,
  };
}

/** A person's training, newest first, with sessions and hours per fiscal year. */
export async function personTraining(db: Database, personId: number) {
  const rows = await listPersonTraining(db, personId);
  return { rows, totals: totalsByFiscalYear(rows) };
}
