import { asc, eq, gte, inArray, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { accounts, fiscalYearSettings, people, staffCategories } from "../../db/schema";
import { fiscalYearBounds, fiscalYearRange } from "../domain/fiscal-year";
import { yearPhase, type YearPhase } from "../domain/indicator-status";
import { DEFAULT_PARTICIPATION_RULE, parseParticipationRule, type ParticipationRule } from "../domain/participation-rule";
import { sameRule, yearsForRuleChange, type RuleScope } from "../domain/report-forms";
import { recordAudit } from "../models/audit.server";
import { personNameEn, personNameTh } from "../models/people-sql.server";
import { getAppSettings } from "../models/settings.server";

type Actor = { accountId: string; ipAddress: string };

export type FiscalYearSetting = {
  fiscalYearBE: number;
  phase: YearPhase;
  rule: ParticipationRule;
  closedAt: Date | null;
  closedByNameTh: string | null;
  /** Who closed it, in English; null without an English name. */
  closedByNameEn: string | null;
  reopenReason: string | null;
};

/** Every plan year with the participation rule in force, whether it is closed, and the staff categories. */
export async function participationSettings(db: Database, now = new Date()) {
  const settings = await getAppSettings(db);
  const planYears = fiscalYearRange(settings.planPeriod.firstFiscalYearBE, settings.planPeriod.lastFiscalYearBE);
  const [rows, categories] = await Promise.all([
    db
      .select({
        fiscalYearBE: fiscalYearSettings.fiscalYear,
        rule: fiscalYearSettings.participationRule,
        closedAt: fiscalYearSettings.closedAt,
        reopenReason: fiscalYearSettings.reopenReason,
        closedByNameTh: personNameTh() as SQL<string | null>,
        closedByNameEn: personNameEn(),
      })
      .from(fiscalYearSettings)
      .leftJoin(accounts, eq(accounts.id, fiscalYearSettings.closedByAccountId))
      .leftJoin(people, eq(people.id, accounts.personId))
      .where(inArray(fiscalYearSettings.fiscalYear, planYears)),
    db.select({ code: staffCategories.code, nameTh: staffCategories.nameTh, nameEn: staffCategories.nameEn }).from(staffCategories).orderBy(asc(staffCategories.sortOrder), asc(staffCategories.code)),
  ]);
  const years: FiscalYearSetting[] = planYears.map((fiscalYearBE) => {
    const row = rows.find((candidate) => candidate.fiscalYearBE === fiscalYearBE);
    return {
      fiscalYearBE,
      phase: yearPhase(fiscalYearBounds(fiscalYearBE, settings.fiscalCalendar), now),
      rule: row ? parseParticipationRule(row.rule) : DEFAULT_PARTICIPATION_RULE,
      closedAt: row?.closedAt ?? null,
      closedByNameTh: row?.closedAt ? row.closedByNameTh : null,
      closedByNameEn: row?.closedAt ? row.closedByNameEn : null,
      reopenReason: row?.reopenReason ?? null,
    };
  });
  return { planYears, years, categories };
}

export type RuleChangeResult = { status: "saved"; changedYears: number[]; skippedClosedYears: number[] } | { status: "closed" };

/**
 * Write the participation rule for a year and, with scope "following", for the plan's later
 * years too: a change applies from the year it is made for, never to the years before it.
 * A closed year is refused; a later year that is closed is left as it is (and reported).
 */
export async function saveParticipationRule(
  db: Database,
  actor: Actor,
  params: { fiscalYearBE: number; rule: ParticipationRule; scope: RuleScope; planYears: number[] },
): Promise<RuleChangeResult> {
  const years = yearsForRuleChange(params.fiscalYearBE, params.scope, params.planYears);
  return db.transaction(async (tx) => {
    // Lock the rows from the chosen year on, so closing a year cannot interleave with the change.
    const existing = await tx.select().from(fiscalYearSettings).where(gte(fiscalYearSettings.fiscalYear, params.fiscalYearBE)).for("update");
    const settingOf = (year: number) => existing.find((row) => row.fiscalYear === year);
    if (settingOf(params.fiscalYearBE)?.closedAt) return { status: "closed" as const };
    const changedYears: number[] = [];
    const skippedClosedYears: number[] = [];
    for (const year of years) {
      const setting = settingOf(year);
      if (setting?.closedAt) {
        skippedClosedYears.push(year);
        continue;
      }
      const before = setting ? parseParticipationRule(setting.participationRule) : DEFAULT_PARTICIPATION_RULE;
      if (setting && sameRule(before, params.rule)) continue;
      await tx
        .insert(fiscalYearSettings)
        .values({ fiscalYear: year, participationRule: params.rule })
        .onConflictDoUpdate({ target: fiscalYearSettings.fiscalYear, set: { participationRule: params.rule } });
      await recordAudit(tx, {
        actorAccountId: actor.accountId,
        action: "participation_rule.changed",
        entityType: "fiscal_year",
        entityId: year,
        details: { before, after: params.rule, madeForFiscalYear: params.fiscalYearBE, scope: params.scope },
        ipAddress: actor.ipAddress,
      });
      changedYears.push(year);
    }
    return { status: "saved" as const, changedYears, skippedClosedYears };
  });
}

/** Is the fiscal year closed (its figures frozen)? */
export async function isFiscalYearClosed(db: Database, fiscalYearBE: number): Promise<boolean> {
  const [row] = await db.select({ closedAt: fiscalYearSettings.closedAt }).from(fiscalYearSettings).where(eq(fiscalYearSettings.fiscalYear, fiscalYearBE));
  return Boolean(row?.closedAt);
}
