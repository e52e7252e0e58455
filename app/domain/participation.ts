import { calendarDateIn } from "./calendar-date";
import { dateRangesOverlap, fiscalYearBounds, fiscalYearDates, type CalendarDateBounds, type FiscalCalendar, type InstantBounds } from "./fiscal-year";
import type { IdeaStage } from "./idea-stages";
import type { ParticipationRule } from "./participation-rule";

/**
 * Indicator LG1 (PRODUCT.md §6): participants ÷ population × 100 for one fiscal year.
 *
 * - population: internal staff whose employment overlaps the fiscal year, in the categories
 *   the year's rule counts (all by default);
 * - participants: people in the population who authored or co-authored at least one idea
 *   submitted in that year that was not withdrawn and (when the rule says so) not rejected at
 *   screening; plus, when the year's rule turns them on, people who commented or attended
 *   training in that year.
 *
 * This is the one definition; the SQL in app/models/participation.server.ts must agree with it
 * (tests compare the two on random data).
 */
export type ParticipationPerson = {
  personId: number;
  categoryCode: string;
  employment: { start: string; end: string | null }[];
};

export type ParticipationIdea = {
  ideaId: number;
  submittedAt: Date;
  stage: IdeaStage;
  /** Not adopted straight from screening: "rejected at screening as not useful". */
  rejectedAtScreening: boolean;
  authorPersonIds: number[];
};

export type ParticipationData = {
  people: ParticipationPerson[];
  ideas: ParticipationIdea[];
  comments: { personId: number; createdAt: Date }[];
  trainingAttendance: { personId: number; sessionStartDate: string }[];
};

export type Contribution = { ideaIds: number[]; comments: number; trainingSessions: number };

export type ParticipationResult = {
  fiscalYearBE: number;
  /** People counted in the denominator, ascending ids. */
  populationIds: number[];
  /** People counted in the numerator, ascending ids. */
  participantIds: number[];
  numerator: number;
  denominator: number;
  /** Percent with full precision; null when nobody is in the population. */
  percent: number | null;
  /** What each person in the population did this year (zeroes included), for drill-down. */
  contributions: Map<number, Contribution>;
  /** How many people in the population made each kind of contribution (shown beside LG1). */
  contributorsByKind: { ideas: number; comments: number; training: number };
};

/**
 * The part of a fiscal year the figures cover: the whole year, or — for a year still under way
 * and a report taken at a quarter's end — the year up to `asOf` (exclusive instant). Employment
 * counts up to the last calendar day before `asOf`, so the figure for Q1 is the same on the day
 * it is printed and a year later. Outside (start, end) the whole year is used.
 */
export type ParticipationWindow = InstantBounds & CalendarDateBounds;

export function participationWindow(fiscalYearBE: number, calendar: FiscalCalendar, asOf?: Date): ParticipationWindow {
  const bounds = fiscalYearBounds(fiscalYearBE, calendar);
  const dates = fiscalYearDates(fiscalYearBE, calendar);
  if (!asOf || asOf <= bounds.start || asOf >= bounds.end) return { ...bounds, ...dates };
  return { start: bounds.start, end: asOf, firstDay: dates.firstDay, lastDay: calendarDateIn(new Date(asOf.getTime() - 1), calendar.timeZone) };
}

/** Does this idea count for participation in the year it was submitted? */
export function ideaCounts(idea: Pick<ParticipationIdea, "stage" | "rejectedAtScreening">, rule: ParticipationRule): boolean {
  if (idea.stage === "withdrawn") return false;
  if (rule.excludeRejectedAtScreening && idea.rejectedAtScreening) return false;
  return true;
}

