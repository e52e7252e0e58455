import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { fileTypeFromBuffer } from "file-type";
import type { Database } from "../../db/client.server";
import { ATTACHMENT_OWNERS, type AttachmentOwner } from "../../db/schema";
import {
  cleanFileName,
  contentDisposition,
  kindOfContentType,
  kindOfDetectedContent,
  MAX_ATTACHMENT_BYTES,
  type AttachmentKind,
} from "../domain/attachment-kinds";
import { hasAnyRole, type Role } from "../domain/roles";
import {
  attachmentOwnerInfo,
  deleteAttachmentRow,
  getAttachmentData,
  getAttachmentMeta,
  insertAttachment,
  isIdeaAuthor,
  type AttachmentMeta,
} from "../models/attachments.server";
import { recordAudit } from "../models/audit.server";
import { notFound } from "../http-errors";

type Actor = { accountId: string; ipAddress?: string };

export type AttachmentError =
  | "projects.attachment.error.missing"
  | "projects.attachment.error.tooLarge"
  | "projects.attachment.error.kind"
  | "projects.attachment.error.owner";

/** A posted form that may carry one file (field "file"): its other fields and the file. */
export type UploadForm = { fields: FormData; file: File | null; tooLarge: boolean };

const MAX_TEXT_PART_BYTES = 64 * 1024;

async function drain(data: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const _chunk of data) {
    // Discard: only the first part named "file" is kept.
  }
}

/**
 * Read a posted form: multipart (a file upload) through Remix's memory upload handler with a
 * 10 MB limit, or an ordinary url-encoded form. A file over the limit stops the parse; the
 * fields sent before it (the form puts its hidden fields first) are kept so the page can say
 * which upload was refused, and `tooLarge` is set. Only one file, named "file", is kept.
 */
export async function readUploadForm(request: Request): Promise<UploadForm> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) {
    const fields = await request.formData();
    return { fields, file: null, tooLarge: false };
  }
  const fields = new FormData();
  let sawFile = false;
  const fileHandler = unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES });
  const textHandler = unstable_createMemoryUploadHandler({ maxPartSize: MAX_TEXT_PART_BYTES });
  const handler: UploadHandler = async (part) => {
    if (typeof part.filename !== "string") {
      const value = await textHandler(part);
      if (typeof value === "string") fields.append(part.name, value);
      return value;
    }
    if (part.name !== "file" || sawFile) {
      await drain(part.data);
      return undefined;
    }
    sawFile = true;
    return fileHandler(part);
  };
  try {
    const parsed = await unstable_parseMultipartFormData(request, handler);
    const file = parsed.get("file");
    return { fields, file: file instanceof File && file.size > 0 ? file : null, tooLarge: false };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError || (error as Error)?.name === "MaxPartSizeExceededError" || /exceeded upload size/i.test(String((error as Error)?.message))) {
      return { fields, file: null, tooLarge: true };
    }
    if (error instanceof TypeError) throw new Response("Bad request", { status: 400 });
    throw error;
  }
}

/** The owner a posted upload names (hidden fields ownerType, ownerId), if well-formed. */
export function uploadOwnerOf(fields: FormData): { ownerType: AttachmentOwner; ownerId: number } | null {
  const ownerType = String(fields.get("ownerType") ?? "");
  const ownerId = String(fields.get("ownerId") ?? "");
  if (!(ATTACHMENT_OWNERS as readonly string[]).includes(ownerType)) return null;
  if (!/^[1-9][0-9]{0,9}$/.test(ownerId) || Number(ownerId) > 2_147_483_647) return null;
  return { ownerType: ownerType as AttachmentOwner, ownerId: Number(ownerId) };
}

/** The accepted kind of these bytes, decided by their content alone. */
export async function detectAttachmentKind(bytes: Uint8Array): Promise<AttachmentKind | null> {
  if (bytes.byteLength === 0) return null;
  const detected = await fileTypeFromBuffer(bytes);
  return kindOfDetectedContent(detected?.mime, bytes);
}

/**
 * Store one evidence file with its record. The type stored is what the content is (a PDF named
 * "scan.png" is stored as application/pdf, named "scan.pdf"); anything not an accepted kind, an
 * empty file or one over 10 MB is refused with a message for the person.
 */
