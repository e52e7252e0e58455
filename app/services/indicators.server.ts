import { and, asc, count, eq, getTableColumns, gte, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
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
import { personNameEn, personNameTh } from "../models/people-sql.server";
import { yearAndCumulative } from "../domain/cumulative-counts";
import { fiscalYearBounds, fiscalYearRange } from "../domain/fiscal-year";
import type { IdeaStage } from "../domain/idea-stages";
import { actionPlanCompletion, elapsedShare, indicatorStatus, yearPhase, type IndicatorStatus, type YearPhase } from "../domain/indicator-status";
import { participantsNeeded, participationWindow, projectedPercentAtYearEnd, summariseParticipationRows, type DivisionParticipationCounts } from "../domain/participation";
import { DEFAULT_PARTICIPATION_RULE, parseParticipationRule, type ParticipationRule } from "../domain/participation-rule";
import { ideaFunnel, openYearFigures, type OpenYearFigures } from "../models/open-year-figures.server";
import { getParticipationRule, participationRows, participationSummary, type ParticipationRow } from "../models/participation.server";
import { listIndicatorsWithTargets, type IndicatorWithTargets } from "../models/plan.server";
import { getAppSettings, type AppSettings, type PlanPeriod } from "../models/settings.server";

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

/** Numeric columns come back as strings from postgres.js. */
function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function percentOf(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : (numerator / denominator) * 100;
}

/** Projects (not cancelled) or innovations per fiscal year: one grouped query for every year. */
async function countsPerYear(db: Database, table: typeof projects | typeof innovations): Promise<Map<number, number>> {
  const notCancelled = table === projects ? ne(projects.status, "cancelled") : undefined;
  const rows = await db
    .select({ fiscalYear: table.fiscalYear, n: count() })
    .from(table)
    .where(and(isNotNull(table.fiscalYear), notCancelled))
    .groupBy(table.fiscalYear);
  return new Map(rows.map((row) => [Number(row.fiscalYear), Number(row.n)]));
}

/** The counts closed years showed when they were closed (their snapshots), by fiscal year. */
async function closedYearCounts(db: Database, code: "INNOVATION_PROJECTS" | "INNOVATIONS"): Promise<Map<number, number>> {
  const rows = await db
    .select({ fiscalYear: indicatorSnapshots.fiscalYear, perYear: sql<number | null>`(${indicatorSnapshots.details} ->> 'perYear')::numeric` })
    .from(indicatorSnapshots)
    .innerJoin(fiscalYearSettings, eq(fiscalYearSettings.fiscalYear, indicatorSnapshots.fiscalYear))
    .where(and(eq(indicatorSnapshots.indicatorCode, code), isNotNull(fiscalYearSettings.closedAt)));
  return new Map(rows.filter((row) => row.perYear !== null).map((row) => [Number(row.fiscalYear), Number(row.perYear)]));
}

async function countByYear(db: Database, code: "INNOVATION_PROJECTS" | "INNOVATIONS", plan: PlanPeriod, fiscalYearBE: number) {
  const [live, closed] = await Promise.all([countsPerYear(db, code === "INNOVATIONS" ? innovations : projects), closedYearCounts(db, code)]);
  return yearAndCumulative(live, closed, plan.firstFiscalYearBE, fiscalYearBE);
}

/** What every indicator view reads first; a page showing several views reads it once. */
export type IndicatorContext = { settings: AppSettings; indicatorList: IndicatorWithTargets[] };

export async function loadIndicatorContext(db: Database): Promise<IndicatorContext> {
  const [settings, indicatorList] = await Promise.all([getAppSettings(db), listIndicatorsWithTargets(db)]);
  return { settings, indicatorList };
}

/**
 * Every indicator of the plan for one fiscal year, against its target. A closed year shows its
 * snapshot, never a recomputation. `divisionId` narrows participation to one division (the
 * director's view); the other indicators are organisation-wide. Figures of a year under way
 * are taken as of `now` (a quarterly report passes its quarter's end).
 */
export async function yearIndicators(
  db: Database,
  fiscalYearBE: number,
  options: { now?: Date; divisionId?: number; context?: IndicatorContext } = {},
): Promise<YearIndicators> {
  const now = options.now ?? new Date();
  const [{ settings, indicatorList }, [yearSetting], rule, namesById] = await Promise.all([
    options.context ?? loadIndicatorContext(db),
    db.select().from(fiscalYearSettings).where(eq(fiscalYearSettings.fiscalYear, fiscalYearBE)),
    getParticipationRule(db, fiscalYearBE),
    divisionNames(db),
  ]);
  const calendar = settings.fiscalCalendar;
  const bounds = fiscalYearBounds(fiscalYearBE, calendar);
  const phase = yearPhase(bounds, now);
  const closed = Boolean(yearSetting?.closedAt);
  const { people: _people, ...snapshotColumns } = getTableColumns(indicatorSnapshots);
  const snapshots: IndicatorSnapshot[] = closed
    ? await db.select(snapshotColumns).from(indicatorSnapshots).where(eq(indicatorSnapshots.fiscalYear, fiscalYearBE))
    : [];
  const snapshotOf = (code: string) => snapshots.find((snapshot) => snapshot.indicatorCode === code);

  const { divisions: divisionCounts, funnel } = await (closed
    ? closedYearFigures(db, fiscalYearBE, snapshotOf("LG1"), bounds.start, now < bounds.end ? now : bounds.end)
    : now > bounds.start
      ? openYearFigures(db, fiscalYearBE, rule, calendar, now)
      : // Not begun: the population planned for the whole year, and no idea submitted in it yet.
        participationSummary(db, fiscalYearBE, rule, calendar, now).then((divisions) => ({ divisions, funnel: [] })));
  const scoped = options.divisionId === undefined ? divisionCounts : divisionCounts.filter((entry) => entry.divisionId === options.divisionId);
  const total = (pick: (entry: DivisionParticipationCounts) => number) => scoped.reduce((sum, entry) => sum + pick(entry), 0);
  const numerator = total((entry) => entry.participants);
  const denominator = total((entry) => entry.population);
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

  // Divisions in the organisation's order; people with no division during the year last.
  const order = [...namesById.keys()];
  const byDivision = [...scoped]
    .sort((a, b) => (a.divisionId === null ? 1 : b.divisionId === null ? -1 : order.indexOf(a.divisionId) - order.indexOf(b.divisionId)))
    .map((entry): DivisionParticipation => {
      const division = entry.divisionId === null ? undefined : namesById.get(entry.divisionId);
      return {
        divisionId: entry.divisionId,
        nameTh: division?.nameTh ?? "–",
        nameEn: division?.nameEn ?? "–",
        numerator: entry.participants,
        denominator: entry.population,
        percent: percentOf(entry.participants, entry.population),
      };
    });

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
        ideas: total((entry) => entry.withIdeas),
        comments: total((entry) => entry.withComments),
        training: total((entry) => entry.withTraining),
      },
      trainingCoverage: percentOf(total((entry) => entry.withTraining), denominator),
    },
    byDivision,
    funnel,
  };
}

