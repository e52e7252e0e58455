import { dateRangesOverlap, fiscalYearBounds, fiscalYearDates, fiscalYearOfDate, type FiscalCalendar } from "./fiscal-year";
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
): ParticipationResult {
  const { start, end } = fiscalYearBounds(fiscalYearBE, calendar);
  const { firstDay, lastDay } = fiscalYearDates(fiscalYearBE, calendar);
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
    if (fiscalYearOfDate(attendance.sessionStartDate, calendar) === fiscalYearBE) {
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
