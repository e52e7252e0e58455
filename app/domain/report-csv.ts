/**
 * The rows of the report exports (quarterly report, indicator history, participation by
 * person), built from plain data. Pure: translation and date formatting are passed in, and
 * app/domain/csv-safety.ts turns the rows into a file Excel opens safely.
 */
import type { CsvCell } from "./csv-safety";
import type { MessageKey, Translate } from "../i18n/messages.server";
export type CsvTable = { header: string[]; rows: CsvCell[][] };

type Status = "met" | "on_track" | "at_risk" | "missed" | "no_data";

export type CsvFigure = {
  code: string;
  name: string;
  value: number | null;
  target: number | null;
  status: Status;
  numerator: number | null;
  denominator: number | null;
  perYear: number | null;
  cumulative: number | null;
};

/** Two decimals at most, as a plain number (Excel sums it); null stays empty. */
export function csvNumber(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : Math.round(value * 100) / 100;
}

/** An indicator's figure columns, in both reports: the value, its target and status, and the figures behind it. */
function figureHeader(t: Translate): string[] {
  return ["value", "target", "status", "numerator", "denominator", "perYear", "cumulative"].map((column) => t(`reports.csv.${column}` as MessageKey));
}

function figureCells(figure: CsvFigure, t: Translate): CsvCell[] {
  return [
    csvNumber(figure.value),
    csvNumber(figure.target),
    t(`dashboard.status.${figure.status}`),
    csvNumber(figure.numerator),
    csvNumber(figure.denominator),
    csvNumber(figure.perYear),
    csvNumber(figure.cumulative),
  ];
}

type MovementList = { count: number; items: { title: string; date: string; attendees?: number }[] };

export type QuarterlyCsvInput = {
  figures: CsvFigure[];
  lg1Target: number | null;
  byDivision: { name: string; numerator: number; denominator: number; percent: number | null }[];
  movement: {
    ideasSubmitted: MovementList;
    stageMoves: { toStage: string; count: number }[];
    projectsStarted: MovementList;
    projectsCompleted: MovementList;
    innovationsDelivered: MovementList;
    trainingSessions: MovementList;
  };
  problems: string[];
  nextSteps: string[];
};

export const MOVEMENT_KINDS = ["ideasSubmitted", "projectsStarted", "projectsCompleted", "innovationsDelivered", "trainingSessions"] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/**
 * One flat table of every table of the report, filterable in Excel: section, item, value,
 * target, status, then the figures behind a value in their own number columns (numerator,
 * denominator; per year, cumulative), as in the history CSV, and the date of what moved. Never a
 * "23/35" text: Excel, Thai or English, reads that as a date.
 */
export function quarterlyReportCsv(report: QuarterlyCsvInput, t: Translate, calendarDate: (value: string) => string): CsvTable {
  const header = [t("reports.csv.section"), t("reports.csv.item"), ...figureHeader(t), t("reports.csv.date")];
  const noFigures = [null, null, null, null] as const;
  const rows: CsvCell[][] = [];
  const indicators = t("reports.section.indicators");
  for (const figure of report.figures) {
    rows.push([indicators, figure.name, ...figureCells(figure, t), ""]);
  }
  const byDivision = t("dashboard.byDivision");
  for (const division of report.byDivision) {
    rows.push([byDivision, division.name, csvNumber(division.percent), csvNumber(report.lg1Target), "", division.numerator, division.denominator, null, null, ""]);
  }
  const movement = t("reports.section.movement");
  for (const kind of MOVEMENT_KINDS) rows.push([movement, t(`reports.movement.${kind}`), report.movement[kind].count, "", "", ...noFigures, ""]);
  const stageMoves = t("reports.movement.stageMoves");
  for (const move of report.movement.stageMoves) rows.push([stageMoves, t(`reports.movement.to`, { stage: t(`stage.${move.toStage}` as MessageKey) }), move.count, "", "", ...noFigures, ""]);
  for (const kind of MOVEMENT_KINDS) {
    const section = t(`reports.movement.${kind}`);
    for (const item of report.movement[kind].items) {
      rows.push([section, item.title, item.attendees ?? "", "", "", ...noFigures, item.date === "" ? "" : calendarDate(item.date)]);
    }
  }
  for (const paragraph of report.problems) rows.push([t("reports.texts.problems"), paragraph, "", "", "", ...noFigures, ""]);
  for (const paragraph of report.nextSteps) rows.push([t("reports.texts.nextSteps"), paragraph, "", "", "", ...noFigures, ""]);
  return { header, rows };
}

/** `fiscalYear` as the reader counts years (BE in Thai, CE in English): a number, so Excel keeps it one. */
export type HistoryCsvYear = { fiscalYear: number; closed: boolean; figures: CsvFigure[] };

/** Every indicator × every plan year, one row each. */
export function indicatorHistoryCsv(years: HistoryCsvYear[], t: Translate): CsvTable {
  const header = [t("reports.csv.code"), t("reports.csv.indicator"), t("dashboard.year"), ...figureHeader(t), t("reports.csv.closed")];
  const rows: CsvCell[][] = [];
  for (const year of years) {
    for (const figure of year.figures) {
      rows.push([figure.code, figure.name, year.fiscalYear, ...figureCells(figure, t), year.closed ? t("reports.csv.yes") : t("reports.csv.no")]);
    }
  }
  return { header, rows };
}

export type PeopleCsvRow = {
  employeeCode: string;
  /** The person's name in the file's language (personDisplayName). */
  name: string;
  divisionName: string | null;
  participant: boolean;
  countedIdeas: number;
  comments: number;
  trainingSessions: number;
  ideas: { title: string }[];
};

/** Who was in the year's population and what they did (counted people first, as on the page). */
export function participationPeopleCsv(rows: PeopleCsvRow[], t: Translate): CsvTable {
  return {
    header: [
      t("roster.code"),
      t("dashboard.drill.name"),
      t("dashboard.division"),
      t("reports.csv.counted"),
      t("reports.csv.countedIdeas"),
      t("dashboard.contributions.comments"),
      t("dashboard.contributions.training"),
      t("reports.csv.ideaTitles"),
    ],
    rows: rows.map((row) => [
      row.employeeCode,
      row.name,
      row.divisionName ?? "",
      row.participant ? t("reports.csv.yes") : t("reports.csv.no"),
      row.countedIdeas,
      row.comments,
      row.trainingSessions,
      row.ideas.map((idea) => idea.title).join("; "),
    ]),
  };
}
