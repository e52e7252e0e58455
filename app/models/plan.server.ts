import { asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { fiscalYearSettings, indicatorStrategies, indicatorTargets, indicators, lpaScores, plans, projects, strategies } from "../../db/schema";

export type PlanTree = {
  id: number;
  code: string;
  nameTh: string;
  nameEn: string;
  descriptionTh: string;
  plans: {
    id: number;
    code: string;
    nameTh: string;
    nameEn: string;
    projects: { id: number; code: string | null; nameTh: string; nameEn: string }[];
  }[];
}[];

/** Strategies → plans → projects, in the plan's order (three queries, whatever the size). */
export async function getPlanTree(db: Database): Promise<PlanTree> {
  const [strategyRows, planRows, projectRows] = await Promise.all([
    db.select().from(strategies).orderBy(asc(strategies.sortOrder), asc(strategies.code)),
    db.select().from(plans).orderBy(asc(plans.sortOrder), asc(plans.code)),
    db
      .select({ id: projects.id, planId: projects.planId, code: projects.code, nameTh: projects.nameTh, nameEn: projects.nameEn })
      .from(projects)
      .orderBy(asc(projects.code), asc(projects.id)),
  ]);
  return strategyRows.map((strategy) => ({
    id: strategy.id,
    code: strategy.code,
    nameTh: strategy.nameTh,
    nameEn: strategy.nameEn,
    descriptionTh: strategy.descriptionTh,
    plans: planRows
      .filter((plan) => plan.strategyId === strategy.id)
      .map((plan) => ({
        id: plan.id,
        code: plan.code,
        nameTh: plan.nameTh,
        nameEn: plan.nameEn,
        projects: projectRows
          .filter((project) => project.planId === plan.id)
          .map(({ id, code, nameTh, nameEn }) => ({ id, code, nameTh, nameEn })),
      })),
  }));
}

export type IndicatorWithTargets = {
  id: number;
  code: string;
  nameTh: string;
  nameEn: string;
  kind: "output" | "outcome";
  unit: "percent" | "count" | "score";
  comparison: "at_least" | "above_previous";
  countMode: "per_year" | "cumulative" | null;
  strategyCodes: string[];
  /** Target per fiscal year (BE); null = none set. */
  targets: Record<number, number | null>;
};

export async function listIndicatorsWithTargets(db: Database): Promise<IndicatorWithTargets[]> {
  const [indicatorRows, targetRows, strategyLinks] = await Promise.all([
    db.select().from(indicators).orderBy(asc(indicators.sortOrder), asc(indicators.code)),
    db.select().from(indicatorTargets),
    db
      .select({ indicatorId: indicatorStrategies.indicatorId, code: strategies.code })
      .from(indicatorStrategies)
      .innerJoin(strategies, eq(strategies.id, indicatorStrategies.strategyId))
      .orderBy(asc(strategies.code)),
  ]);
  return indicatorRows.map((indicator) => ({
    id: indicator.id,
    code: indicator.code,
    nameTh: indicator.nameTh,
    nameEn: indicator.nameEn,
    kind: indicator.kind,
    unit: indicator.unit,
    comparison: indicator.comparison,
    countMode: indicator.countMode ?? null,
    strategyCodes: strategyLinks.filter((link) => link.indicatorId === indicator.id).map((link) => link.code),
    targets: Object.fromEntries(
      targetRows.filter((target) => target.indicatorId === indicator.id).map((target) => [target.fiscalYear, target.targetValue]),
    ),
  }));
}

export async function listLpaScores(db: Database) {
  return db.select().from(lpaScores).orderBy(asc(lpaScores.fiscalYear));
}

/**
 * Hold every indicator row (FOR UPDATE) for the rest of the transaction: grid saves run one after
 * the other, so the second compares its cells with what the first saved.
 */
export async function lockIndicators(db: Database): Promise<void> {
  await db.select({ id: indicators.id }).from(indicators).for("update");
}

export type TargetChange = { indicatorId: number; fiscalYear: number; before: number | null; after: number | null };

/** Save targets; returns only the values that actually changed (for the audit log). */
export async function saveIndicatorTargets(
  db: Database,
  targets: { indicatorId: number; fiscalYear: number; targetValue: number | null }[],
): Promise<TargetChange[]> {
  const existing = await db.select().from(indicatorTargets);
  const before = new Map(existing.map((row) => [`${row.indicatorId}:${row.fiscalYear}`, row.targetValue]));
  const changes: TargetChange[] = [];
  for (const target of targets) {
    const previous = before.get(`${target.indicatorId}:${target.fiscalYear}`) ?? null;
    if (previous === target.targetValue) continue;
    await db
      .insert(indicatorTargets)
      .values(target)
      .onConflictDoUpdate({
        target: [indicatorTargets.indicatorId, indicatorTargets.fiscalYear],
        set: { targetValue: target.targetValue },
      });
    changes.push({ indicatorId: target.indicatorId, fiscalYear: target.fiscalYear, before: previous, after: target.targetValue });
  }
  return changes;
}

/**
 * The fiscal years that are closed (their figures frozen). `lock`: in a transaction, hold them
 * (FOR SHARE) so none is reopened under a write that relies on it.
 */
export async function closedFiscalYears(db: Database, options: { lock?: boolean } = {}): Promise<Set<number>> {
  const query = db.select({ fiscalYear: fiscalYearSettings.fiscalYear }).from(fiscalYearSettings).where(isNotNull(fiscalYearSettings.closedAt));
  const rows = options.lock ? await query.for("share") : await query;
  return new Set(rows.map((row) => row.fiscalYear));
}

export async function setIndicatorCountMode(db: Database, indicatorId: number, countMode: "per_year" | "cumulative") {
  await db
    .update(indicators)
    .set({ countMode })
    .where(sql`${indicators.id} = ${indicatorId} and ${indicators.unit} = 'count'`);
}

export class CodeTakenError extends Error {}

export async function createStrategy(db: Database, values: { code: string; nameTh: string; nameEn: string }) {
  const [{ maxOrder }] = await db.select({ maxOrder: sql<number>`coalesce(max(${strategies.sortOrder}), 0)` }).from(strategies);
  const inserted = await db
    .insert(strategies)
    .values({ ...values, sortOrder: Number(maxOrder) + 1 })
    .onConflictDoNothing()
    .returning({ id: strategies.id });
  if (inserted.length === 0) throw new CodeTakenError();
  return inserted[0].id;
}

export async function createPlan(db: Database, values: { strategyId: number; code: string; nameTh: string; nameEn: string }) {
  const [{ maxOrder }] = await db
    .select({ maxOrder: sql<number>`coalesce(max(${plans.sortOrder}), 0)` })
    .from(plans)
    .where(eq(plans.strategyId, values.strategyId));
  const inserted = await db
    .insert(plans)
    .values({ ...values, sortOrder: Number(maxOrder) + 1 })
    .onConflictDoNothing()
    .returning({ id: plans.id });
  if (inserted.length === 0) throw new CodeTakenError();
  return inserted[0].id;
}

/**
 * A plan's named project. With a submission token the first insert wins (unique constraint, even
 * for posts at the same moment): the same form posted again answers "duplicate" with the first
 * one's id. A code another project has is refused (CodeTakenError).
 */
export async function createProject(
  db: Database,
  values: { planId: number; code: string | null; nameTh: string; nameEn: string; submissionToken?: string | null },
): Promise<{ status: "created" | "duplicate"; id: number }> {
  const submissionToken = values.submissionToken ?? null;
  const inserted = await db
    .insert(projects)
    .values({ ...values, submissionToken })
    .onConflictDoNothing()
    .returning({ id: projects.id });
  if (inserted.length === 1) return { status: "created", id: inserted[0].id };
  // Nothing inserted: the same form came first (its token is taken), else the code is.
  if (submissionToken !== null) {
    const [first] = await db.select({ id: projects.id }).from(projects).where(eq(projects.submissionToken, submissionToken));
    if (first) return { status: "duplicate", id: first.id };
  }
  throw new CodeTakenError();
}

const RENAMABLE = { strategy: strategies, plan: plans, project: projects } as const;
export type PlanItemKind = keyof typeof RENAMABLE;

export async function renamePlanItem(
  db: Database,
  kind: PlanItemKind,
  id: number,
  names: { nameTh: string; nameEn: string },
): Promise<{ nameTh: string; nameEn: string } | null> {
  const table = RENAMABLE[kind];
  const [before] = await db.select({ nameTh: table.nameTh, nameEn: table.nameEn }).from(table).where(eq(table.id, id));
  if (!before) return null;
  await db.update(table).set(names).where(eq(table.id, id));
  return before;
}
