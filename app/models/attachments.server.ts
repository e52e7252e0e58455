import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import {
  attachments,
  ideaAuthors,
  ideaStageEvents,
  ideas,
  innovationFollowUps,
  innovations,
  projects,
  type AttachmentOwner,
} from "../../db/schema";
import { accountHolderNames } from "./people-sql.server";

/** What a list shows: never the bytes. */
export type AttachmentMeta = {
  id: number;
  ownerType: AttachmentOwner;
  ownerId: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
  uploadedByNameTh: string | null;
  uploadedByNameEn: string | null;
};

const metaColumns = {
  id: attachments.id,
  ownerType: attachments.ownerType,
  ownerId: attachments.ownerId,
  fileName: attachments.fileName,
  contentType: attachments.contentType,
  sizeBytes: attachments.sizeBytes,
  createdAt: attachments.createdAt,
  uploadedByNameTh: accountHolderNames(attachments.uploadedByAccountId).nameTh,
  uploadedByNameEn: accountHolderNames(attachments.uploadedByAccountId).nameEn,
};

export async function listAttachments(db: Database, ownerType: AttachmentOwner, ownerIds: number[]): Promise<AttachmentMeta[]> {
  if (ownerIds.length === 0) return [];
  return db
    .select(metaColumns)
    .from(attachments)
    .where(and(eq(attachments.ownerType, ownerType), inArray(attachments.ownerId, ownerIds)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export async function getAttachmentMeta(db: Database, attachmentId: number): Promise<AttachmentMeta | null> {
  const [row] = await db.select(metaColumns).from(attachments).where(eq(attachments.id, attachmentId));
  return row ?? null;
}

export async function getAttachmentData(db: Database, attachmentId: number): Promise<Buffer | null> {
  const [row] = await db.select({ data: attachments.data }).from(attachments).where(eq(attachments.id, attachmentId));
  return row?.data ?? null;
}

export async function insertAttachment(
  db: Database,
  values: { ownerType: AttachmentOwner; ownerId: number; fileName: string; contentType: string; data: Buffer; uploadedByAccountId: string | null },
): Promise<number> {
  const [row] = await db
    .insert(attachments)
    .values({ ...values, sizeBytes: values.data.byteLength })
    .returning({ id: attachments.id });
  return row.id;
}

export async function deleteAttachmentRow(db: Database, attachmentId: number): Promise<void> {
  await db.delete(attachments).where(eq(attachments.id, attachmentId));
}

/** Delete the attachments of owners that are going away (the table has no foreign key to them). */
export async function deleteAttachmentsOf(db: Database, ownerType: AttachmentOwner, ownerIds: number[]): Promise<void> {
  if (ownerIds.length === 0) return;
  await db.delete(attachments).where(and(eq(attachments.ownerType, ownerType), inArray(attachments.ownerId, ownerIds)));
}

/**
 * The idea a record belongs to (for ideas and stage events) and whether the record exists.
 * Projects, innovations and follow-ups answer with `ideaId: null`.
 */
export async function attachmentOwnerInfo(
  db: Database,
  ownerType: AttachmentOwner,
  ownerId: number,
): Promise<{ exists: boolean; ideaId: number | null }> {
  switch (ownerType) {
    case "idea": {
      const [row] = await db.select({ id: ideas.id }).from(ideas).where(eq(ideas.id, ownerId));
      return { exists: Boolean(row), ideaId: row?.id ?? null };
    }
    case "stage_event": {
      const [row] = await db.select({ ideaId: ideaStageEvents.ideaId }).from(ideaStageEvents).where(eq(ideaStageEvents.id, ownerId));
      return { exists: Boolean(row), ideaId: row?.ideaId ?? null };
    }
    case "project": {
      const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, ownerId));
      return { exists: Boolean(row), ideaId: null };
    }
    case "innovation": {
      const [row] = await db.select({ id: innovations.id }).from(innovations).where(eq(innovations.id, ownerId));
      return { exists: Boolean(row), ideaId: null };
    }
    case "follow_up": {
      const [row] = await db.select({ id: innovationFollowUps.id }).from(innovationFollowUps).where(eq(innovationFollowUps.id, ownerId));
      return { exists: Boolean(row), ideaId: null };
    }
  }
}

export async function isIdeaAuthor(db: Database, ideaId: number, personId: number): Promise<boolean> {
  const [row] = await db
    .select({ personId: ideaAuthors.personId })
    .from(ideaAuthors)
    .where(and(eq(ideaAuthors.ideaId, ideaId), eq(ideaAuthors.personId, personId)));
  return Boolean(row);
}

/** Ideas where this person is an author, among the given ones. */
export async function ideasAuthoredBy(db: Database, ideaIds: number[], personId: number): Promise<Set<number>> {
  if (ideaIds.length === 0) return new Set();
  const rows = await db
    .select({ ideaId: ideaAuthors.ideaId })
    .from(ideaAuthors)
    .where(and(inArray(ideaAuthors.ideaId, ideaIds), eq(ideaAuthors.personId, personId)));
  return new Set(rows.map((row) => row.ideaId));
}
