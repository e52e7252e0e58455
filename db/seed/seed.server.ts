import { eq, inArray } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { hashPassword } from "../../app/auth/password.server";
import { DEFAULT_PARTICIPATION_RULE } from "../../app/domain/participation-rule";
import { THAI_FISCAL_CALENDAR, fiscalYearRange } from "../../app/domain/fiscal-year";
import type { Database } from "../client.server";
import {
  accountRoles,
  accounts,
  appSettings,
  divisionAssignments,
  divisions,
  employmentPeriods,
  fiscalYearSettings,
  indicatorStrategies,
  indicatorTargets,
  indicators,
  lpaScores,
  people,
  plans,
  projects,
  staffCategories,
  strategies,
} from "../schema";
import { divisions as seedDivisions, organisation, staffCategories as seedCategories } from "./data/organisation";
import { indicators as seedIndicators, lpaHistory, planPeriod, strategies as seedStrategies } from "./data/plan";
import { demoStaff } from "./data/staff";
import { seedDemoIdeas } from "./seed-ideas.server";
import { seedDemoIndicators } from "./seed-indicators.server";
import { seedDemoPipeline, seedPipelineSettings } from "./seed-pipeline.server";
import { seedDemoProjects } from "./seed-projects.server";
import { seedDemoTraining } from "./seed-training.server";

/** Every demo account signs in with this password (listed in the README). */
export const DEMO_PASSWORD = "nawat-demo";

/** The day the demo data describes: accounts are made for people still employed then. */
export const DEMO_TODAY = "2026-11-25";

/**
 * Load the customer's plan and the demo organisation. Idempotent: rows are matched by their
 * natural keys (codes), and what exists is left as it is, so running it twice changes nothing
 * and never overwrites an administrator's edits.
 */
export async function seedDemoData(db: Database): Promise<void> {
  const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await seedSettings(tx);
    await seedOrganisation(tx);
    await seedPlan(tx);
    await seedStaff(tx, demoPasswordHash);
    await seedDemoIdeas(tx);
    await seedDemoPipeline(tx);
    await seedDemoProjects(tx);
    await seedDemoTraining(tx);
    await seedDemoIndicators(tx);
  });
}

/** Load only the plan and settings (what a new, real organisation starts from). */
export async function seedPlanOnly(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await seedSettings(tx);
    await seedOrganisation(tx);
    await seedPlan(tx);
  });
}

async function seedSettings(db: Database) {
  await seedPipelineSettings(db);
  await db
    .insert(appSettings)
    .values([
      { key: "fiscal_calendar", value: THAI_FISCAL_CALENDAR },
      { key: "plan_period", value: planPeriod },
      { key: "organisation", value: organisation },
    ])
    .onConflictDoNothing();
  await db
    .insert(fiscalYearSettings)
    .values(
      fiscalYearRange(planPeriod.firstFiscalYearBE, planPeriod.lastFiscalYearBE).map((fiscalYear) => ({
        fiscalYear,
        participationRule: DEFAULT_PARTICIPATION_RULE,
      })),
    )
    .onConflictDoNothing();
}

async function seedOrganisation(db: Database) {
  await db
    .insert(divisions)
    .values(seedDivisions.map((division, index) => ({ ...division, sortOrder: index + 1 })))
    .onConflictDoNothing();
  await db
    .insert(staffCategories)
    .values(seedCategories.map((category, index) => ({ ...category, sortOrder: index + 1 })))
    .onConflictDoNothing();
}

