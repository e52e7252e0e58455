import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Database } from "../../db/client.server";
import { ideaAuthors, ideaScores, ideas, people, scoringCriteria } from "../../db/schema";
import { personNameEn, personNameTh } from "./people-sql.server";
import type { IdeaStage } from "../domain/idea-stages";
import { SCORE_MAX, SCORE_MIN, SCORING_STAGES, mayViewScoreSummary, summariseScores, type ScoreSummary } from "../domain/pipeline";

export type Criterion = { id: number; code: string; nameTh: string; nameEn: string; sortOrder: number; active: boolean };

/** The scoring criteria in their order (active ones only, unless asked for all). */
export async function listCriteria(db: Database, options: { activeOnly?: boolean } = {}): Promise<Criterion[]> {
  return db
    .select({
      id: scoringCriteria.id,
      code: scoringCriteria.code,
      nameTh: scoringCriteria.nameTh,
      nameEn: scoringCriteria.nameEn,
      sortOrder: scoringCriteria.sortOrder,
      active: scoringCriteria.active,
    })
    .from(scoringCriteria)
    .where(options.activeOnly ? eq(scoringCriteria.active, true) : undefined)
    .orderBy(asc(scoringCriteria.sortOrder), asc(scoringCriteria.id));
}

export type MemberScore = { criterionId: number; personId: number; nameTh: string; nameEn: string | null; score: number; updatedAt: Date };

/** Every committee member's scores on an idea (committee eyes only). */
export async function listIdeaScores(db: Database, ideaId: number): Promise<MemberScore[]> {
  const rows = await db
    .select({
      criterionId: ideaScores.criterionId,
      personId: ideaScores.personId,
      nameTh: personNameTh(),
      nameEn: personNameEn(),
      score: ideaScores.score,
      updatedAt: ideaScores.updatedAt,
    })
    .from(ideaScores)
    .innerJoin(people, eq(people.id, ideaScores.personId))
    .where(eq(ideaScores.ideaId, ideaId))
    .orderBy(asc(people.employeeCode), asc(ideaScores.criterionId));
  return rows.map((row) => ({
    criterionId: row.criterionId,
    personId: row.personId,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    score: row.score,
    updatedAt: row.updatedAt,
  }));
}

export type IdeaScoreSummary = {
  criteria: { id: number; nameTh: string; nameEn: string; active: boolean; spread: ScoreSummary["criteria"][number]["spread"] }[];
  overall: ScoreSummary["overall"];
  raters: number;
};

/**
 * The mean and spread of an idea's scores: per active criterion, and per inactive criterion
 * that was scored on this idea (so a past decision keeps its numbers). No one's name.
 */
export async function getScoreSummary(db: Database, ideaId: number): Promise<IdeaScoreSummary> {
  const [criteria, entries] = await Promise.all([
    listCriteria(db),
    db
      .select({ criterionId: ideaScores.criterionId, personId: ideaScores.personId, score: ideaScores.score })
      .from(ideaScores)
      .where(eq(ideaScores.ideaId, ideaId)),
  ]);
  const scored = new Set(entries.map((entry) => entry.criterionId));
  const shown = criteria.filter((criterion) => criterion.active || scored.has(criterion.id));
  const summary = summariseScores(
    entries,
    shown.map((criterion) => criterion.id),
  );
  return {
    criteria: shown.map((criterion, index) => ({
      id: criterion.id,
      nameTh: criterion.nameTh,
      nameEn: criterion.nameEn,
      active: criterion.active,
      spread: summary.criteria[index].spread,
    })),
    overall: summary.overall,
    raters: new Set(entries.map((entry) => entry.personId)).size,
  };
}

/**
 * The summary for a page anyone signed in may open (the idea page): only for those allowed to
 * see it (committee, executives, the authors once decided — see mayViewScoreSummary), else null.
 */
export async function getScoreSummaryFor(
  db: Database,
  params: { ideaId: number; stage: IdeaStage; viewerRoles: readonly string[]; viewerIsAuthor: boolean },
): Promise<IdeaScoreSummary | null> {
  if (!mayViewScoreSummary({ roles: params.viewerRoles, isAuthor: params.viewerIsAuthor }, params.stage)) return null;
  return getScoreSummary(db, params.ideaId);
}

export type SaveScoresResult = "saved" | "notFound" | "closed" | "own" | "criterionUnknown" | "outOfRange";

/**
 * A committee member's scores on an idea: one per criterion (the primary key is the rule), a
 * second save replaces the first. Only active criteria; only while the idea is being reviewed;
 * never by one of the idea's own authors (a committee member may also propose ideas).
 */
