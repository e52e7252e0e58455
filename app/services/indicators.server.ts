import { and, asc, between, count, eq, gte, inArray, ne, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import {
  actionPlanActivities,
  divisions,
  fiscalYearSettings,
  ideaAuthors,
  ideas,
  indicatorSnapshots,
  innovations,
  lpaScores,
  people as peopleTable,
  projects,
} from "../../db/schema";
import { sortByThaiName } from "../i18n/format";
import { fiscalYearBounds, fiscalYearRange } from "../domain/fiscal-year";
import type { IdeaStage } from "../domain/idea-stages";
import { actionPlanCompletion, elapsedShare, indicatorStatus, yearPhase, type IndicatorStatus, type YearPhase } from "../domain/indicator-status";
import { participantsNeeded, projectedPercentAtYearEnd } from "../domain/participation";
import { DEFAULT_PARTICIPATION_RULE, parseParticipationRule, type ParticipationRule } from "../domain/participation-rule";
import { getParticipationRule, participationCounts, participationRows, type ParticipationRow } from "../models/participation.server";
import { listIndicatorsWithTargets, type IndicatorWithTargets } from "../models/plan.server";
import { getAppSettings, type PlanPeriod } from "../models/settings.server";

export type IndicatorFigure = {
  code: string;
  nameTh: string;
  nameEn: string;
  unit: "percent" | "count" | "score";
  /** The figure compared with the target (per year or cumulative for counts, as set). */
  value: number | null;
  target: number | null;
  status: IndicatorStatus;
  numerator: number | null;
  denominator: number | null;
  /** Counts: both numbers are always shown. */
  perYear: number | null;
  cumulative: number | null;
  countMode: "per_year" | "cumulative" | null;
  /** LPA: last year's score, the bar to pass. */
  previousValue: number | null;
  /** Running year: where the current pace lands at year end. */
  projected: number | null;
};

export type DivisionParticipation = { divisionId: number | null; nameTh: string; nameEn: string; numerator: number; denominator: number; percent: number | null };

export type YearIndicators = {
  fiscalYearBE: number;
  phase: YearPhase;
  closed: boolean;
  rule: ParticipationRule;
  figures: IndicatorFigure[];
  participation: {
    numerator: number;
    denominator: number;
    percent: number | null;
    target: number | null;
    needed: number | null;
    projectedPercent: number | null;
    contributorsByKind: { ideas: number; comments: number; training: number };
    trainingCoverage: number | null;
  };
  byDivision: DivisionParticipation[];
  funnel: { stage: IdeaStage; count: number }[];
};

async function divisionNames(db: Database) {
  const rows = await db.select({ id: divisions.id, nameTh: divisions.nameTh, nameEn: divisions.nameEn }).from(divisions).orderBy(asc(divisions.sortOrder));
  return new Map(rows.map((row) => [row.id, row]));
}

function percentOf(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : (numerator / denominator) * 100;
}

async function countByYear(db: Database, table: typeof projects | typeof innovations, plan: PlanPeriod, fiscalYearBE: number) {
  const notCancelled = table === projects ? ne(projects.status, "cancelled") : undefined;
  const [perYear] = await db.select({ n: count() }).from(table).where(and(eq(table.fiscalYear, fiscalYearBE), notCancelled));
  const [cumulative] = await db
    .select({ n: count() })
    .from(table)
    .where(and(between(table.fiscalYear, plan.firstFiscalYearBE, fiscalYearBE), notCancelled));
  return { perYear: Number(perYear.n), cumulative: Number(cumulative.n) };
}

/**
 * Every indicator of the plan for one fiscal year, against its target. A closed year shows its
 * snapshot, never a recomputation. `divisionId` narrows participation to one division (the
 * director's view); the other indicators are organisation-wide.
 */
export async function yearIndicators(
  db: Database,
  fiscalYearBE: number,
  options: { now?: Date; divisionId?: number } = {},
): Promise<YearIndicators> {
  const now = options.now ?? new Date();
  const [settings, [yearSetting], rule, indicatorList, namesById] = await Promise.all([
    getAppSettings(db),
    db.select().from(fiscalYearSettings).where(eq(fiscalYearSettings.fiscalYear, fiscalYearBE)),
    getParticipationRule(db, fiscalYearBE),
    listIndicatorsWithTargets(db),
    divisionNames(db),
  ]);
  const calendar = settings.fiscalCalendar;
  const bounds = fiscalYearBounds(fiscalYearBE, calendar);
  const phase = yearPhase(bounds, now);
  const closed = Boolean(yearSetting?.closedAt);
  const snapshots = closed ? await db.select().from(indicatorSnapshots).where(eq(indicatorSnapshots.fiscalYear, fiscalYearBE)) : [];
  const snapshotOf = (code: string) => snapshots.find((snapshot) => snapshot.indicatorCode === code);

  const { start, end } = bounds;
  const [rows, funnelRows] = await Promise.all([
    closed
      ? Promise.resolve((snapshotOf("LG1")?.details as { rows?: ParticipationRow[] } | undefined)?.rows ?? [])
      : participationRows(db, fiscalYearBE, rule, calendar),
    db
      .select({ stage: ideas.stage, n: count() })
      .from(ideas)
      .where(and(gte(ideas.submittedAt, start), sql`${ideas.submittedAt} < ${end.toISOString()}::timestamptz`))
      .groupBy(ideas.stage),
  ]);
  const scopedRows = options.divisionId === undefined ? rows : rows.filter((row) => row.divisionId === options.divisionId);
  const numerator = scopedRows.filter((row) => row.participant).length;
  const denominator = scopedRows.length;
  const lg1 = indicatorList.find((indicator) => indicator.code === "LG1");
  const lg1Target = lg1?.targets[fiscalYearBE] ?? null;
  const participationPercent = percentOf(numerator, denominator);
  const projectedPercent = phase === "running" ? projectedPercentAtYearEnd(numerator, denominator, bounds, now) : null;

  const figures = await Promise.all(
    indicatorList.map((indicator) =>
      figureFor(db, indicator, {
        fiscalYearBE,
        phase,
        elapsed: elapsedShare(bounds, now),
        plan: settings.planPeriod,
        participation: { numerator, denominator, percent: participationPercent, projected: projectedPercent },
        snapshot: snapshotOf(indicator.code),
      }),
    ),
  );

  const byDivisionMap = new Map<number | null, DivisionParticipation>();
  for (const row of scopedRows) {
    const division = row.divisionId === null ? undefined : namesById.get(row.divisionId);
    const key = row.divisionId;
    const entry = byDivisionMap.get(key) ?? { divisionId: key, nameTh: division?.nameTh ?? "–", nameEn: division?.nameEn ?? "–", numerator: 0, denominator: 0, percent: null };
    entry.denominator += 1;
    if (row.participant) entry.numerator += 1;
    byDivisionMap.set(key, entry);
  }
  const order = [...namesById.keys()];
  const byDivision = [...byDivisionMap.values()]
    .sort((a, b) => (a.divisionId === null ? 1 : b.divisionId === null ? -1 : order.indexOf(a.divisionId) - order.indexOf(b.divisionId)))
    .map((entry) => ({ ...entry, percent: percentOf(entry.numerator, entry.denominator) }));

  return {
    fiscalYearBE,
    phase,
    closed,
    rule,
    figures,
    participation: {
      numerator,
      denominator,
      percent: participationPercent,
      target: lg1Target,
      needed: lg1Target === null || phase === "past" ? null : participantsNeeded(lg1Target, numerator, denominator),
      projectedPercent,
      contributorsByKind: {
        ideas: scopedRows.filter((row) => row.countedIdeas > 0).length,
        comments: scopedRows.filter((row) => row.comments > 0).length,
        training: scopedRows.filter((row) => row.trainingSessions > 0).length,
      },
      trainingCoverage: percentOf(scopedRows.filter((row) => row.trainingSessions > 0).length, denominator),
    },
    byDivision,
    funnel: funnelRows.map((row) => ({ stage: row.stage, count: Number(row.n) })),
  };
}

async function figureFor(
  db: Database,
  indicator: IndicatorWithTargets,
  context: {
    fiscalYearBE: number;
    phase: YearPhase;
    elapsed: number;
    plan: PlanPeriod;
    participation: { numerator: number; denominator: number; percent: number | null; projected: number | null };
    snapshot: typeof indicatorSnapshots.$inferSelect | undefined;
  },
): Promise<IndicatorFigure> {
  const target = indicator.targets[context.fiscalYearBE] ?? null;
  const base = {
    code: indicator.code,
    nameTh: indicator.nameTh,
    nameEn: indicator.nameEn,
    unit: indicator.unit,
    countMode: indicator.countMode,
    numerator: null,
    denominator: null,
    perYear: null,
    cumulative: null,
    previousValue: null,
    projected: null,
  };
  if (context.snapshot) {
    const details = (context.snapshot.details ?? {}) as Partial<IndicatorFigure>;
    const value = context.snapshot.value;
    return {
      ...base,
      ...details,
      value,
      target,
      numerator: context.snapshot.numerator,
      denominator: context.snapshot.denominator,
      status: indicatorStatus({ phase: "past", value, target: details.previousValue ?? target, comparison: indicator.comparison === "above_previous" ? "above" : "at_least" }),
    };
  }
  switch (indicator.code) {
    case "LG1": {
      const { numerator, denominator, percent, projected } = context.participation;
      return { ...base, value: percent, target, numerator, denominator, projected, status: indicatorStatus({ phase: context.phase, value: percent, target, projected }) };
    }
    case "INNOVATION_PROJECTS":
    case "INNOVATIONS": {
      const counts = await countByYear(db, indicator.code === "INNOVATIONS" ? innovations : projects, context.plan, context.fiscalYearBE);
      const cumulativeMode = indicator.countMode !== "per_year";
      const value = cumulativeMode ? counts.cumulative : counts.perYear;
      const projectedPerYear = context.elapsed > 0 ? counts.perYear / context.elapsed : null;
      const projected = projectedPerYear === null ? null : cumulativeMode ? counts.cumulative - counts.perYear + projectedPerYear : projectedPerYear;
      return { ...base, value, target, perYear: counts.perYear, cumulative: counts.cumulative, projected, status: indicatorStatus({ phase: context.phase, value, target, projected }) };
    }
    case "ACTION_PLAN": {
      const rows = await db.select({ status: actionPlanActivities.status }).from(actionPlanActivities).where(eq(actionPlanActivities.fiscalYear, context.fiscalYearBE));
      const completion = actionPlanCompletion(rows.map((row) => row.status));
      // On track while done keeps pace with the share of the year gone.
      const projected = completion.percent !== null && context.elapsed > 0 ? Math.min(100, completion.percent / context.elapsed) : null;
      return { ...base, value: completion.percent, target, numerator: completion.done, denominator: completion.counted, projected, status: indicatorStatus({ phase: context.phase, value: completion.percent, target, projected }) };
    }
    case "LPA": {
      const scores = await db.select().from(lpaScores).where(or(eq(lpaScores.fiscalYear, context.fiscalYearBE), eq(lpaScores.fiscalYear, context.fiscalYearBE - 1)));
      const value = scores.find((row) => row.fiscalYear === context.fiscalYearBE)?.score ?? null;
      const previousValue = scores.find((row) => row.fiscalYear === context.fiscalYearBE - 1)?.score ?? null;
      // The plan's bar: above last year's score (and at least the stated target where there is one).
      const bar = Math.max(previousValue ?? -Infinity, target ?? -Infinity);
      const effectiveTarget = Number.isFinite(bar) ? bar : null;
      return {
        ...base,
        value,
        target: effectiveTarget,
        previousValue,
        status: indicatorStatus({ phase: value === null ? context.phase : "past", value, target: effectiveTarget, comparison: "above" }),
      };
    }
    default:
      return { ...base, value: null, target, status: "no_data" };
  }
}

export type TrendRow = {
  fiscalYearBE: number;
  lg1: { value: number | null; target: number | null };
  projects: { value: number | null; target: number | null };
  innovations: { value: number | null; target: number | null };
};

/**
 * LG1 and the cumulative counts for every year of the plan, for the trend charts and tables:
 * the two LG1 numbers aggregated in the database (or a closed year's snapshot), years in parallel.
 */
export async function planTrend(db: Database, options: { now?: Date } = {}): Promise<TrendRow[]> {
  const now = options.now ?? new Date();
  const [settings, indicatorList, yearSettings, snapshots] = await Promise.all([
    getAppSettings(db),
    listIndicatorsWithTargets(db),
    db.select().from(fiscalYearSettings),
    db.select().from(indicatorSnapshots),
  ]);
  const plan = settings.planPeriod;
  const targetOf = (code: string, fiscalYearBE: number) => indicatorList.find((indicator) => indicator.code === code)?.targets[fiscalYearBE] ?? null;
  return Promise.all(
    fiscalYearRange(plan.firstFiscalYearBE, plan.lastFiscalYearBE).map(async (fiscalYearBE): Promise<TrendRow> => {
      const future = yearPhase(fiscalYearBounds(fiscalYearBE, settings.fiscalCalendar), now) === "future";
      const setting = yearSettings.find((row) => row.fiscalYear === fiscalYearBE);
      const snapshot = (code: string) => snapshots.find((row) => row.fiscalYear === fiscalYearBE && row.indicatorCode === code);
      let lg1: number | null = null;
      let projectsCumulative: number | null = null;
      let innovationsCumulative: number | null = null;
      if (!future && setting?.closedAt) {
        lg1 = snapshot("LG1")?.value ?? null;
        projectsCumulative = (snapshot("INNOVATION_PROJECTS")?.details as { cumulative?: number } | undefined)?.cumulative ?? null;
        innovationsCumulative = (snapshot("INNOVATIONS")?.details as { cumulative?: number } | undefined)?.cumulative ?? null;
      } else if (!future) {
        const rule = setting ? parseParticipationRule(setting.participationRule) : DEFAULT_PARTICIPATION_RULE;
        const [counts, projectCounts, innovationCounts] = await Promise.all([
          participationCounts(db, fiscalYearBE, rule, settings.fiscalCalendar),
          countByYear(db, projects, plan, fiscalYearBE),
          countByYear(db, innovations, plan, fiscalYearBE),
        ]);
        lg1 = percentOf(counts.numerator, counts.denominator);
        projectsCumulative = projectCounts.cumulative;
        innovationsCumulative = innovationCounts.cumulative;
      }
      return {
        fiscalYearBE,
        lg1: { value: lg1, target: targetOf("LG1", fiscalYearBE) },
        projects: { value: projectsCumulative, target: targetOf("INNOVATION_PROJECTS", fiscalYearBE) },
        innovations: { value: innovationsCumulative, target: targetOf("INNOVATIONS", fiscalYearBE) },
      };
    }),
  );
}

export type ParticipantDetail = ParticipationRow & {
  employeeCode: string;
  nameTh: string;
  divisionId: number | null;
  divisionNameTh: string | null;
  divisionNameEn: string | null;
  ideas: { id: number; title: string }[];
};

/** Drill-down: everyone in the year's population with what they contributed, Thai name order. */
export async function participationDetails(
  db: Database,
  fiscalYearBE: number,
  options: { divisionId?: number } = {},
): Promise<{ counted: ParticipantDetail[]; notCounted: ParticipantDetail[] }> {
  const settings = await getAppSettings(db);
  const calendar = settings.fiscalCalendar;
  const year = await yearIndicators(db, fiscalYearBE, {});
  const rows = year.closed
    ? ((await db.select().from(indicatorSnapshots).where(and(eq(indicatorSnapshots.fiscalYear, fiscalYearBE), eq(indicatorSnapshots.indicatorCode, "LG1"))))[0]?.details as { rows?: ParticipationRow[] } | undefined)?.rows ?? []
    : await participationRows(db, fiscalYearBE, year.rule, calendar);
  const namesById = await divisionNames(db);
  const scoped = options.divisionId === undefined ? rows : rows.filter((row) => row.divisionId === options.divisionId);
  const personIds = scoped.map((row) => row.personId);
  if (personIds.length === 0) return { counted: [], notCounted: [] };
  const { start, end } = fiscalYearBounds(fiscalYearBE, calendar);
  const [names, ideaRows] = await Promise.all([
    db.select({ id: peopleTable.id, code: peopleTable.employeeCode, prefixTh: peopleTable.prefixTh, firstNameTh: peopleTable.firstNameTh, lastNameTh: peopleTable.lastNameTh }).from(peopleTable).where(inArray(peopleTable.id, personIds)),
    db
      .select({ personId: ideaAuthors.personId, id: ideas.id, title: ideas.title, stage: ideas.stage })
      .from(ideaAuthors)
      .innerJoin(ideas, eq(ideas.id, ideaAuthors.ideaId))
      .where(and(inArray(ideaAuthors.personId, personIds), gte(ideas.submittedAt, start), sql`${ideas.submittedAt} < ${end.toISOString()}::timestamptz`, ne(ideas.stage, "withdrawn"))),
  ]);
  const nameById = new Map(names.map((row) => [row.id, row]));
  const details = scoped.map((row) => {
    const person = nameById.get(row.personId);
    const division = row.divisionId === null ? undefined : namesById.get(row.divisionId);
    return {
      ...row,
      employeeCode: person?.code ?? "",
      nameTh: person ? `${person.prefixTh}${person.firstNameTh} ${person.lastNameTh}` : "",
      sortName: person ? `${person.firstNameTh} ${person.lastNameTh}` : "",
      divisionNameTh: division?.nameTh ?? null,
      divisionNameEn: division?.nameEn ?? null,
      ideas: row.countedIdeas > 0 ? ideaRows.filter((idea) => idea.personId === row.personId).map(({ id, title }) => ({ id, title })) : [],
    };
  });
  const sorted = sortByThaiName(details, (detail) => detail.sortName).map(({ sortName: _sortName, ...detail }) => detail);
  return { counted: sorted.filter((detail) => detail.participant), notCounted: sorted.filter((detail) => !detail.participant) };
}