async function seedPlan(db: Database) {
  for (const [strategyIndex, strategy] of seedStrategies.entries()) {
    await db
      .insert(strategies)
      .values({
        code: strategy.code,
        nameTh: strategy.nameTh,
        nameEn: strategy.nameEn,
        descriptionTh: strategy.descriptionTh,
        sortOrder: strategyIndex + 1,
      })
      .onConflictDoNothing();
    const [{ strategyId }] = await db
      .select({ strategyId: strategies.id })
      .from(strategies)
      .where(eq(strategies.code, strategy.code));
    for (const [planIndex, plan] of strategy.plans.entries()) {
      await db
        .insert(plans)
        .values({ strategyId, code: plan.code, nameTh: plan.nameTh, nameEn: plan.nameEn, sortOrder: planIndex + 1 })
        .onConflictDoNothing();
      const [{ planId }] = await db.select({ planId: plans.id }).from(plans).where(eq(plans.code, plan.code));
      if (plan.projects.length > 0) {
        await db
          .insert(projects)
          .values(plan.projects.map((project) => ({ ...project, planId })))
          .onConflictDoNothing();
      }
    }
  }

  const strategyIdByCode = new Map(
    (await db.select({ id: strategies.id, code: strategies.code }).from(strategies)).map((row) => [row.code, row.id]),
  );
  for (const [index, indicator] of seedIndicators.entries()) {
    await db
      .insert(indicators)
      .values({
        code: indicator.code,
        nameTh: indicator.nameTh,
        nameEn: indicator.nameEn,
        descriptionTh: indicator.descriptionTh,
        kind: indicator.kind,
        unit: indicator.unit,
        comparison: indicator.comparison,
        countMode: indicator.countMode ?? null,
        sortOrder: index + 1,
      })
      .onConflictDoNothing();
    const [{ indicatorId }] = await db
      .select({ indicatorId: indicators.id })
      .from(indicators)
      .where(eq(indicators.code, indicator.code));
    const links = indicator.strategyCodes.map((code) => {
      const strategyId = strategyIdByCode.get(code);
      if (strategyId === undefined) throw new Error(`seed: indicator ${indicator.code} names unknown strategy ${code}`);
      return { indicatorId, strategyId };
    });
    if (links.length > 0) await db.insert(indicatorStrategies).values(links).onConflictDoNothing();
    const targets = Object.entries(indicator.targets).map(([fiscalYear, targetValue]) => ({
      indicatorId,
      fiscalYear: Number(fiscalYear),
      targetValue,
    }));
    if (targets.length > 0) await db.insert(indicatorTargets).values(targets).onConflictDoNothing();
  }

  await db
    .insert(lpaScores)
    .values(lpaHistory.map((entry) => ({ fiscalYear: entry.fiscalYearBE, score: entry.score, source: entry.source })))
    .onConflictDoNothing();
}

async function seedStaff(db: Database, demoPasswordHash: string) {
  const divisionIdByCode = new Map(
    (await db.select({ id: divisions.id, code: divisions.code }).from(divisions)).map((row) => [row.code, row.id]),
  );
  const categoryIdByCode = new Map(
    (await db.select({ id: staffCategories.id, code: staffCategories.code }).from(staffCategories)).map((row) => [
      row.code,
      row.id,
    ]),
  );
  const existingCodes = new Set(
    (
      await db
        .select({ code: people.employeeCode })
        .from(people)
        .where(inArray(people.employeeCode, demoStaff.map((person) => person.employeeCode)))
    ).map((row) => row.code),
  );

  for (const person of demoStaff) {
    if (existingCodes.has(person.employeeCode)) continue;
    const categoryId = categoryIdByCode.get(person.categoryCode);
    if (categoryId === undefined) throw new Error(`seed: ${person.employeeCode} has unknown category ${person.categoryCode}`);
    const [{ personId }] = await db
      .insert(people)
      .values({
        employeeCode: person.employeeCode,
        prefixTh: person.prefixTh,
        firstNameTh: person.firstNameTh,
        lastNameTh: person.lastNameTh,
        firstNameEn: person.firstNameEn ?? null,
        lastNameEn: person.lastNameEn ?? null,
        email: person.email ?? null,
        positionTh: person.positionTh,
        categoryId,
      })
      .returning({ personId: people.id });
    await db.insert(employmentPeriods).values({
      personId,
      startDate: person.employmentStart,
      endDate: person.employmentEnd ?? null,
    });
    await db.insert(divisionAssignments).values(
      person.divisions.map((assignment, index) => {
        const divisionId = divisionIdByCode.get(assignment.divisionCode);
        if (divisionId === undefined) throw new Error(`seed: ${person.employeeCode} has unknown division ${assignment.divisionCode}`);
        const next = person.divisions[index + 1];
        return {
          personId,
          divisionId,
          startDate: assignment.from,
          // A move ends the previous assignment the day before; leaving ends the last one.
          endDate: next ? dayBefore(next.from) : (person.employmentEnd ?? null),
        };
      }),
    );
    const stillEmployed = person.employmentStart <= DEMO_TODAY && (!person.employmentEnd || person.employmentEnd >= DEMO_TODAY);
    if (!stillEmployed) continue;
    const accountId = randomUUID();
    await db.insert(accounts).values({
      id: accountId,
      personId,
      username: person.employeeCode,
      passwordHash: demoPasswordHash,
      mustChangePassword: false,
      passwordChangedAt: new Date(`${DEMO_TODAY}T00:00:00+07:00`),
    });
    await db
      .insert(accountRoles)
      .values(["staff" as const, ...(person.roles ?? [])].map((role) => ({ accountId, role })));
  }
}

function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

// Re-exported for the seed test: which demo people get no account (left before DEMO_TODAY).
export function demoPeopleWithoutAccount(): string[] {
  return demoStaff.filter((person) => person.employmentEnd && person.employmentEnd < DEMO_TODAY).map((p) => p.employeeCode);
}

