import { and, count, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { ideaComments, ideas, openYearFiguresCache, participationDataVersion } from "../../db/schema";
import type { FiscalCalendar } from "../domain/fiscal-year";
import type { IdeaStage } from "../domain/idea-stages";
import { participationWindow, type DivisionParticipationCounts } from "../domain/participation";
import type { ParticipationRule } from "../domain/participation-rule";
import { participationSummary } from "./participation.server";

/** What the dashboard recomputes for a year that is not closed: LG1 per division and the funnel. */
export type OpenYearFigures = {
  divisions: DivisionParticipationCounts[];
  /** The ideas submitted in the window, per stage. */
  funnel: { stage: IdeaStage; count: number }[];
};

/** The ideas submitted from `start` to before `end`, per stage (the dashboard's funnel). */
export async function ideaFunnel(db: Database, start: Date, end: Date): Promise<OpenYearFigures["funnel"]> {
  const rows = await db
    .select({ stage: ideas.stage, n: count() })
    .from(ideas)
    .where(and(gte(ideas.submittedAt, start), sql`${ideas.submittedAt} < ${end.toISOString()}::timestamptz`))
    .groupBy(ideas.stage);
  return rows.map((row) => ({ stage: row.stage, count: Number(row.n) }));
}

/**
 * LG1 per division (participationSummary) and the funnel for `fiscalYearBE` as of `asOf`, read
 * from open_year_figures_cache when an entry was computed on the same data (same data version,
 * moved by the triggers of migration 0009), rule and window; otherwise computed and stored.
 * Never stale: see decision 019 for why each part of the key is needed.
 */
export async function openYearFigures(
  db: Database,
  fiscalYearBE: number,
  rule: ParticipationRule,
  calendar: FiscalCalendar,
  asOf?: Date,
): Promise<OpenYearFigures> {
  const window = participationWindow(fiscalYearBE, calendar, asOf);
  const end = window.end.toISOString();
  const entry = openYearFiguresCache;
  // The version first: whatever commits after this read moves it, so a result computed below
  // and stored under it is never taken for data it has not seen.
  const [found] = await db
    .select({
      version: participationDataVersion.version,
      // This transaction has written: it may see its own changes, which move the version only
      // when it commits, so it neither reads nor stores an entry.
      ownWrites: sql<boolean>`pg_current_xact_id_if_assigned() is not null`,
      divisions: entry.divisions,
      funnel: entry.funnel,
    })
    .from(participationDataVersion)
    .leftJoin(
      entry,
      and(
        eq(entry.fiscalYear, fiscalYearBE),
        eq(entry.dataVersion, participationDataVersion.version),
        eq(entry.rule, rule),
        eq(entry.yearStart, window.start),
        eq(entry.firstDay, window.firstDay),
        eq(entry.lastDay, window.lastDay),
        lte(entry.validFrom, sql`${end}::timestamptz`),
        or(isNull(entry.validUntil), gte(entry.validUntil, sql`${end}::timestamptz`)),
      ),
    );
  if (found?.divisions && !found.ownWrites) {
    return { divisions: found.divisions as DivisionParticipationCounts[], funnel: found.funnel as OpenYearFigures["funnel"] };
  }
  const [divisions, funnel] = await Promise.all([participationSummary(db, fiscalYearBE, rule, calendar, asOf), ideaFunnel(db, window.start, window.end)]);
  if (found && !found.ownWrites) {
    // Read after both figures, so it sees at least the ideas and comments they saw: until the
    // first of them stamped at or after this window's end, a later end gives the same figures.
    const validUntil = sql`least(
      (select min(${ideas.submittedAt}) from ${ideas} where ${ideas.submittedAt} >= ${end}::timestamptz),
      (select min(${ideaComments.createdAt}) from ${ideaComments} where ${ideaComments.createdAt} >= ${end}::timestamptz))`;
    const values = {
      dataVersion: found.version,
      rule,
      yearStart: window.start,
      firstDay: window.firstDay,
      lastDay: window.lastDay,
      validFrom: window.end,
      validUntil,
      divisions,
      funnel,
      computedAt: sql`now()`,
    };
    // Concurrent misses both compute; an older version never replaces a newer one.
    await db
      .insert(entry)
      .values({ fiscalYear: fiscalYearBE, ...values })
      .onConflictDoUpdate({ target: entry.fiscalYear, set: values, where: sql`${entry.dataVersion} <= excluded.data_version` });
  }
  return { divisions, funnel };
}