export async function saveAttachment(
  db: Database,
  actor: Actor,
  params: { ownerType: AttachmentOwner; ownerId: number; fileName: string; bytes: Uint8Array },
): Promise<{ ok: true; attachmentId: number } | { ok: false; error: AttachmentError }> {
  if (params.bytes.byteLength === 0) return { ok: false, error: "projects.attachment.error.missing" };
  if (params.bytes.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, error: "projects.attachment.error.tooLarge" };
  const kind = await detectAttachmentKind(params.bytes);
  if (!kind) return { ok: false, error: "projects.attachment.error.kind" };
  const fileName = cleanFileName(params.fileName, kind);
  return db.transaction(async (tx) => {
    const owner = await attachmentOwnerInfo(tx, params.ownerType, params.ownerId);
    if (!owner.exists) return { ok: false as const, error: "projects.attachment.error.owner" as const };
    const attachmentId = await insertAttachment(tx, {
      ownerType: params.ownerType,
      ownerId: params.ownerId,
      fileName,
      contentType: kind.contentType,
      data: Buffer.from(params.bytes.buffer, params.bytes.byteOffset, params.bytes.byteLength),
      uploadedByAccountId: actor.accountId,
    });
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "attachment.uploaded",
      entityType: params.ownerType,
      entityId: params.ownerId,
      details: { attachmentId, fileName, contentType: kind.contentType, sizeBytes: params.bytes.byteLength },
      ipAddress: actor.ipAddress,
    });
    return { ok: true as const, attachmentId };
  });
}

/** Store the file of a read upload form (see readUploadForm), for `owner`. */
export async function saveUploadedFile(
  db: Database,
  actor: Actor,
  form: UploadForm,
  owner: { ownerType: AttachmentOwner; ownerId: number },
): Promise<{ ok: true; attachmentId: number } | { ok: false; error: AttachmentError }> {
  if (form.tooLarge) return { ok: false, error: "projects.attachment.error.tooLarge" };
  if (!form.file) return { ok: false, error: "projects.attachment.error.missing" };
  const bytes = new Uint8Array(await form.file.arrayBuffer());
  return saveAttachment(db, actor, { ...owner, fileName: form.file.name, bytes });
}

export async function removeAttachment(db: Database, actor: Actor, attachmentId: number): Promise<"removed" | "notFound"> {
  return db.transaction(async (tx) => {
    const meta = await getAttachmentMeta(tx, attachmentId);
    if (!meta) return "notFound" as const;
    await deleteAttachmentRow(tx, attachmentId);
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "attachment.removed",
      entityType: meta.ownerType,
      entityId: meta.ownerId,
      details: { attachmentId, fileName: meta.fileName },
      ipAddress: actor.ipAddress,
    });
    return "removed" as const;
  });
}

/**
 * Who may open an evidence file: whoever may see the record it belongs to. Ideas, projects,
 * innovations and follow-ups are open to everyone signed in; the evidence of a committee
 * decision (a stage event) to the committee, executives and the idea's authors.
 */
export async function mayViewAttachment(
  db: Database,
  viewer: { personId: number; roles: readonly Role[] },
  meta: Pick<AttachmentMeta, "ownerType" | "ownerId">,
): Promise<boolean> {
  if (meta.ownerType !== "stage_event") return true;
  if (hasAnyRole(viewer.roles, STAGE_EVIDENCE_ROLES)) return true;
  const owner = await attachmentOwnerInfo(db, "stage_event", meta.ownerId);
  return owner.ideaId !== null && (await isIdeaAuthor(db, owner.ideaId, viewer.personId));
}

/** Whether `viewer` may open file `attachmentId`: its details when so, else why not. */
export async function attachmentAccess(
  db: Database,
  viewer: { personId: number; roles: readonly Role[] },
  attachmentId: number,
): Promise<{ status: "allowed"; meta: AttachmentMeta } | { status: "notFound" } | { status: "forbidden" }> {
  const meta = await getAttachmentMeta(db, attachmentId);
  if (!meta) return { status: "notFound" };
  if (!(await mayViewAttachment(db, viewer, meta))) return { status: "forbidden" };
  return { status: "allowed", meta };
}

/** Roles that see every committee decision's evidence (authors see their own ideas'). */
export const STAGE_EVIDENCE_ROLES: readonly Role[] = ["committee", "executive"];

/** The file as a download: stored type, safe name, never sniffed, never cached by a proxy. */
export async function attachmentResponse(db: Database, meta: AttachmentMeta): Promise<Response> {
  const data = await getAttachmentData(db, meta.id);
  if (!data) throw notFound();
  const kind = kindOfContentType(meta.contentType);
  const inline = kind?.inline ?? false;
  return new Response(new Uint8Array(data), {
    status: 200,
    headers: {
      "Content-Type": kind ? kind.contentType : "application/octet-stream",
      "Content-Length": String(data.byteLength),
      "Content-Disposition": contentDisposition(meta.fileName, inline),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      // Opened on its own, a file can run nothing and load nothing.
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
