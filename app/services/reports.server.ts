import { and, asc, count, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { ideaStageEvents, ideas, innovations, projects, trainingAttendance, trainingSessions } from "../../db/schema";
import { calendarDateIn, isIsoDate } from "../domain/calendar-date";
import {
  fiscalQuarterBounds,
  fiscalQuarterDates,
  fiscalYearBounds,
  fiscalYearDates,
  fiscalYearRange,
  type FiscalCalendar,
  type FiscalQuarter,
} from "../domain/fiscal-year";
import type { IdeaStage } from "../domain/idea-stages";
import { toExcelCsv } from "../domain/csv-safety";
import { indicatorHistoryCsv, participationPeopleCsv, quarterlyReportCsv, type CsvFigure, type CsvTable } from "../domain/report-csv";
import { personDisplayName } from "../domain/person-name";
import { textParagraphs } from "../domain/report-forms";
import { FISCAL_QUARTERS, periodState, reportAsOf, type PeriodState } from "../domain/report-period";
import { fiscalYearLabel } from "../i18n/format";
import { translate, type AppLocale } from "../i18n/messages.server";
import { listActivities, type ActivityRow } from "../models/action-plan.server";
import { getQuarterlyText, listQuarterlyTexts, type QuarterlyText } from "../models/quarterly-reports.server";
import { getAppSettings, type OrganisationInfo } from "../models/settings.server";
import { planTrend, yearIndicators, type IndicatorFigure, type ParticipantDetail, type TrendRow, type YearIndicators } from "./indicators.server";

/** One line of a "what moved" list: an idea, a project, an innovation or a training session. */
export type MovementItem = { id: number; title: string; date: string; attendees?: number };
export type CountedList = { count: number; items: MovementItem[] };

export type QuarterMovement = {
  ideasSubmitted: CountedList;
  /** Committee (and withdrawal) moves in the quarter, by the stage moved to. */
  stageMoves: { toStage: IdeaStage; count: number }[];
  projectsStarted: CountedList;
  projectsCompleted: CountedList;
  innovationsDelivered: CountedList;
  trainingSessions: CountedList;
};

const STAGE_ORDER: readonly IdeaStage[] = ["screening", "committee_review", "approved", "in_progress", "implemented", "not_adopted", "duplicate", "withdrawn", "submitted"];

function limited(items: MovementItem[], listLimit: number | null): CountedList {
  return { count: items.length, items: listLimit === null ? items : items.slice(0, listLimit) };
}

/**
 * What moved in one fiscal quarter:
 * - ideas submitted in it (by submission time);
 * - stage moves made in it (every recorded move from one stage to another);
 * - projects started (start date in the quarter, project active or completed);
 * - projects completed (status completed, set completed in the quarter: completed_on, not the planned end date);
 * - innovations delivered (delivery date in the quarter);
 * - training sessions held (first day in the quarter), with attendance.
 * `listLimit` caps each list (the counts are always complete); null lists everything.
 */
export async function quarterMovement(
  db: Database,
  period: { fiscalYearBE: number; quarter: FiscalQuarter },
  calendar: FiscalCalendar,
  options: { listLimit: number | null } = { listLimit: 10 },
): Promise<QuarterMovement> {
  const { start, end } = fiscalQuarterBounds(period.fiscalYearBE, period.quarter, calendar);
  const { firstDay, lastDay } = fiscalQuarterDates(period.fiscalYearBE, period.quarter, calendar);
  const submittedInQuarter = and(gte(ideas.submittedAt, start), lt(ideas.submittedAt, end));
  const [ideaCount, ideaRows, moveRows, startedRows, completedRows, innovationRows, sessionRows] = await Promise.all([
    db.select({ n: count() }).from(ideas).where(submittedInQuarter),
    options.listLimit === 0
      ? Promise.resolve([])
      : db
          .select({ id: ideas.id, title: ideas.title, submittedAt: ideas.submittedAt })
          .from(ideas)
          .where(submittedInQuarter)
          .orderBy(asc(ideas.submittedAt), asc(ideas.id))
          .limit(options.listLimit ?? 1_000_000),
    db
      .select({ toStage: ideaStageEvents.toStage, n: count() })
      .from(ideaStageEvents)
      .where(and(gte(ideaStageEvents.at, start), lt(ideaStageEvents.at, end), isNotNull(ideaStageEvents.fromStage)))
      .groupBy(ideaStageEvents.toStage),
    db
      .select({ id: projects.id, title: projects.nameTh, date: projects.startDate })
      .from(projects)
      .where(and(sql`${projects.startDate} between ${firstDay}::date and ${lastDay}::date`, inArray(projects.status, ["active", "completed"])))
      .orderBy(asc(projects.startDate), asc(projects.id)),
    db
      .select({ id: projects.id, title: projects.nameTh, date: projects.completedOn })
      .from(projects)
      .where(and(sql`${projects.completedOn} between ${firstDay}::date and ${lastDay}::date`, eq(projects.status, "completed")))
      .orderBy(asc(projects.completedOn), asc(projects.id)),
    db
      .select({ id: innovations.id, title: innovations.nameTh, date: innovations.deliveredOn })
      .from(innovations)
      .where(sql`${innovations.deliveredOn} between ${firstDay}::date and ${lastDay}::date`)
      .orderBy(asc(innovations.deliveredOn), asc(innovations.id)),
    db
      .select({ id: trainingSessions.id, title: trainingSessions.title, date: trainingSessions.startDate, attendees: count(trainingAttendance.personId) })
      .from(trainingSessions)
      .leftJoin(trainingAttendance, eq(trainingAttendance.sessionId, trainingSessions.id))
      .where(sql`${trainingSessions.startDate} between ${firstDay}::date and ${lastDay}::date`)
      .groupBy(trainingSessions.id)
      .orderBy(asc(trainingSessions.startDate), asc(trainingSessions.id)),
  ]);
  const dated = (rows: { id: number; title: string; date: string | null }[]) => rows.map((row) => ({ id: row.id, title: row.title, date: row.date ?? "" }));
  const stageMoves = moveRows
    .map((row) => ({ toStage: row.toStage, count: Number(row.n) }))
    .sort((a, b) => STAGE_ORDER.indexOf(a.toStage) - STAGE_ORDER.indexOf(b.toStage));
  return {
    ideasSubmitted: {
      count: Number(ideaCount[0]?.n ?? 0),
      items: ideaRows.map((row) => ({ id: row.id, title: row.title, date: row.submittedAt.toISOString() })),
    },
    stageMoves,
    projectsStarted: limited(dated(startedRows), options.listLimit),
    projectsCompleted: limited(dated(completedRows), options.listLimit),
    innovationsDelivered: limited(dated(innovationRows), options.listLimit),
    trainingSessions: limited(
      sessionRows.map((row) => ({ id: row.id, title: row.title, date: row.date, attendees: Number(row.attendees) })),
      options.listLimit,
    ),
  };
}

export type QuarterlyReport = {
  organisation: OrganisationInfo;
  fiscalYearBE: number;
  quarter: FiscalQuarter;
  firstDay: string;
  lastDay: string;
  state: PeriodState;
  /** The calendar date the indicator figures are taken at: the quarter's last day, or today. */
  asOfDate: string;
  /** Today: the data counted is what is recorded up to now (a finished quarter says so). */
  todayDate: string;
  year: YearIndicators;
  movement: QuarterMovement;
  texts: QuarterlyText;
};

/**
 * The quarterly report for the Mayor: the indicators against their targets as at the quarter's
 * end (or today, for the running quarter), what moved in the quarter, and the committee's texts.
 */
export async function quarterlyReport(
  db: Database,
  params: { fiscalYearBE: number; quarter: FiscalQuarter; now?: Date; listLimit?: number | null },
): Promise<QuarterlyReport> {
  const now = params.now ?? new Date();
  const settings = await getAppSettings(db);
  const calendar = settings.fiscalCalendar;
  const bounds = fiscalQuarterBounds(params.fiscalYearBE, params.quarter, calendar);
  const { firstDay, lastDay } = fiscalQuarterDates(params.fiscalYearBE, params.quarter, calendar);
  const asOf = reportAsOf(bounds, now);
  const state = periodState(bounds, now);
  const [year, movement, texts] = await Promise.all([
    yearIndicators(db, params.fiscalYearBE, { now: asOf }),
    quarterMovement(db, params, calendar, { listLimit: params.listLimit === undefined ? 10 : params.listLimit }),
    getQuarterlyText(db, params.fiscalYearBE, params.quarter),
  ]);
  return {
    organisation: settings.organisation,
    fiscalYearBE: params.fiscalYearBE,
    quarter: params.quarter,
    firstDay,
    lastDay,
    state,
    asOfDate: state === "finished" ? lastDay : calendarDateIn(now, calendar.timeZone),
    todayDate: calendarDateIn(now, calendar.timeZone),
    year,
    movement,
    texts,
  };
}

export type YearlyReport = {
  organisation: OrganisationInfo;
  fiscalYearBE: number;
  firstDay: string;
  lastDay: string;
  state: PeriodState;
  asOfDate: string;
  todayDate: string;
  year: YearIndicators;
  quarters: { quarter: FiscalQuarter; firstDay: string; lastDay: string; state: PeriodState; movement: QuarterMovement }[];
  activities: ActivityRow[];
  texts: QuarterlyText[];
  trend: TrendRow[];
};

/** The year's roll-up for the December plan review: indicators, each quarter's movement, the plan's trend. */
export async function yearlyReport(db: Database, params: { fiscalYearBE: number; now?: Date }): Promise<YearlyReport> {
  const now = params.now ?? new Date();
  const settings = await getAppSettings(db);
  const calendar = settings.fiscalCalendar;
  const bounds = fiscalYearBounds(params.fiscalYearBE, calendar);
  const { firstDay, lastDay } = fiscalYearDates(params.fiscalYearBE, calendar);
  const state = periodState(bounds, now);
  const year = await yearIndicators(db, params.fiscalYearBE, { now: reportAsOf(bounds, now) });
  const quarters = [];
  for (const quarter of FISCAL_QUARTERS) {
    const dates = fiscalQuarterDates(params.fiscalYearBE, quarter, calendar);
    quarters.push({
      quarter,
      ...dates,
      state: periodState(fiscalQuarterBounds(params.fiscalYearBE, quarter, calendar), now),
      movement: await quarterMovement(db, { fiscalYearBE: params.fiscalYearBE, quarter }, calendar, { listLimit: 0 }),
    });
  }
  const [activities, texts, trend] = await Promise.all([listActivities(db, params.fiscalYearBE), listQuarterlyTexts(db, params.fiscalYearBE), planTrend(db, { now })]);
  return {
    organisation: settings.organisation,
    fiscalYearBE: params.fiscalYearBE,
    firstDay,
    lastDay,
    state,
    asOfDate: state === "finished" ? lastDay : calendarDateIn(now, calendar.timeZone),
    todayDate: calendarDateIn(now, calendar.timeZone),
    year,
    quarters,
    activities,
    texts,
    trend,
  };
}

export type IndicatorHistoryYear = Pick<YearIndicators, "fiscalYearBE" | "phase" | "closed" | "figures">;

/** Every indicator for every year of the plan (closed years from their snapshots). */
export async function indicatorHistory(db: Database, now = new Date()): Promise<IndicatorHistoryYear[]> {
  const { planPeriod } = await getAppSettings(db);
  const years: IndicatorHistoryYear[] = [];
  for (const fiscalYearBE of fiscalYearRange(planPeriod.firstFiscalYearBE, planPeriod.lastFiscalYearBE)) {
    const { phase, closed, figures } = await yearIndicators(db, fiscalYearBE, { now });
    years.push({ fiscalYearBE, phase, closed, figures });
  }
  return years;
}

// ---------------------------------------------------------------------------
// CSV files (UTF-8 with BOM, formula-safe), in the reader's language (the quarterly report's in Thai).

function csvFile(table: CsvTable): string {
  return toExcelCsv(table.header, table.rows);
}

function csvFigures(figures: IndicatorFigure[], locale: AppLocale): CsvFigure[] {
  return figures.map((figure) => ({ ...figure, name: (locale === "en" && figure.nameEn) || figure.nameTh }));
}

/** The quarterly report's tables, in Thai whatever the reader's language, like the report itself (PRODUCT.md §6). */
export function quarterlyReportCsvFile(report: QuarterlyReport, timeZone: string): string {
  const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate("th", key, values);
  return csvFile(
    quarterlyReportCsv(
      {
        figures: csvFigures(report.year.figures, "th"),
        lg1Target: report.year.participation.target,
        byDivision: report.year.byDivision.map((division) => ({ ...division, name: division.nameTh })),
        movement: report.movement,
        problems: textParagraphs(report.texts.problems),
        nextSteps: textParagraphs(report.texts.nextSteps),
      },
      t,
      // An ISO calendar date: Excel reads it as that very date in any locale ("21 พ.ย. 2569" it might not).
      (value) => (isIsoDate(value) ? value : calendarDateIn(new Date(value), timeZone)),
    ),
  );
}

export function indicatorHistoryCsvFile(history: IndicatorHistoryYear[], locale: AppLocale): string {
  const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate(locale, key, values);
  return csvFile(
    indicatorHistoryCsv(
      history.map((year) => ({ fiscalYear: Number(fiscalYearLabel(year.fiscalYearBE, locale, { short: true })), closed: year.closed, figures: csvFigures(year.figures, locale) })),
      t,
    ),
  );
}

export function participationPeopleCsvFile(people: { counted: ParticipantDetail[]; notCounted: ParticipantDetail[] }, locale: AppLocale): string {
  const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate(locale, key, values);
  return csvFile(
    participationPeopleCsv(
      [...people.counted, ...people.notCounted].map((person) => ({
        ...person,
        name: personDisplayName(person, locale),
        divisionName: (locale === "en" && person.divisionNameEn) || person.divisionNameTh,
      })),
      t,
    ),
  );
}