type IndicatorSnapshot = Omit<typeof indicatorSnapshots.$inferSelect, "people">;

async function closedYearFigures(db: Database, fiscalYearBE: number, lg1: IndicatorSnapshot | undefined, start: Date, end: Date): Promise<OpenYearFigures> {
  const [divisions, funnel] = await Promise.all([closedDivisionCounts(db, fiscalYearBE, lg1), ideaFunnel(db, start, end)]);
  return { divisions, funnel };
}

/** LG1 per division from a closed year's snapshot (closed before the sums were stored: from its people). */
async function closedDivisionCounts(db: Database, fiscalYearBE: number, lg1: IndicatorSnapshot | undefined): Promise<DivisionParticipationCounts[]> {
  const stored = (lg1?.details as { divisions?: DivisionParticipationCounts[] } | undefined)?.divisions;
  return stored ?? summariseParticipationRows(await snapshotPeople(db, fiscalYearBE));
}

/** The people behind a closed year's LG1 (drill-down). */
async function snapshotPeople(db: Database, fiscalYearBE: number): Promise<ParticipationRow[]> {
  const [row] = await db
    .select({ people: indicatorSnapshots.people })
    .from(indicatorSnapshots)
    .where(and(eq(indicatorSnapshots.fiscalYear, fiscalYearBE), eq(indicatorSnapshots.indicatorCode, "LG1")));
  return (row?.people as ParticipationRow[] | null | undefined) ?? [];
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
    snapshot: IndicatorSnapshot | undefined;
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
      // Only the figure's own fields: details also holds LG1's per-division sums.
      perYear: details.perYear ?? null,
      cumulative: details.cumulative ?? null,
      countMode: details.countMode ?? base.countMode,
      previousValue: details.previousValue ?? null,
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
      const counts = await countByYear(db, indicator.code, context.plan, context.fiscalYearBE);
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
export async function planTrend(
  db: Database,
  options: { now?: Date; context?: IndicatorContext; /** A year the caller already computed (organisation-wide), not computed again. */ known?: YearIndicators } = {},
): Promise<TrendRow[]> {
  const now = options.now ?? new Date();
  const [{ settings, indicatorList }, yearSettings, snapshots, projectsPerYear, innovationsPerYear, projectsClosed, innovationsClosed] = await Promise.all([
    options.context ?? loadIndicatorContext(db),
    db.select().from(fiscalYearSettings),
    // Only what the trend shows: never the people behind LG1.
    db
      .select({
        fiscalYear: indicatorSnapshots.fiscalYear,
        indicatorCode: indicatorSnapshots.indicatorCode,
        value: indicatorSnapshots.value,
        cumulative: sql<number | null>`(${indicatorSnapshots.details} ->> 'cumulative')::numeric`,
      })
      .from(indicatorSnapshots),
    countsPerYear(db, projects),
    countsPerYear(db, innovations),
    closedYearCounts(db, "INNOVATION_PROJECTS"),
    closedYearCounts(db, "INNOVATIONS"),
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
      const known = options.known?.fiscalYearBE === fiscalYearBE ? options.known : undefined;
      if (known && !future) {
        lg1 = known.participation.percent;
        projectsCumulative = known.figures.find((figure) => figure.code === "INNOVATION_PROJECTS")?.cumulative ?? null;
        innovationsCumulative = known.figures.find((figure) => figure.code === "INNOVATIONS")?.cumulative ?? null;
      } else if (!future && setting?.closedAt) {
        lg1 = snapshot("LG1")?.value ?? null;
        projectsCumulative = numberOrNull(snapshot("INNOVATION_PROJECTS")?.cumulative);
        innovationsCumulative = numberOrNull(snapshot("INNOVATIONS")?.cumulative);
      } else if (!future) {
        const rule = setting ? parseParticipationRule(setting.participationRule) : DEFAULT_PARTICIPATION_RULE;
        const { divisions: divisionCounts } = await openYearFigures(db, fiscalYearBE, rule, settings.fiscalCalendar, now);
        const projectCounts = yearAndCumulative(projectsPerYear, projectsClosed, plan.firstFiscalYearBE, fiscalYearBE);
        const innovationCounts = yearAndCumulative(innovationsPerYear, innovationsClosed, plan.firstFiscalYearBE, fiscalYearBE);
        lg1 = percentOf(
          divisionCounts.reduce((sum, entry) => sum + entry.participants, 0),
          divisionCounts.reduce((sum, entry) => sum + entry.population, 0),
        );
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
  /** The English name, null without one (personNameEn). */
  nameEn: string | null;
  divisionId: number | null;
  divisionNameTh: string | null;
  divisionNameEn: string | null;
  ideas: { id: number; title: string }[];
};

/** Drill-down: everyone in the year's population with what they contributed, Thai name order. */
export async function participationDetails(
  db: Database,
  fiscalYearBE: number,
  options: { divisionId?: number; now?: Date } = {},
): Promise<{ counted: ParticipantDetail[]; notCounted: ParticipantDetail[] }> {
  const now = options.now ?? new Date();
  const [settings, [yearSetting], rule, namesById] = await Promise.all([
    getAppSettings(db),
    db.select({ closedAt: fiscalYearSettings.closedAt }).from(fiscalYearSettings).where(eq(fiscalYearSettings.fiscalYear, fiscalYearBE)),
    getParticipationRule(db, fiscalYearBE),
    divisionNames(db),
  ]);
  const calendar = settings.fiscalCalendar;
  // The same people as the dashboard's figure: a closed year's snapshot, else as of now.
  const rows = yearSetting?.closedAt
    ? await snapshotPeople(db, fiscalYearBE)
    : await participationRows(db, fiscalYearBE, rule, calendar, now);
  const scoped = options.divisionId === undefined ? rows : rows.filter((row) => row.divisionId === options.divisionId);
  const personIds = scoped.map((row) => row.personId);
  if (personIds.length === 0) return { counted: [], notCounted: [] };
  const { start, end } = participationWindow(fiscalYearBE, calendar, now);
  const [names, ideaRows] = await Promise.all([
    db.select({ id: peopleTable.id, code: peopleTable.employeeCode, firstNameTh: peopleTable.firstNameTh, lastNameTh: peopleTable.lastNameTh, nameTh: personNameTh(), nameEn: personNameEn() }).from(peopleTable).where(inArray(peopleTable.id, personIds)),
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
      nameTh: person?.nameTh ?? "",
      nameEn: person?.nameEn ?? null,
      sortName: person ? `${person.firstNameTh} ${person.lastNameTh}` : "",
      divisionNameTh: division?.nameTh ?? null,
      divisionNameEn: division?.nameEn ?? null,
      ideas: row.countedIdeas > 0 ? ideaRows.filter((idea) => idea.personId === row.personId).map(({ id, title }) => ({ id, title })) : [],
    };
  });
  const sorted = sortByThaiName(details, (detail) => detail.sortName).map(({ sortName: _sortName, ...detail }) => detail);
  return { counted: sorted.filter((detail) => detail.participant), notCounted: sorted.filter((detail) => !detail.participant) };
}
