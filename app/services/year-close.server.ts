import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { fiscalYearSettings, indicatorSnapshots } from "../../db/schema";
import { summariseParticipationRows } from "../domain/participation";
import { DEFAULT_PARTICIPATION_RULE, type ParticipationRule } from "../domain/participation-rule";
import { participationRows } from "../models/participation.server";
import { getAppSettings } from "../models/settings.server";
import { recordAudit } from "../models/audit.server";
import { yearIndicators } from "./indicators.server";

/** accountId null: a script acting for the system (benchmarks, maintenance). */
type Actor = { accountId: string | null; ipAddress: string };

/**
 * Close a fiscal year: freeze every indicator (value, numerator, denominator, the rule, and for
 * LG1 the people counted) so later roster changes never move a past figure. Refused while the
 * year is still running, and for a year already closed.
 */
export async function closeFiscalYear(
  db: Database,
  actor: Actor,
  fiscalYearBE: number,
  now = new Date(),
): Promise<"closed" | "alreadyClosed" | "notOver"> {
  return db.transaction(async (tx) => {
    const [setting] = await tx.select().from(fiscalYearSettings).where(eq(fiscalYearSettings.fiscalYear, fiscalYearBE)).for("update");
    if (setting?.closedAt) return "alreadyClosed";
    const year = await yearIndicators(tx, fiscalYearBE, { now });
    if (year.phase !== "past") return "notOver";
    const lg1Rows = await lg1RowsOf(tx, fiscalYearBE, year.rule);
    await tx.delete(indicatorSnapshots).where(eq(indicatorSnapshots.fiscalYear, fiscalYearBE));
    await tx.insert(indicatorSnapshots).values(
      year.figures.map((figure) => ({
        fiscalYear: fiscalYearBE,
        indicatorCode: figure.code,
        value: figure.value,
        numerator: figure.numerator,
        denominator: figure.denominator,
        rule: figure.code === "LG1" ? year.rule : null,
        details: {
          perYear: figure.perYear,
          cumulative: figure.cumulative,
          countMode: figure.countMode,
          previousValue: figure.previousValue,
          // LG1's per-division sums: the dashboard reads these, the people only for drill-down.
          ...(figure.code === "LG1" ? { divisions: summariseParticipationRows(lg1Rows) } : {}),
        },
        people: figure.code === "LG1" ? lg1Rows : null,
        closedByAccountId: actor.accountId,
        closedAt: now,
      })),
    );
    await tx
      .insert(fiscalYearSettings)
      .values({ fiscalYear: fiscalYearBE, participationRule: year.rule ?? DEFAULT_PARTICIPATION_RULE, closedAt: now, closedByAccountId: actor.accountId })
      .onConflictDoUpdate({ target: fiscalYearSettings.fiscalYear, set: { closedAt: now, closedByAccountId: actor.accountId, reopenReason: null } });
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "fiscal_year.closed",
      entityType: "fiscal_year",
      entityId: fiscalYearBE,
      details: Object.fromEntries(year.figures.map((figure) => [figure.code, figure.value])),
      ipAddress: actor.ipAddress,
    });
    return "closed";
  });
}

async function lg1RowsOf(db: Database, fiscalYearBE: number, rule: ParticipationRule) {
  const { fiscalCalendar } = await getAppSettings(db);
  return participationRows(db, fiscalYearBE, rule, fiscalCalendar);
}

/** Reopen a closed year (admin, with a reason that is audited); figures are live again. */
export async function reopenFiscalYear(db: Database, actor: Actor, fiscalYearBE: number, reason: string): Promise<"reopened" | "notClosed" | "reasonRequired"> {
  if (reason.trim().length === 0) return "reasonRequired";
  return db.transaction(async (tx) => {
    const [setting] = await tx.select().from(fiscalYearSettings).where(eq(fiscalYearSettings.fiscalYear, fiscalYearBE)).for("update");
    if (!setting?.closedAt) return "notClosed";
    await tx.update(fiscalYearSettings).set({ closedAt: null, closedByAccountId: null, reopenReason: reason.trim() }).where(eq(fiscalYearSettings.fiscalYear, fiscalYearBE));
    await tx.delete(indicatorSnapshots).where(eq(indicatorSnapshots.fiscalYear, fiscalYearBE));
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "fiscal_year.reopened",
      entityType: "fiscal_year",
      entityId: fiscalYearBE,
      details: { reason: reason.trim() },
      ipAddress: actor.ipAddress,
    });
    return "reopened";
  });
}