export async function saveScores(
  db: Database,
  params: { ideaId: number; personId: number; scores: { criterionId: number; score: number }[]; now?: Date },
): Promise<SaveScoresResult> {
  if (params.scores.some((entry) => !Number.isInteger(entry.score) || entry.score < SCORE_MIN || entry.score > SCORE_MAX)) return "outOfRange";
  return db.transaction(async (tx) => {
    // A share lock: a stage move waits for the scores, and scores wait for a move.
    const [idea] = await tx.select({ stage: ideas.stage }).from(ideas).where(eq(ideas.id, params.ideaId)).for("share");
    if (!idea) return "notFound";
    if (!SCORING_STAGES.includes(idea.stage)) return "closed";
    const [author] = await tx
      .select({ personId: ideaAuthors.personId })
      .from(ideaAuthors)
      .where(and(eq(ideaAuthors.ideaId, params.ideaId), eq(ideaAuthors.personId, params.personId)));
    if (author) return "own";
    if (params.scores.length === 0) return "saved";
    const criterionIds = [...new Set(params.scores.map((entry) => entry.criterionId))];
    const active = await tx
      .select({ id: scoringCriteria.id })
      .from(scoringCriteria)
      .where(and(inArray(scoringCriteria.id, criterionIds), eq(scoringCriteria.active, true)));
    if (active.length !== criterionIds.length) return "criterionUnknown";
    const now = params.now ?? new Date();
    await tx
      .insert(ideaScores)
      .values(params.scores.map((entry) => ({ ideaId: params.ideaId, criterionId: entry.criterionId, personId: params.personId, score: entry.score, updatedAt: now })))
      .onConflictDoUpdate({
        target: [ideaScores.ideaId, ideaScores.criterionId, ideaScores.personId],
        set: { score: sql`excluded.score`, updatedAt: sql`excluded.updated_at` },
      });
    return "saved";
  });
}

// ---------------------------------------------------------------------------
// Editing the criteria (admin)

export const CRITERION_NAME_MAX = 100;

/** Another criterion already has this Thai or English name (case-insensitive)? */
export async function criterionNameTaken(db: Database, names: { nameTh: string; nameEn: string }, exceptId?: number): Promise<boolean> {
  const [row] = await db
    .select({ id: scoringCriteria.id })
    .from(scoringCriteria)
    .where(
      and(
        exceptId === undefined ? undefined : ne(scoringCriteria.id, exceptId),
        names.nameEn
          ? sql`(lower(${scoringCriteria.nameTh}) = lower(${names.nameTh}) or lower(${scoringCriteria.nameEn}) = lower(${names.nameEn}))`
          : sql`lower(${scoringCriteria.nameTh}) = lower(${names.nameTh})`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function addCriterion(db: Database, values: { nameTh: string; nameEn: string }): Promise<Criterion> {
  const [last] = await db.select({ max: sql<number | null>`max(${scoringCriteria.sortOrder})` }).from(scoringCriteria);
  const [row] = await db
    .insert(scoringCriteria)
    .values({ code: `custom-${randomBytes(4).toString("hex")}`, nameTh: values.nameTh, nameEn: values.nameEn, sortOrder: Number(last?.max ?? 0) + 1, active: true })
    .returning();
  return row;
}

export async function getCriterion(db: Database, id: number): Promise<Criterion | undefined> {
  const [row] = await db.select().from(scoringCriteria).where(eq(scoringCriteria.id, id));
  return row;
}

export async function updateCriterion(db: Database, id: number, values: { nameTh: string; nameEn: string; active: boolean }): Promise<void> {
  await db.update(scoringCriteria).set(values).where(eq(scoringCriteria.id, id));
}

/**
 * Move a criterion one place up or down: every criterion is renumbered 1…n in one go, under
 * a lock on the table's rows, so two admins reordering at once cannot leave a gap or a tie.
 */
export async function moveCriterion(db: Database, id: number, direction: "up" | "down"): Promise<boolean> {
  const rows = await db.select({ id: scoringCriteria.id }).from(scoringCriteria).orderBy(asc(scoringCriteria.sortOrder), asc(scoringCriteria.id)).for("update");
  const index = rows.findIndex((row) => row.id === id);
  if (index < 0) return false;
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= rows.length) return true;
  const order = rows.map((row) => row.id);
  [order[index], order[target]] = [order[target], order[index]];
  for (const [position, criterionId] of order.entries()) {
    await db.update(scoringCriteria).set({ sortOrder: position + 1 }).where(eq(scoringCriteria.id, criterionId));
  }
  return true;
}
