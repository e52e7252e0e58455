import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { fiscalYearSettings, lpaScores } from "../../db/schema";
import { readLpaAreas, type LpaAreaCode, type LpaInput } from "../domain/report-forms";
import { recordAudit } from "./audit.server";

type Actor = { accountId: string; ipAddress: string };

export type LpaRow = {
  fiscalYearBE: number;
  score: number;
  source: string;
  areas: Partial<Record<LpaAreaCode, number>> | null;
  updatedAt: Date;
};

/** Every year's LPA score, oldest first. */
export async function listLpaHistory(db: Database): Promise<LpaRow[]> {
  const rows = await db.select().from(lpaScores).orderBy(asc(lpaScores.fiscalYear));
  return rows.map((row) => ({ fiscalYearBE: row.fiscalYear, score: row.score, source: row.source, areas: readLpaAreas(row.areas), updatedAt: row.updatedAt }));
}

/** Closed years keep their figures: their LPA score is not changed (reopen the year first). */
async function yearIsClosed(db: Database, fiscalYearBE: number): Promise<boolean> {
  const [setting] = await db
    .select({ closedAt: fiscalYearSettings.closedAt })
    .from(fiscalYearSettings)
    .where(eq(fiscalYearSettings.fiscalYear, fiscalYearBE))
    .for("share");
  return Boolean(setting?.closedAt);
}

/** Enter or correct a year's score (one row per year); audited with what it was before. */
export async function saveLpaScore(db: Database, actor: Actor, input: LpaInput): Promise<"ok" | "closed"> {
  return db.transaction(async (tx) => {
    if (await yearIsClosed(tx, input.fiscalYearBE)) return "closed";
    const [before] = await tx.select().from(lpaScores).where(eq(lpaScores.fiscalYear, input.fiscalYearBE)).for("update");
    const values = { score: input.score, source: input.source, areas: input.areas, updatedAt: new Date() };
    await tx
      .insert(lpaScores)
      .values({ fiscalYear: input.fiscalYearBE, ...values })
      .onConflictDoUpdate({ target: lpaScores.fiscalYear, set: values });
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "lpa.saved",
      entityType: "lpa_score",
      entityId: input.fiscalYearBE,
      details: {
        before: before ? { score: before.score, source: before.source, areas: readLpaAreas(before.areas) } : null,
        after: { score: input.score, source: input.source, areas: input.areas },
      },
      ipAddress: actor.ipAddress,
    });
    return "ok";
  });
}

/** Remove a year's score entered by mistake. */
export async function deleteLpaScore(db: Database, actor: Actor, fiscalYearBE: number): Promise<"ok" | "closed" | "notFound"> {
  return db.transaction(async (tx) => {
    if (await yearIsClosed(tx, fiscalYearBE)) return "closed";
    const [deleted] = await tx.delete(lpaScores).where(eq(lpaScores.fiscalYear, fiscalYearBE)).returning();
    if (!deleted) return "notFound";
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "lpa.deleted",
      entityType: "lpa_score",
      entityId: fiscalYearBE,
      details: { before: { score: deleted.score, source: deleted.source, areas: readLpaAreas(deleted.areas) } },
      ipAddress: actor.ipAddress,
    });
    return "ok";
  });
}
