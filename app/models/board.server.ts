import { and, asc, desc, eq, inArray, lt, ne, notInArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { ideaStageCounts, ideaStageEvents, ideas, projects } from "../../db/schema";
import { IDEA_STAGES, type IdeaStage } from "../domain/idea-stages";
import { escapeLikePattern, parseSearchTerms } from "../domain/idea-search";
import { CLOSED_STAGES } from "../domain/pipeline";
import { parseRecordId } from "../domain/record-id";
import { compareThai } from "../i18n/format";
import { fiscalYearRange } from "../domain/fiscal-year";
import { listDivisions } from "./people.server";
import { getPlanTree } from "./plan.server";
import { accountHolderNames, authorDivisionsAtSubmission, authorWasInDivision, IDEA_ID } from "./people-sql.server";

/** What the committee's board and list can be narrowed by. */
export type BoardFilters = { planId?: number; divisionId?: number; fiscalYear?: number; stage?: IdeaStage };

export type DivisionName = { th: string; en: string };

export type BoardCard = {
  id: number;
  title: string;
  stage: IdeaStage;
  stageChangedAt: Date;
  submittedAt: Date;
  voteCount: number;
  /** The authors' divisions when the idea was submitted (not today's). */
  divisions: DivisionName[];
};

export type BoardColumn = { stage: IdeaStage; count: number; cards: BoardCard[] };

function filterConditions(filters: BoardFilters, timeZone: string): SQL[] {
  const conditions: SQL[] = [];
  if (filters.stage) conditions.push(eq(ideas.stage, filters.stage));
  if (filters.planId !== undefined) conditions.push(eq(ideas.planId, filters.planId));
  if (filters.fiscalYear !== undefined) conditions.push(eq(ideas.fiscalYear, filters.fiscalYear));
  if (filters.divisionId !== undefined) conditions.push(authorWasInDivision(filters.divisionId, timeZone));
  return conditions;
}

function parseDivisions(value: DivisionName[] | string | null): DivisionName[] {
  const list: DivisionName[] = typeof value === "string" ? (JSON.parse(value) as DivisionName[]) : (value ?? []);
  return [...list].sort((a, b) => compareThai(a.th, b.th));
}


/** How many cards a column shows; the rest are in the list view, which pages. */
export type CardsPerColumn = { open: number; closed: number };

/**
 * 15 in a stage still open: a committee works through the longest-waiting ideas of each stage at
 * a meeting (it was 30; at 20,000 staff a 30-card board was 270 cards, 273 KB of HTML and 18 ms
 * of server rendering per request). 5 in a closed stage (implemented, not adopted, duplicate,
 * withdrawn): those columns are the record of recent decisions, newest first, not work to do;
 * their count and their link to the list hold the rest.
 */
export const BOARD_CARDS_PER_COLUMN: CardsPerColumn = { open: 15, closed: 5 };

/**
 * The committee's board: every stage's count and, per stage, up to `perColumn` cards — ideas
 * waiting longest first in the open stages, the most recent first in the closed ones. Two
 * queries whatever the number of ideas: the cards are one `limit` branch per stage, each a
 * range of the (stage, stage_changed_at, id) index, so 200,000 ideas are never ranked.
 */
export async function getBoard(db: Database, options: { filters: BoardFilters; timeZone: string; perColumn: CardsPerColumn }): Promise<BoardColumn[]> {
  const conditions = filterConditions(options.filters, options.timeZone);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const stages = options.filters.stage ? [options.filters.stage] : IDEA_STAGES;
  const column = (stage: IdeaStage) => {
    const closed = CLOSED_STAGES.includes(stage);
    return sql`(
      select ${ideas.id}, ${ideas.title}, ${ideas.stage}, ${ideas.stageChangedAt}, ${ideas.submittedAt}, ${ideas.voteCount}
      from ${ideas} where ${and(eq(ideas.stage, stage), ...conditions)}
      order by ${ideas.stageChangedAt} ${closed ? sql`desc` : sql`asc`}, ${ideas.id}
      limit ${closed ? options.perColumn.closed : options.perColumn.open})`;
  };
  const [cardResult, countRows] = await Promise.all([
    // The union is named "ideas" so that authorDivisionsAtSubmission's "ideas"."id" refers to its rows.
    db.execute(sql`select "ideas".*, ${authorDivisionsAtSubmission(options.timeZone)} as divisions
      from (${sql.join(stages.map(column), sql` union all `)}) as "ideas"`),
    stageCounts(db, options.filters, where),
  ]);
  const cardRows = (Array.isArray(cardResult) ? cardResult : (cardResult as { rows: unknown[] }).rows) as {
    id: number;
    title: string;
    stage: IdeaStage;
    stage_changed_at: Date | string;
    submitted_at: Date | string;
    vote_count: number;
    divisions: DivisionName[] | string | null;
  }[];
  const countByStage = new Map(countRows.map((row) => [row.stage, Number(row.count)]));
  return stages.map((stage) => ({
    stage,
    count: countByStage.get(stage) ?? 0,
    cards: cardRows
      .filter((row) => row.stage === stage)
      .map((row) => ({
        id: Number(row.id),
        title: row.title,
        stage: row.stage,
        stageChangedAt: new Date(row.stage_changed_at),
        submittedAt: new Date(row.submitted_at),
        voteCount: Number(row.vote_count),
        divisions: parseDivisions(row.divisions),
      })),
  }));
}

/**
 * Ideas per stage under the filters. Without a division filter the counts come from
 * idea_stage_counts (kept by a trigger: a few hundred rows, whatever the number of ideas); a
 * division filter depends on who was where when each idea was submitted, so it counts the ideas.
 */
async function stageCounts(db: Database, filters: BoardFilters, where: SQL | undefined): Promise<{ stage: IdeaStage; count: number }[]> {
  if (filters.divisionId !== undefined) {
    return db
      .select({ stage: ideas.stage, count: sql<number>`count(*)::int` })
      .from(ideas)
      .where(where)
      .groupBy(ideas.stage);
  }
  const conditions: SQL[] = [];
  if (filters.stage) conditions.push(eq(ideaStageCounts.stage, filters.stage));
  if (filters.fiscalYear !== undefined) conditions.push(eq(ideaStageCounts.fiscalYear, filters.fiscalYear));
  if (filters.planId !== undefined) conditions.push(eq(ideaStageCounts.planKey, filters.planId));
  return db
    .select({ stage: ideaStageCounts.stage, count: sql<number>`sum(${ideaStageCounts.ideaCount})::int` })
    .from(ideaStageCounts)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .groupBy(ideaStageCounts.stage);
}

/**
 * Where idea_stage_counts disagrees with the ideas counted one by one, per (stage, fiscal year,
 * plan): one line each, empty when every kept count is exact. For checks (tests, the soak run):
 * the trigger of migration 0006 should make it always empty.
 */
export async function stageCountDrift(db: Database): Promise<string[]> {
  const result = await db.execute(sql`
    with kept as (select stage, fiscal_year, plan_key, idea_count from idea_stage_counts where idea_count <> 0),
         counted as (select stage, fiscal_year, coalesce(plan_id, 0) as plan_key, count(*)::int as idea_count from ideas group by 1, 2, 3)
    select concat_ws('/', stage, fiscal_year, plan_key) || ': kept ' || coalesce(k.idea_count, 0) || ', counted ' || coalesce(c.idea_count, 0) as line
    from kept k full join counted c using (stage, fiscal_year, plan_key)
    where k.idea_count is distinct from c.idea_count
    order by 1`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { line: string }[];
  return rows.map((row) => row.line);
}

export type BoardListRow = BoardCard & { meanScore: number | null };

/**
 * The committee's list: newest first, keyset-paginated on the id so deep pages cost the same.
 * One query whatever the page size (divisions and mean score are subqueries).
 */
export async function listBoardIdeas(
  db: Database,
  options: { filters: BoardFilters; timeZone: string; beforeId?: number; limit: number },
): Promise<{ rows: BoardListRow[]; nextBeforeId: number | null }> {
  const conditions = filterConditions(options.filters, options.timeZone);
  if (options.beforeId !== undefined) conditions.push(lt(ideas.id, options.beforeId));
  const rows = await db
    .select({
      id: ideas.id,
      title: ideas.title,
      stage: ideas.stage,
      stageChangedAt: ideas.stageChangedAt,
      submittedAt: ideas.submittedAt,
      voteCount: ideas.voteCount,
      divisions: authorDivisionsAtSubmission(options.timeZone),
      // Each member's mean over the criteria they scored, averaged over members.
      meanScore: sql<number | null>`(select avg(m)::float8 from (select avg(s.score) as m from idea_scores s where s.idea_id = ${IDEA_ID} group by s.person_id) member_means)`,
    })
    .from(ideas)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(ideas.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  return {
    rows: page.map((row) => ({
      ...row,
      divisions: parseDivisions(row.divisions),
      meanScore: row.meanScore === null ? null : Number(row.meanScore),
    })),
    nextBeforeId: rows.length > options.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

export type OriginalCandidate = { id: number; title: string; stage: IdeaStage };

/**
 * Ideas a duplicate may point at, found by number ("45" or "#45") or by words of the title
 * and texts: never the idea itself, a withdrawn idea or another duplicate.
 */
export async function findOriginalCandidates(
  db: Database,
  params: { query: string; excludeIdeaId: number; limit?: number },
): Promise<OriginalCandidate[]> {
  const query = params.query.normalize("NFC").trim();
  if (!query) return [];
  const conditions: SQL[] = [ne(ideas.id, params.excludeIdeaId), notInArray(ideas.stage, ["withdrawn", "duplicate"])];
  const number = /^#?\s*([1-9][0-9]{0,9})$/.exec(query);
  if (number) {
    const id = Number(number[1]);
    if (id > 2_147_483_647) return [];
    conditions.push(eq(ideas.id, id));
  } else {
    const terms = parseSearchTerms(query);
    if (terms.length === 0) return [];
    for (const term of terms) conditions.push(sql`${ideas.searchText} ILIKE ${`%${escapeLikePattern(term)}%`}`);
  }
  return db
    .select({ id: ideas.id, title: ideas.title, stage: ideas.stage })
    .from(ideas)
    .where(and(...conditions))
    .orderBy(desc(ideas.id))
    .limit(params.limit ?? 10);
}

/** Ideas by id, for showing the candidates a person chose or was offered. */
export async function getIdeaHeadlines(db: Database, ids: number[]): Promise<OriginalCandidate[]> {
  if (ids.length === 0) return [];
  return db.select({ id: ideas.id, title: ideas.title, stage: ideas.stage }).from(ideas).where(inArray(ideas.id, ids)).orderBy(desc(ideas.id));
}

/** The ideas the committee marked as duplicates of this one (shown on the original's page). */
export async function listDuplicatesOf(db: Database, ideaId: number): Promise<{ id: number; title: string }[]> {
  return db
    .select({ id: ideas.id, title: ideas.title })
    .from(ideas)
    .where(and(eq(ideas.duplicateOfIdeaId, ideaId), eq(ideas.stage, "duplicate")))
    .orderBy(asc(ideas.id));
}

// ---------------------------------------------------------------------------
// For the committee's pages: filters from the URL, their choices, the history with citations

/** An id or year from the address; anything else (junk, "1e96", out of integer range) is no filter. */
function positiveInt(value: string | null): number | undefined {
  return parseRecordId(value) ?? undefined;
}

/** Filters from a GET form's query string; anything unreadable is ignored. */
export function parseBoardFilters(params: URLSearchParams, options: { withStage?: boolean } = {}): BoardFilters {
  const stage = params.get("stage");
  return {
    planId: positiveInt(params.get("plan")),
    divisionId: positiveInt(params.get("division")),
    fiscalYear: positiveInt(params.get("fy")),
    stage: options.withStage && stage && (IDEA_STAGES as readonly string[]).includes(stage) ? (stage as IdeaStage) : undefined,
  };
}

/** The filters as query-string values, for keeping them in links and forms. */
export function filterQuery(filters: BoardFilters): { plan: string; division: string; fy: string; stage: string } {
  return {
    plan: filters.planId ? String(filters.planId) : "",
    division: filters.divisionId ? String(filters.divisionId) : "",
    fy: filters.fiscalYear ? String(filters.fiscalYear) : "",
    stage: filters.stage ?? "",
  };
}

export type StageEventView = {
  id: number;
  fromStage: IdeaStage | null;
  toStage: IdeaStage;
  reason: string;
  at: Date;
  byNameTh: string | null;
  byNameEn: string | null;
  meetingNumber: string | null;
  meetingDate: string | null;
  resolutionText: string | null;
};

/** An idea's stage history with each decision's meeting citation, oldest first. */
export async function listStageHistory(db: Database, ideaId: number): Promise<StageEventView[]> {
  return db
    .select({
      id: ideaStageEvents.id,
      fromStage: ideaStageEvents.fromStage,
      toStage: ideaStageEvents.toStage,
      reason: ideaStageEvents.reason,
      at: ideaStageEvents.at,
      byNameTh: accountHolderNames(ideaStageEvents.byAccountId).nameTh,
      byNameEn: accountHolderNames(ideaStageEvents.byAccountId).nameEn,
      meetingNumber: ideaStageEvents.meetingNumber,
      meetingDate: ideaStageEvents.meetingDate,
      resolutionText: ideaStageEvents.resolutionText,
    })
    .from(ideaStageEvents)
    .where(eq(ideaStageEvents.ideaId, ideaId))
    .orderBy(asc(ideaStageEvents.at), asc(ideaStageEvents.id));
}

/** Projects an approved idea may be linked to: those not finished or cancelled. */
export async function listOpenProjects(db: Database): Promise<{ id: number; code: string | null; nameTh: string; nameEn: string }[]> {
  return db
    .select({ id: projects.id, code: projects.code, nameTh: projects.nameTh, nameEn: projects.nameEn })
    .from(projects)
    .where(inArray(projects.status, ["planned", "active"]))
    .orderBy(asc(projects.code), asc(projects.id));
}

/** The project an idea was tied to on approval, if any. */
export async function getIdeaProject(db: Database, ideaId: number): Promise<{ id: number; nameTh: string; nameEn: string } | null> {
  const [row] = await db
    .select({ id: projects.id, nameTh: projects.nameTh, nameEn: projects.nameEn })
    .from(ideas)
    .innerJoin(projects, eq(projects.id, ideas.projectId))
    .where(eq(ideas.id, ideaId));
  return row ?? null;
}

/** The choices of the committee's filters, named in the person's language. */
export async function loadBoardFilterOptions(
  db: Database,
  params: { locale: "th" | "en"; planPeriod: { firstFiscalYearBE: number; lastFiscalYearBE: number } },
): Promise<{ plans: { id: number; label: string }[]; divisions: { id: number; name: string }[]; fiscalYears: number[] }> {
  const [tree, divisionRows] = await Promise.all([getPlanTree(db), listDivisions(db)]);
  const name = (item: { nameTh: string; nameEn: string }) => (params.locale === "en" && item.nameEn) || item.nameTh;
  return {
    plans: tree.flatMap((strategy) => strategy.plans.map((plan) => ({ id: plan.id, label: `${plan.code} ${name(plan)}` }))),
    divisions: divisionRows.map((division) => ({ id: division.id, name: name(division) })),
    fiscalYears: fiscalYearRange(params.planPeriod.firstFiscalYearBE, params.planPeriod.lastFiscalYearBE).reverse(),
  };
}
