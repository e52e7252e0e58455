import { and, asc, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import {
  divisionAssignments,
  ideaAuthors,
  ideaFollowers,
  ideaStageEvents,
  ideaTags,
  ideas,
  people,
  plans,
  projects,
  strategies,
  tags,
} from "../../db/schema";
import { calendarDateIn } from "../domain/calendar-date";
import { authorLock, type IdeaStage } from "../domain/idea-stages";
import { encodeIdeaCursor, type IdeaCursor, type IdeaSort } from "../domain/idea-cursor";
import { buildSearchText, escapeLikePattern, parseSearchTerms } from "../domain/idea-search";
import { notifyIdeaAuthors, notifyPeople } from "./notifications.server";
import { accountHolderNames, assignmentCovers, authorWasInDivision, personNameEn, personNameTh } from "./people-sql.server";
import { removeVotesOfAuthors } from "./votes.server";

export type IdeaInput = {
  title: string;
  problem: string;
  solution: string;
  benefit: string;
  planId: number | null;
  coAuthorPersonIds: number[];
  tags: string[];
};

/** Names of people, for the search text. */
async function namesOf(db: Database, personIds: number[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({ name: personNameTh(), nameEn: personNameEn(), code: people.employeeCode })
    .from(people)
    .where(inArray(people.id, personIds));
  return rows.map((row) => `${row.name} ${row.nameEn ?? ""} ${row.code}`);
}

async function tagIdsFor(db: Database, names: string[]): Promise<number[]> {
  if (names.length === 0) return [];
  await db
    .insert(tags)
    .values(names.map((name) => ({ name })))
    .onConflictDoNothing();
  const rows = await db.select({ id: tags.id }).from(tags).where(inArray(tags.name, names));
  return rows.map((row) => row.id);
}

async function strategyOfPlan(db: Database, planId: number | null): Promise<number | null> {
  if (planId === null) return null;
  const [row] = await db.select({ strategyId: plans.strategyId }).from(plans).where(eq(plans.id, planId));
  return row?.strategyId ?? null;
}

/** The columns an author writes (texts and plan item; the strategy follows the plan). */
async function ideaTextColumns(db: Database, input: IdeaInput) {
  return {
    title: input.title,
    problem: input.problem,
    solution: input.solution,
    benefit: input.benefit,
    planId: input.planId,
    strategyId: await strategyOfPlan(db, input.planId),
  };
}

/**
 * Write the authors and tags; the caller holds the idea's row (new, or locked FOR UPDATE). A
 * person who was not an author before hears that `actorPersonId` made them a co-author (an idea
 * saved with the same co-authors notifies no one).
 */
async function writeAuthorsAndTags(db: Database, ideaId: number, submitterPersonId: number, input: IdeaInput, actorPersonId: number) {
  const coAuthors = [...new Set(input.coAuthorPersonIds)].filter((id) => id !== submitterPersonId);
  const previous = await db.delete(ideaAuthors).where(eq(ideaAuthors.ideaId, ideaId)).returning({ personId: ideaAuthors.personId });
  // Authors cannot vote on their own idea: a co-author who had voted loses that vote here, before
  // becoming an author (the database refuses an author row beside their vote: migration 0013).
  await removeVotesOfAuthors(db, ideaId, [submitterPersonId, ...coAuthors]);
  const wereAuthors = new Set(previous.map((row) => row.personId));
  await notifyPeople(db, {
    personIds: coAuthors.filter((personId) => !wereAuthors.has(personId)),
    ideaId,
    kind: "co_author_added",
    actorPersonId,
  });
  await db.insert(ideaAuthors).values([
    { ideaId, personId: submitterPersonId, isSubmitter: true },
    ...coAuthors.map((personId) => ({ ideaId, personId, isSubmitter: false })),
  ]);
  // Authors follow their idea (stage changes and comments reach them); one no longer an author
  // stops following it (they can follow it again), or its news would keep reaching them.
  const authors = new Set([submitterPersonId, ...coAuthors]);
  const removed = [...wereAuthors].filter((personId) => !authors.has(personId));
  if (removed.length > 0) await db.delete(ideaFollowers).where(and(eq(ideaFollowers.ideaId, ideaId), inArray(ideaFollowers.personId, removed)));
  await db
    .insert(ideaFollowers)
    .values([...authors].map((personId) => ({ ideaId, personId })))
    .onConflictDoNothing();
  await db.delete(ideaTags).where(eq(ideaTags.ideaId, ideaId));
  const tagIds = await tagIdsFor(db, input.tags);
  if (tagIds.length > 0) await db.insert(ideaTags).values(tagIds.map((tagId) => ({ ideaId, tagId })));
  const searchText = buildSearchText({ ...input, authorNames: await namesOf(db, [submitterPersonId, ...coAuthors]) });
  await db.update(ideas).set({ searchText }).where(eq(ideas.id, ideaId));
}

/**
 * Submit an idea. A repeated submission token (double click, resent form) returns the idea
 * the first submission created instead of creating another.
 */
export async function createIdea(
  db: Database,
  params: { input: IdeaInput; submitterPersonId: number; accountId: string; submissionToken: string; fiscalYear: number; now?: Date },
): Promise<{ status: "created" | "duplicate"; ideaId: number }> {
  return db.transaction(async (tx) => {
    const now = params.now ?? new Date();
    const [inserted] = await tx
      .insert(ideas)
      .values({
        ...(await ideaTextColumns(tx, params.input)),
        fiscalYear: params.fiscalYear,
        submittedAt: now,
        stageChangedAt: now,
        createdByAccountId: params.accountId,
        submissionToken: params.submissionToken,
      })
      .onConflictDoNothing({ target: ideas.submissionToken })
      .returning({ id: ideas.id });
    if (!inserted) {
      const [existing] = await tx.select({ id: ideas.id }).from(ideas).where(eq(ideas.submissionToken, params.submissionToken));
      return { status: "duplicate" as const, ideaId: existing.id };
    }
    await writeAuthorsAndTags(tx, inserted.id, params.submitterPersonId, params.input, params.submitterPersonId);
    await tx.insert(ideaStageEvents).values({ ideaId: inserted.id, fromStage: null, toStage: "submitted", byAccountId: params.accountId, at: now });
    return { status: "created" as const, ideaId: inserted.id };
  });
}

/** "locked": the committee has started reviewing it; "withdrawn": an author withdrew it. */
export type AuthorChangeResult = "ok" | "notFound" | "notAuthor" | "locked" | "withdrawn";

/** Lock the idea row and check the person may change it (an author, before review starts). */
async function lockForAuthorChange(db: Database, ideaId: number, personId: number) {
  const [idea] = await db.select({ stage: ideas.stage, version: ideas.version }).from(ideas).where(eq(ideas.id, ideaId)).for("update");
  if (!idea) return { result: "notFound" as const };
  const [author] = await db
    .select({ isSubmitter: ideaAuthors.isSubmitter })
    .from(ideaAuthors)
    .where(and(eq(ideaAuthors.ideaId, ideaId), eq(ideaAuthors.personId, personId)));
  if (!author) return { result: "notAuthor" as const };
  const lock = authorLock(idea.stage);
  if (lock !== null) return { result: lock, stage: idea.stage };
  return { result: "ok" as const, stage: idea.stage, version: idea.version };
}

/**
 * An author edits the idea; refused once the committee has started reviewing it. `version` is the
 * version the edit form showed (null: it carried none or a bad one): when another author (or the
 * same one in another tab) saved the idea since, nothing is written and the answer is "conflict".
 * Left out (a script, a test), the save is not checked.
 */
export async function updateIdea(
  db: Database,
  params: { ideaId: number; personId: number; input: IdeaInput; version?: number | null },
): Promise<AuthorChangeResult | "conflict"> {
  return db.transaction(async (tx) => {
    const check = await lockForAuthorChange(tx, params.ideaId, params.personId);
    if (check.result !== "ok") return check.result;
    if (params.version !== undefined && params.version !== check.version) return "conflict" as const;
    const [submitter] = await tx
      .select({ personId: ideaAuthors.personId })
      .from(ideaAuthors)
      .where(and(eq(ideaAuthors.ideaId, params.ideaId), eq(ideaAuthors.isSubmitter, true)));
    // Compare-and-set: the version in the WHERE too (the row is locked above, so this is a second guard).
    const written = await tx
      .update(ideas)
      .set({ ...(await ideaTextColumns(tx, params.input)), updatedAt: new Date(), version: sql`${ideas.version} + 1` })
      .where(and(eq(ideas.id, params.ideaId), eq(ideas.version, check.version)))
      .returning({ id: ideas.id });
    if (written.length === 0) return "conflict" as const;
    await writeAuthorsAndTags(tx, params.ideaId, submitter?.personId ?? params.personId, params.input, params.personId);
    return "ok";
  });
}

/** An author withdraws the idea before review; the move is recorded like any other. */
export async function withdrawIdea(
  db: Database,
  params: { ideaId: number; personId: number; accountId: string; reason: string; now?: Date },
): Promise<AuthorChangeResult> {
  return db.transaction(async (tx) => {
    const check = await lockForAuthorChange(tx, params.ideaId, params.personId);
    if (check.result !== "ok") return check.result;
    const now = params.now ?? new Date();
    await tx.update(ideas).set({ stage: "withdrawn", stageChangedAt: now, updatedAt: now }).where(eq(ideas.id, params.ideaId));
    await tx.insert(ideaStageEvents).values({
      ideaId: params.ideaId,
      fromStage: check.stage,
      toStage: "withdrawn",
      byAccountId: params.accountId,
      reason: params.reason,
      at: now,
    });
    // The other authors of a team idea hear about it.
    await notifyIdeaAuthors(tx, {
      ideaId: params.ideaId,
      kind: "stage_changed",
      actorPersonId: params.personId,
      payload: { from: check.stage, to: "withdrawn" },
    });
    return "ok";
  });
}

export type IdeaDetail = {
  id: number;
  title: string;
  problem: string;
  solution: string;
  benefit: string;
  stage: IdeaStage;
  stageChangedAt: Date;
  submittedAt: Date;
  fiscalYear: number;
  /** Raised by every save of the edit form: the form carries it so a stale save is refused. */
  version: number;
  voteCount: number;
  commentCount: number;
  plan: { id: number; code: string; nameTh: string; nameEn: string } | null;
  strategy: { code: string; nameTh: string; nameEn: string } | null;
  duplicateOf: { id: number; title: string } | null;
  /** The project the idea became or was linked to on approval. */
  project: { id: number; nameTh: string; nameEn: string } | null;
  authors: {
    personId: number;
    nameTh: string;
    nameEn: string | null;
    employeeCode: string;
    isSubmitter: boolean;
    divisionNameTh: string | null;
    divisionNameEn: string | null;
  }[];
  tags: string[];
  history: { id: number; fromStage: IdeaStage | null; toStage: IdeaStage; reason: string; at: Date; byNameTh: string | null; byNameEn: string | null }[];
};

export async function getIdeaDetail(db: Database, ideaId: number, timeZone: string): Promise<IdeaDetail | null> {
  const [row] = await db
    .select({
      idea: ideas,
      planCode: plans.code,
      planNameTh: plans.nameTh,
      planNameEn: plans.nameEn,
      strategyCode: strategies.code,
      strategyNameTh: strategies.nameTh,
      strategyNameEn: strategies.nameEn,
      projectNameTh: projects.nameTh,
      projectNameEn: projects.nameEn,
    })
    .from(ideas)
    .leftJoin(plans, eq(plans.id, ideas.planId))
    .leftJoin(strategies, eq(strategies.id, ideas.strategyId))
    .leftJoin(projects, eq(projects.id, ideas.projectId))
    .where(eq(ideas.id, ideaId));
  if (!row) return null;
  const idea = row.idea;
  const submittedDate = calendarDateIn(idea.submittedAt, timeZone);
  const [authorRows, tagRows, historyRows, original] = await Promise.all([
    db
      .select({
        personId: people.id,
        nameTh: personNameTh(),
        nameEn: personNameEn(),
        employeeCode: people.employeeCode,
        isSubmitter: ideaAuthors.isSubmitter,
        // The division the author was in when the idea was submitted.
        divisionNameTh: sql<string | null>`(
          select d.name_th from ${divisionAssignments} da join divisions d on d.id = da.division_id
          where da.person_id = ${people.id} and ${assignmentCovers(submittedDate)}
          order by da.start_date desc limit 1)`,
        divisionNameEn: sql<string | null>`(
          select d.name_en from ${divisionAssignments} da join divisions d on d.id = da.division_id
          where da.person_id = ${people.id} and ${assignmentCovers(submittedDate)}
          order by da.start_date desc limit 1)`,
      })
      .from(ideaAuthors)
      .innerJoin(people, eq(people.id, ideaAuthors.personId))
      .where(eq(ideaAuthors.ideaId, ideaId))
      .orderBy(desc(ideaAuthors.isSubmitter), asc(people.employeeCode)),
    db
      .select({ name: tags.name })
      .from(ideaTags)
      .innerJoin(tags, eq(tags.id, ideaTags.tagId))
      .where(eq(ideaTags.ideaId, ideaId))
      .orderBy(asc(tags.name)),
    db
      .select({
        id: ideaStageEvents.id,
        fromStage: ideaStageEvents.fromStage,
        toStage: ideaStageEvents.toStage,
        reason: ideaStageEvents.reason,
        at: ideaStageEvents.at,
        byNameTh: accountHolderNames(ideaStageEvents.byAccountId).nameTh,
        byNameEn: accountHolderNames(ideaStageEvents.byAccountId).nameEn,
      })
      .from(ideaStageEvents)
      .where(eq(ideaStageEvents.ideaId, ideaId))
      .orderBy(asc(ideaStageEvents.at), asc(ideaStageEvents.id)),
    idea.duplicateOfIdeaId === null
      ? Promise.resolve([])
      : db.select({ id: ideas.id, title: ideas.title }).from(ideas).where(eq(ideas.id, idea.duplicateOfIdeaId)),
  ]);
  return {
    id: idea.id,
    title: idea.title,
    problem: idea.problem,
    solution: idea.solution,
    benefit: idea.benefit,
    stage: idea.stage,
    stageChangedAt: idea.stageChangedAt,
    submittedAt: idea.submittedAt,
    fiscalYear: idea.fiscalYear,
    version: idea.version,
    voteCount: idea.voteCount,
    commentCount: idea.commentCount,
    plan: row.planCode ? { id: idea.planId as number, code: row.planCode, nameTh: row.planNameTh ?? "", nameEn: row.planNameEn ?? "" } : null,
    strategy: row.strategyCode ? { code: row.strategyCode, nameTh: row.strategyNameTh ?? "", nameEn: row.strategyNameEn ?? "" } : null,
    duplicateOf: original[0] ?? null,
    project: idea.projectId !== null && row.projectNameTh !== null ? { id: idea.projectId, nameTh: row.projectNameTh, nameEn: row.projectNameEn ?? "" } : null,
    authors: authorRows.map((author) => ({
      personId: author.personId,
      nameTh: author.nameTh,
      nameEn: author.nameEn,
      employeeCode: author.employeeCode,
      isSubmitter: author.isSubmitter,
      divisionNameTh: author.divisionNameTh,
      divisionNameEn: author.divisionNameEn,
    })),
    tags: tagRows.map((tag) => tag.name),
    history: historyRows,
  };
}

export type IdeaListFilters = {
  search?: string;
  stage?: IdeaStage;
  planId?: number;
  divisionId?: number;
  fiscalYear?: number;
  authorPersonId?: number;
};

export type IdeaListRow = {
  id: number;
  title: string;
  stage: IdeaStage;
  submittedAt: Date;
  fiscalYear: number;
  voteCount: number;
  commentCount: number;
  planCode: string | null;
  authors: { personId: number; nameTh: string; nameEn: string | null }[];
  tags: string[];
};

function filterConditions(filters: IdeaListFilters, timeZone: string): SQL[] {
  const conditions: SQL[] = [];
  for (const term of parseSearchTerms(filters.search ?? "")) {
    conditions.push(sql`${ideas.searchText} ILIKE ${`%${escapeLikePattern(term)}%`}`);
  }
  if (filters.stage) conditions.push(eq(ideas.stage, filters.stage));
  if (filters.planId !== undefined) conditions.push(eq(ideas.planId, filters.planId));
  if (filters.fiscalYear !== undefined) conditions.push(eq(ideas.fiscalYear, filters.fiscalYear));
  if (filters.authorPersonId !== undefined) {
    conditions.push(sql`exists (select 1 from ${ideaAuthors} where ${ideaAuthors.ideaId} = ${ideas.id} and ${ideaAuthors.personId} = ${filters.authorPersonId})`);
  }
  // The division an author was in when the idea was submitted, not today's.
  if (filters.divisionId !== undefined) conditions.push(authorWasInDivision(filters.divisionId, timeZone));
  return conditions;
}

const SORT_COLUMN = { newest: ideas.submittedAt, votes: ideas.voteCount, discussed: ideas.commentCount } as const;

/**
 * One page of ideas: three queries whatever the page size (the page, its authors, its tags),
 * keyset-paginated on (sort key, id) so deep pages stay fast.
 */
export async function listIdeas(
  db: Database,
  options: { filters: IdeaListFilters; sort: IdeaSort; cursor: IdeaCursor | null; limit: number; timeZone: string },
): Promise<{ rows: IdeaListRow[]; nextCursor: string | null }> {
  const sortColumn = SORT_COLUMN[options.sort];
  const conditions = filterConditions(options.filters, options.timeZone);
  if (options.cursor) {
    // Raw SQL parameters go to the driver as they are: postgres.js wants the instant as text.
    const key = options.sort === "newest" ? sql`${String(options.cursor.key)}::timestamptz` : sql`${Number(options.cursor.key)}`;
    conditions.push(sql`(${sortColumn}, ${ideas.id}) < (${key}, ${options.cursor.id})`);
  }
  const pageRows = await db
    .select({
      id: ideas.id,
      title: ideas.title,
      stage: ideas.stage,
      submittedAt: ideas.submittedAt,
      fiscalYear: ideas.fiscalYear,
      voteCount: ideas.voteCount,
      commentCount: ideas.commentCount,
      planCode: plans.code,
    })
    .from(ideas)
    .leftJoin(plans, eq(plans.id, ideas.planId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(sortColumn), desc(ideas.id))
    .limit(options.limit + 1);
  const page = pageRows.slice(0, options.limit);
  const ids = page.map((row) => row.id);
  const [authorRows, tagRows] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .select({ ideaId: ideaAuthors.ideaId, personId: people.id, nameTh: personNameTh(), nameEn: personNameEn(), isSubmitter: ideaAuthors.isSubmitter })
            .from(ideaAuthors)
            .innerJoin(people, eq(people.id, ideaAuthors.personId))
            .where(inArray(ideaAuthors.ideaId, ids))
            .orderBy(desc(ideaAuthors.isSubmitter), asc(people.employeeCode)),
          db
            .select({ ideaId: ideaTags.ideaId, name: tags.name })
            .from(ideaTags)
            .innerJoin(tags, eq(tags.id, ideaTags.tagId))
            .where(inArray(ideaTags.ideaId, ids))
            .orderBy(asc(tags.name)),
        ]);
  const last = page[page.length - 1];
  const nextCursor =
    pageRows.length > options.limit && last
      ? encodeIdeaCursor({
          sort: options.sort,
          key: options.sort === "newest" ? last.submittedAt.toISOString() : options.sort === "votes" ? last.voteCount : last.commentCount,
          id: last.id,
        })
      : null;
  return {
    rows: page.map((row) => ({
      ...row,
      authors: authorRows
        .filter((author) => author.ideaId === row.id)
        .map(({ personId, nameTh, nameEn }) => ({ personId, nameTh, nameEn })),
      tags: tagRows.filter((tag) => tag.ideaId === row.id).map((tag) => tag.name),
    })),
    nextCursor,
  };
}

/** Ideas whose title looks like `title` (trigram similarity works on Thai too), to cut duplicates. */
export async function findSimilarIdeas(
  db: Database,
  title: string,
  options: { limit?: number; excludeIdeaId?: number } = {},
): Promise<{ id: number; title: string; stage: IdeaStage }[]> {
  const query = title.normalize("NFC").trim().slice(0, 200);
  if ([...query].length < 3) return [];
  const score = sql<number>`greatest(similarity(${ideas.title}, ${query}), word_similarity(${query}, ${ideas.title}))`;
  return db
    .select({ id: ideas.id, title: ideas.title, stage: ideas.stage })
    .from(ideas)
    .where(
      and(
        sql`(${ideas.title} % ${query} OR ${query} <% ${ideas.title})`,
        ne(ideas.stage, "withdrawn"),
        options.excludeIdeaId === undefined ? undefined : ne(ideas.id, options.excludeIdeaId),
      ),
    )
    .orderBy(desc(score), desc(ideas.id))
    .limit(options.limit ?? 5);
}

