import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { accounts, people, quarterlyReports } from "../../db/schema";
import type { FiscalQuarter } from "../domain/fiscal-year";
import { recordAudit } from "./audit.server";

type Actor = { accountId: string; ipAddress: string };

export type QuarterlyText = {
  fiscalYearBE: number;
  quarter: FiscalQuarter;
  problems: string;
  nextSteps: string;
  updatedAt: Date | null;
  updatedByNameTh: string | null;
  /** For the form: "" while nothing is saved, else the saved row's time (a later save is a conflict). */
  version: string;
};

const EMPTY = { problems: "", nextSteps: "", updatedAt: null, updatedByNameTh: null, version: "" };

function selectTexts(db: Database) {
  return db
    .select({
      fiscalYearBE: quarterlyReports.fiscalYear,
      quarter: quarterlyReports.quarter,
      problems: quarterlyReports.problems,
      nextSteps: quarterlyReports.nextSteps,
      updatedAt: quarterlyReports.updatedAt,
      updatedByNameTh: sql<string | null>`${people.prefixTh} || ${people.firstNameTh} || ' ' || ${people.lastNameTh}`,
    })
    .from(quarterlyReports)
    .leftJoin(accounts, eq(accounts.id, quarterlyReports.updatedByAccountId))
    .leftJoin(people, eq(people.id, accounts.personId));
}

function toText(row: { fiscalYearBE: number; quarter: number; problems: string; nextSteps: string; updatedAt: Date; updatedByNameTh: string | null }): QuarterlyText {
  return { ...row, quarter: row.quarter as FiscalQuarter, version: row.updatedAt.toISOString() };
}

/** What the committee wrote for a quarter (empty texts when nothing is saved yet). */
export async function getQuarterlyText(db: Database, fiscalYearBE: number, quarter: FiscalQuarter): Promise<QuarterlyText> {
  const [row] = await selectTexts(db).where(and(eq(quarterlyReports.fiscalYear, fiscalYearBE), eq(quarterlyReports.quarter, quarter)));
  return row ? toText(row) : { fiscalYearBE, quarter, ...EMPTY };
}

/** The four quarters' texts of a year, Q1 first (empty where nothing is saved). */
export async function listQuarterlyTexts(db: Database, fiscalYearBE: number): Promise<QuarterlyText[]> {
  const rows = await selectTexts(db).where(eq(quarterlyReports.fiscalYear, fiscalYearBE)).orderBy(asc(quarterlyReports.quarter));
  return ([1, 2, 3, 4] as const).map((quarter) => {
    const row = rows.find((candidate) => candidate.quarter === quarter);
    return row ? toText(row) : { fiscalYearBE, quarter, ...EMPTY };
  });
}

/**
 * Save a quarter's problems and next steps. Two people editing at once: the first save wins and
 * the second gets "conflict" with what is now saved, so the caller can show both texts.
 */
export async function saveQuarterlyText(
  db: Database,
  actor: Actor,
  params: { fiscalYearBE: number; quarter: FiscalQuarter; problems: string; nextSteps: string; version: string },
): Promise<{ status: "saved" } | { status: "conflict"; current: QuarterlyText }> {
  const saved = await db.transaction(async (tx) => {
    const key = and(eq(quarterlyReports.fiscalYear, params.fiscalYearBE), eq(quarterlyReports.quarter, params.quarter));
    const values = { problems: params.problems, nextSteps: params.nextSteps, updatedAt: new Date(), updatedByAccountId: actor.accountId };
    let before: { problems: string; nextSteps: string } | null = null;
    if (params.version === "") {
      // Nothing was saved when the form was shown: only a first save may insert.
      const inserted = await tx
        .insert(quarterlyReports)
        .values({ fiscalYear: params.fiscalYearBE, quarter: params.quarter, ...values })
        .onConflictDoNothing()
        .returning({ quarter: quarterlyReports.quarter });
      if (inserted.length === 0) return false;
    } else {
      const [current] = await tx.select().from(quarterlyReports).where(key).for("update");
      if (!current || current.updatedAt.toISOString() !== params.version) return false;
      before = { problems: current.problems, nextSteps: current.nextSteps };
      await tx.update(quarterlyReports).set(values).where(key);
    }
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "quarterly_report.saved",
      entityType: "quarterly_report",
      entityId: `${params.fiscalYearBE}-Q${params.quarter}`,
      details: { before, after: { problems: params.problems, nextSteps: params.nextSteps } },
      ipAddress: actor.ipAddress,
    });
    return true;
  });
  if (saved) return { status: "saved" };
  return { status: "conflict", current: await getQuarterlyText(db, params.fiscalYearBE, params.quarter) };
}
