import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { ideaAuthors, ideas, ideaVotes } from "../../db/schema";
import { isOpenForVotes } from "../domain/idea-stages";

export type AddVoteResult = "added" | "already" | "own" | "closed" | "notFound";
export type RemoveVoteResult = "removed" | "absent";

export type VoteSummary = { voteCount: number; viewerHasVoted: boolean; viewerIsAuthor: boolean };

/**
 * Lock the idea's row for this transaction (the lock an UPDATE of its counters takes anyway),
 * so a vote and a stage change or another vote on the same idea happen one after the other.
 * FOR NO KEY UPDATE leaves foreign-key checks (comments, follows) unblocked.
 */
async function lockIdea(tx: Database, ideaId: number) {
  const [idea] = await tx.select({ stage: ideas.stage }).from(ideas).where(eq(ideas.id, ideaId)).for("no key update");
  return idea;
}

async function isAuthorOf(db: Database, ideaId: number, personId: number): Promise<boolean> {
  const [row] = await db
    .select({ personId: ideaAuthors.personId })
    .from(ideaAuthors)
    .where(and(eq(ideaAuthors.ideaId, ideaId), eq(ideaAuthors.personId, personId)));
  return row !== undefined;
}

/**
 * One vote per person per idea (the primary key is the rule): the counter moves only when a
 * row was really inserted, so it stays equal to the rows whatever runs at the same time.
 * No vote on an idea the person authored or co-authored ("own", before the database's trigger
 * would refuse the row: migration 0013), nor on a closed one.
 */
export async function addVote(db: Database, params: { ideaId: number; personId: number }): Promise<AddVoteResult> {
  return db.transaction(async (tx) => {
    const idea = await lockIdea(tx, params.ideaId);
    if (!idea) return "notFound";
    if (await isAuthorOf(tx, params.ideaId, params.personId)) return "own";
    if (!isOpenForVotes(idea.stage)) return "closed";
    const inserted = await tx
      .insert(ideaVotes)
      .values({ ideaId: params.ideaId, personId: params.personId })
      .onConflictDoNothing()
      .returning({ ideaId: ideaVotes.ideaId });
    if (inserted.length === 0) return "already";
    await tx
      .update(ideas)
      .set({ voteCount: sql`${ideas.voteCount} + 1` })
      .where(eq(ideas.id, params.ideaId));
    return "added";
  });
}

/** Take a vote back (allowed whatever the stage); the counter moves only if a row went. */
export async function removeVote(db: Database, params: { ideaId: number; personId: number }): Promise<RemoveVoteResult> {
  return db.transaction(async (tx) => {
    const idea = await lockIdea(tx, params.ideaId);
    if (!idea) return "absent";
    const deleted = await tx
      .delete(ideaVotes)
      .where(and(eq(ideaVotes.ideaId, params.ideaId), eq(ideaVotes.personId, params.personId)))
      .returning({ ideaId: ideaVotes.ideaId });
    if (deleted.length === 0) return "absent";
    await tx
      .update(ideas)
      .set({ voteCount: sql`${ideas.voteCount} - 1` })
      .where(eq(ideas.id, params.ideaId));
    return "removed";
  });
}

/**
 * No vote on one's own idea, also for someone who voted and became an author afterwards (added as
 * a co-author on edit): their votes on it go, and the counter moves by the rows really deleted.
 * Call it in the transaction that writes the authors, before writing them (the database refuses
 * an author row beside that person's vote on the idea, migration 0013), holding the idea's row
 * lock (updateIdea's FOR UPDATE): addVote waits for that lock and then sees them as authors, so
 * none slips in.
 */
export async function removeVotesOfAuthors(tx: Database, ideaId: number, authorPersonIds: readonly number[]): Promise<number> {
  if (authorPersonIds.length === 0) return 0;
  const deleted = await tx
    .delete(ideaVotes)
    .where(and(eq(ideaVotes.ideaId, ideaId), inArray(ideaVotes.personId, [...authorPersonIds])))
    .returning({ personId: ideaVotes.personId });
  if (deleted.length > 0) {
    await tx
      .update(ideas)
      .set({ voteCount: sql`${ideas.voteCount} - ${deleted.length}` })
      .where(eq(ideas.id, ideaId));
  }
  return deleted.length;
}

/** The count shown on the idea and what the viewer may do with it (an unknown idea counts 0). */
export async function getVoteSummary(db: Database, ideaId: number, viewerPersonId: number): Promise<VoteSummary> {
  const [row] = await db
    .select({
      voteCount: ideas.voteCount,
      viewerHasVoted: sql<boolean>`exists (select 1 from ${ideaVotes} where ${ideaVotes.ideaId} = ${ideas.id} and ${ideaVotes.personId} = ${viewerPersonId})`,
      viewerIsAuthor: sql<boolean>`exists (select 1 from ${ideaAuthors} where ${ideaAuthors.ideaId} = ${ideas.id} and ${ideaAuthors.personId} = ${viewerPersonId})`,
    })
    .from(ideas)
    .where(eq(ideas.id, ideaId));
  if (!row) return { voteCount: 0, viewerHasVoted: false, viewerIsAuthor: false };
  return { voteCount: row.voteCount, viewerHasVoted: Boolean(row.viewerHasVoted), viewerIsAuthor: Boolean(row.viewerIsAuthor) };
}
