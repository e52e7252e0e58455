import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { ideaComments, ideas, people } from "../../db/schema";
import { isOpenForVotes } from "../domain/idea-stages";
import { renderMarkdown } from "../markdown.server";
import { notifyIdeaAuthors } from "./notifications.server";
import { personNameEn, personNameTh } from "./people-sql.server";

export type AddCommentResult = { status: "added" | "duplicate" | "closed" | "notFound"; commentId?: number };
export type CommentChangeResult = "ok" | "notYours" | "notFound";

export type CommentView = {
  id: number;
  ideaId: number;
  authorPersonId: number;
  authorNameTh: string;
  authorNameEn: string | null;
  byCommittee: boolean;
  /** Sanitised HTML rendered from `body` when read. */
  bodyHtml: string;
  /** The markdown source, for the edit form. */
  body: string;
  createdAt: Date;
  updatedAt: Date | null;
};

/**
 * Add a comment (the body already validated by the caller). A repeated `submissionToken` (a
 * double submit) creates nothing and answers "duplicate" with the first comment's id. The
 * idea's comment counter moves in the same transaction, and its authors (and followers) are
 * notified, never the commenter.
 */
export async function addComment(
  db: Database,
  params: { ideaId: number; authorPersonId: number; body: string; byCommittee: boolean; submissionToken?: string | null },
): Promise<AddCommentResult> {
  return db.transaction(async (tx) => {
    const [idea] = await tx.select({ stage: ideas.stage }).from(ideas).where(eq(ideas.id, params.ideaId)).for("no key update");
    if (!idea) return { status: "notFound" };
    if (!isOpenForVotes(idea.stage)) return { status: "closed" };
    const token = params.submissionToken || null;
    const inserted = await tx
      .insert(ideaComments)
      .values({
        ideaId: params.ideaId,
        authorPersonId: params.authorPersonId,
        body: params.body,
        byCommittee: params.byCommittee,
        submissionToken: token,
      })
      .onConflictDoNothing({ target: ideaComments.submissionToken })
      .returning({ id: ideaComments.id });
    const comment = inserted[0];
    if (!comment) {
      const [existing] = token
        ? await tx
            .select({ id: ideaComments.id, authorPersonId: ideaComments.authorPersonId })
            .from(ideaComments)
            .where(eq(ideaComments.submissionToken, token))
        : [];
      return existing && existing.authorPersonId === params.authorPersonId
        ? { status: "duplicate", commentId: existing.id }
        : { status: "duplicate" };
    }
    await tx
      .update(ideas)
      .set({ commentCount: sql`${ideas.commentCount} + 1` })
      .where(eq(ideas.id, params.ideaId));
    await notifyIdeaAuthors(tx, {
      ideaId: params.ideaId,
      kind: "comment",
      actorPersonId: params.authorPersonId,
      payload: { commentId: comment.id },
      includeFollowers: true,
    });
    return { status: "added", commentId: comment.id };
  });
}

async function findComment(db: Database, commentId: number) {
  const [row] = await db
    .select({ ideaId: ideaComments.ideaId, authorPersonId: ideaComments.authorPersonId })
    .from(ideaComments)
    .where(eq(ideaComments.id, commentId));
  return row;
}

/** The author edits their own comment (body validated by the caller). */
export async function updateComment(
  db: Database,
  params: { commentId: number; personId: number; body: string },
): Promise<CommentChangeResult> {
  const comment = await findComment(db, params.commentId);
  if (!comment) return "notFound";
  if (comment.authorPersonId !== params.personId) return "notYours";
  const updated = await db
    .update(ideaComments)
    .set({ body: params.body, updatedAt: sql`now()` })
    .where(and(eq(ideaComments.id, params.commentId), eq(ideaComments.authorPersonId, params.personId)))
    .returning({ id: ideaComments.id });
  return updated.length > 0 ? "ok" : "notFound";
}

/** The author deletes their own comment; the idea's counter moves only if a row went. */
export async function deleteComment(db: Database, params: { commentId: number; personId: number }): Promise<CommentChangeResult> {
  return db.transaction(async (tx) => {
    const comment = await findComment(tx, params.commentId);
    if (!comment) return "notFound";
    if (comment.authorPersonId !== params.personId) return "notYours";
    // The idea's row first, as addComment and the votes do, so the order of locks is always the same.
    await tx.select({ id: ideas.id }).from(ideas).where(eq(ideas.id, comment.ideaId)).for("no key update");
    const deleted = await tx
      .delete(ideaComments)
      .where(and(eq(ideaComments.id, params.commentId), eq(ideaComments.authorPersonId, params.personId)))
      .returning({ ideaId: ideaComments.ideaId });
    if (deleted.length === 0) return "notFound";
    await tx
      .update(ideas)
      .set({ commentCount: sql`${ideas.commentCount} - 1` })
      .where(eq(ideas.id, comment.ideaId));
    return "ok";
  });
}

/** The idea's comments, oldest first (newest last), each rendered from markdown when read. */
export async function listComments(db: Database, ideaId: number): Promise<CommentView[]> {
  const rows = await db
    .select({
      id: ideaComments.id,
      ideaId: ideaComments.ideaId,
      authorPersonId: ideaComments.authorPersonId,
      authorNameTh: personNameTh(),
      authorNameEn: personNameEn(),
      byCommittee: ideaComments.byCommittee,
      body: ideaComments.body,
      createdAt: ideaComments.createdAt,
      updatedAt: ideaComments.updatedAt,
    })
    .from(ideaComments)
    .innerJoin(people, eq(people.id, ideaComments.authorPersonId))
    .where(eq(ideaComments.ideaId, ideaId))
    .orderBy(asc(ideaComments.createdAt), asc(ideaComments.id));
  return rows.map((row) => ({
    id: row.id,
    ideaId: row.ideaId,
    authorPersonId: row.authorPersonId,
    authorNameTh: row.authorNameTh,
    authorNameEn: row.authorNameEn,
    byCommittee: row.byCommittee,
    bodyHtml: renderMarkdown(row.body),
    body: row.body,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

/** The idea a comment thread belongs to: what the comments page needs to show and allow. */
export async function getCommentThreadIdea(db: Database, ideaId: number): Promise<{ id: number; title: string; open: boolean } | null> {
  const [row] = await db.select({ id: ideas.id, title: ideas.title, stage: ideas.stage }).from(ideas).where(eq(ideas.id, ideaId));
  return row ? { id: row.id, title: row.title, open: isOpenForVotes(row.stage) } : null;
}

/** One comment with its idea's title, for its edit page. */
export async function getComment(
  db: Database,
  commentId: number,
): Promise<{ id: number; ideaId: number; ideaTitle: string; authorPersonId: number; body: string } | null> {
  const [row] = await db
    .select({
      id: ideaComments.id,
      ideaId: ideaComments.ideaId,
      ideaTitle: ideas.title,
      authorPersonId: ideaComments.authorPersonId,
      body: ideaComments.body,
    })
    .from(ideaComments)
    .innerJoin(ideas, eq(ideas.id, ideaComments.ideaId))
    .where(eq(ideaComments.id, commentId));
  return row ?? null;
}
