import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { committeeNotes, ideas, people } from "../../db/schema";
import { personNameEn, personNameTh } from "./people-sql.server";

/**
 * Committee-only notes on an idea, threaded by `parentNoteId`. Only committee loaders call
 * these functions: the idea page, the notifications and everything staff see never do.
 */
export type CommitteeNote = {
  id: number;
  parentNoteId: number | null;
  authorPersonId: number;
  authorNameTh: string;
  authorNameEn: string | null;
  body: string;
  createdAt: Date;
};

export const NOTE_MAX_LENGTH = 5000;

export async function listCommitteeNotes(db: Database, ideaId: number): Promise<CommitteeNote[]> {
  const rows = await db
    .select({
      id: committeeNotes.id,
      parentNoteId: committeeNotes.parentNoteId,
      authorPersonId: committeeNotes.authorPersonId,
      authorNameTh: personNameTh(),
      authorNameEn: personNameEn(),
      body: committeeNotes.body,
      createdAt: committeeNotes.createdAt,
    })
    .from(committeeNotes)
    .innerJoin(people, eq(people.id, committeeNotes.authorPersonId))
    .where(eq(committeeNotes.ideaId, ideaId))
    .orderBy(asc(committeeNotes.createdAt), asc(committeeNotes.id));
  return rows.map((row) => ({
    id: row.id,
    parentNoteId: row.parentNoteId,
    authorPersonId: row.authorPersonId,
    authorNameTh: row.authorNameTh,
    authorNameEn: row.authorNameEn,
    body: row.body,
    createdAt: row.createdAt,
  }));
}

export type AddNoteResult = { status: "added"; noteId: number } | { status: "notFound" | "parentUnknown" };

/** Add a note, or a reply to a note on the same idea. */
export async function addCommitteeNote(
  db: Database,
  params: { ideaId: number; authorPersonId: number; body: string; parentNoteId?: number | null; now?: Date },
): Promise<AddNoteResult> {
  return db.transaction(async (tx) => {
    const [idea] = await tx.select({ id: ideas.id }).from(ideas).where(eq(ideas.id, params.ideaId));
    if (!idea) return { status: "notFound" as const };
    if (params.parentNoteId) {
      const [parent] = await tx
        .select({ id: committeeNotes.id })
        .from(committeeNotes)
        .where(and(eq(committeeNotes.id, params.parentNoteId), eq(committeeNotes.ideaId, params.ideaId)));
      if (!parent) return { status: "parentUnknown" as const };
    }
    const [row] = await tx
      .insert(committeeNotes)
      .values({
        ideaId: params.ideaId,
        parentNoteId: params.parentNoteId ?? null,
        authorPersonId: params.authorPersonId,
        body: params.body,
        createdAt: params.now ?? new Date(),
      })
      .returning({ id: committeeNotes.id });
    return { status: "added" as const, noteId: row.id };
  });
}