export function computeParticipation(
  data: ParticipationData,
  fiscalYearBE: number,
  rule: ParticipationRule,
  calendar: FiscalCalendar,
  asOf?: Date,
): ParticipationResult {
  const { start, end, firstDay, lastDay } = participationWindow(fiscalYearBE, calendar, asOf);
  const inYear = (instant: Date) => instant >= start && instant < end;
  const countedCategories = rule.countedCategoryCodes === null ? null : new Set(rule.countedCategoryCodes);

  const population = new Set(
    data.people
      .filter((person) => countedCategories === null || countedCategories.has(person.categoryCode))
      .filter((person) => person.employment.some((period) => dateRangesOverlap(period, { start: firstDay, end: lastDay })))
      .map((person) => person.personId),
  );

  const contributions = new Map<number, Contribution>([...population].map((id) => [id, { ideaIds: [], comments: 0, trainingSessions: 0 }]));
  for (const idea of data.ideas) {
    if (!inYear(idea.submittedAt) || !ideaCounts(idea, rule)) continue;
    // A team idea counts once for every author; an author with two ideas is still one person.
    for (const personId of new Set(idea.authorPersonIds)) contributions.get(personId)?.ideaIds.push(idea.ideaId);
  }
  for (const comment of data.comments) {
    if (inYear(comment.createdAt)) {
      const contribution = contributions.get(comment.personId);
      if (contribution) contribution.comments += 1;
    }
  }
  for (const attendance of data.trainingAttendance) {
    if (attendance.sessionStartDate >= firstDay && attendance.sessionStartDate <= lastDay) {
      const contribution = contributions.get(attendance.personId);
      if (contribution) contribution.trainingSessions += 1;
    }
  }

  const participantIds = [...contributions.entries()]
    .filter(
      ([, contribution]) =>
        contribution.ideaIds.length > 0 ||
        (rule.countComments && contribution.comments > 0) ||
        (rule.countTrainingAttendance && contribution.trainingSessions > 0),
    )
    .map(([personId]) => personId)
    .sort((a, b) => a - b);
  const denominator = population.size;
  const numerator = participantIds.length;
  const all = [...contributions.values()];
  return {
    fiscalYearBE,
    populationIds: [...population].sort((a, b) => a - b),
    participantIds,
    numerator,
    denominator,
    percent: denominator === 0 ? null : (numerator / denominator) * 100,
    contributions,
    contributorsByKind: {
      ideas: all.filter((contribution) => contribution.ideaIds.length > 0).length,
      comments: all.filter((contribution) => contribution.comments > 0).length,
      training: all.filter((contribution) => contribution.trainingSessions > 0).length,
    },
  };
}

/** LG1's figures for one division (null: people with no division during the year). */
export type DivisionParticipationCounts = {
  divisionId: number | null;
  population: number;
  participants: number;
  withIdeas: number;
  withComments: number;
  withTraining: number;
};

/** Per-person rows (a closed year's snapshot) summed per division, divisions in id order, null last. */
export function summariseParticipationRows(
  rows: readonly { divisionId: number | null; participant: boolean; countedIdeas: number; comments: number; trainingSessions: number }[],
): DivisionParticipationCounts[] {
  const byDivision = new Map<number | null, DivisionParticipationCounts>();
  for (const row of rows) {
    const entry = byDivision.get(row.divisionId) ?? { divisionId: row.divisionId, population: 0, participants: 0, withIdeas: 0, withComments: 0, withTraining: 0 };
    entry.population += 1;
    if (row.participant) entry.participants += 1;
    if (row.countedIdeas > 0) entry.withIdeas += 1;
    if (row.comments > 0) entry.withComments += 1;
    if (row.trainingSessions > 0) entry.withTraining += 1;
    byDivision.set(row.divisionId, entry);
  }
  return [...byDivision.values()].sort((a, b) => (a.divisionId === null ? 1 : b.divisionId === null ? -1 : a.divisionId - b.divisionId));
}

/** For the running year: participants still needed to reach the target (never negative). */
export function participantsNeeded(targetPercent: number, numerator: number, denominator: number): number {
  return Math.max(0, Math.ceil((targetPercent / 100) * denominator - 1e-9) - numerator);
}

/**
 * Where the current pace lands at the year's end: participants so far scaled by the share of
 * the year gone, capped at the population. Null before the year starts or with no population.
 */
export function projectedPercentAtYearEnd(
  numerator: number,
  denominator: number,
  bounds: { start: Date; end: Date },
  now: Date,
): number | null {
  if (denominator === 0 || now <= bounds.start) return null;
  const elapsed = Math.min(1, (now.getTime() - bounds.start.getTime()) / (bounds.end.getTime() - bounds.start.getTime()));
  return (Math.min(denominator, numerator / elapsed) / denominator) * 100;
}
