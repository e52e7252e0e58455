import { and, count, desc, eq, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { ideaAuthors, ideaFollowers, ideas, notifications, people, type NotificationKind } from "../../db/schema";
import { personNameEn, personNameTh } from "./people-sql.server";

export type NotificationRow = {
  id: number;
  kind: NotificationKind;
  ideaId: number | null;
  ideaTitle: string | null;
  actorPersonId: number | null;
  actorNameTh: string | null;
  actorNameEn: string | null;
  payload: unknown;
  createdAt: Date;
  readAt: Date | null;
};

/**
 * One notification for each author of the idea (and, with `includeFollowers`, each follower),
 * never to the person who acted nor to `exceptPersonIds`. Pass the transaction that made the
 * change, so the notice commits with it. Returns how many were created.
 */
export async function notifyIdeaAuthors(
  db: Database,
  params: {
    ideaId: number;
    kind: NotificationKind;
    actorPersonId: number | null;
    payload?: Record<string, unknown>;
    exceptPersonIds?: readonly number[];
    includeFollowers?: boolean;
  },
): Promise<number> {
  const excluded = new Set<number>(params.exceptPersonIds ?? []);
  if (params.actorPersonId !== null) excluded.add(params.actorPersonId);
  const authors = await db.select({ personId: ideaAuthors.personId }).from(ideaAuthors).where(eq(ideaAuthors.ideaId, params.ideaId));
  const followers = params.includeFollowers
    ? await db.select({ personId: ideaFollowers.personId }).from(ideaFollowers).where(eq(ideaFollowers.ideaId, params.ideaId))
    : [];
  const recipients = [...new Set([...authors, ...followers].map((row) => row.personId))]
    .filter((personId) => !excluded.has(personId));
  const { ideaId, kind, actorPersonId, payload } = params;
  return notifyPeople(db, { personIds: recipients, ideaId, kind, actorPersonId, payload });
}

/** One notification for each of `personIds` (never the actor), as the idea's authors get theirs. */
export async function notifyPeople(
  db: Database,
  params: { personIds: readonly number[]; ideaId: number; kind: NotificationKind; actorPersonId: number | null; payload?: Record<string, unknown> },
): Promise<number> {
  const recipients = [...new Set(params.personIds)].filter((personId) => personId !== params.actorPersonId).sort((a, b) => a - b);
  if (recipients.length === 0) return 0;
  await db.insert(notifications).values(
    recipients.map((recipientPersonId) => ({
      recipientPersonId,
      kind: params.kind,
      ideaId: params.ideaId,
      actorPersonId: params.actorPersonId,
      payload: params.payload ?? {},
    })),
  );
  return recipients.length;
}

export async function countUnread(db: Database, personId: number): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientPersonId, personId), isNull(notifications.readAt)));
  return Number(row?.unread ?? 0);
}

/** Newest first, keyset-paginated by (createdAt, id) so a page costs the same at any depth. */
export async function listNotifications(
  db: Database,
  personId: number,
  options: { limit: number; before?: { createdAt: Date; id: number } },
): Promise<NotificationRow[]> {
  const conditions: SQL[] = [eq(notifications.recipientPersonId, personId)];
  if (options.before) {
    conditions.push(
      or(
        lt(notifications.createdAt, options.before.createdAt),
        and(eq(notifications.createdAt, options.before.createdAt), lt(notifications.id, options.before.id)),
      ) as SQL,
    );
  }
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      ideaId: notifications.ideaId,
      ideaTitle: ideas.title,
      actorPersonId: notifications.actorPersonId,
      actorNameTh: personNameTh(),
      actorNameEn: personNameEn(),
      payload: notifications.payload,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(ideas, eq(ideas.id, notifications.ideaId))
    .leftJoin(people, eq(people.id, notifications.actorPersonId))
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    ideaId: row.ideaId,
    ideaTitle: row.ideaTitle,
    actorPersonId: row.actorPersonId,
    actorNameTh: row.actorNameTh as string | null,
    actorNameEn: row.actorNameEn,
    payload: row.payload,
    createdAt: row.createdAt,
    readAt: row.readAt,
  }));
}

/**
 * Mark the person's own unread notifications read (others' ids are ignored); returns how many.
 * `{ upToId }`: all of them up to the newest the page showed (newestNotificationId), so one that
 * arrived after the page was shown stays unread until it is seen.
 */
export async function markRead(db: Database, personId: number, which: readonly number[] | "all" | { upToId: number }): Promise<number> {
  const conditions: SQL[] = [eq(notifications.recipientPersonId, personId), isNull(notifications.readAt)];
  if (which !== "all" && "upToId" in which) conditions.push(lte(notifications.id, which.upToId));
  else if (which !== "all") {
    if (which.length === 0) return 0;
    conditions.push(inArray(notifications.id, [...which]));
  }
  const updated = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(...conditions))
    .returning({ id: notifications.id });
  return updated.length;
}

/** The id of the person's newest notification (0 when none): "mark all read" reads up to it. */
export async function newestNotificationId(db: Database, personId: number): Promise<number> {
  const [row] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.recipientPersonId, personId))
    .orderBy(desc(notifications.id))
    .limit(1);
  return row?.id ?? 0;
}

/**
 * The person opens one of their own notifications: it is read from then on (an open of one
 * already read keeps its first reading time). Returns where it points, or null when it is not
 * theirs or does not exist, with nothing changed.
 */
export async function openNotification(
  db: Database,
  personId: number,
  notificationId: number,
): Promise<{ ideaId: number | null; payload: unknown } | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, notificationId), eq(notifications.recipientPersonId, personId)))
    .returning({ ideaId: notifications.ideaId, payload: notifications.payload });
  return row ?? null;
}

/** Where a notification leads: its idea, at the comment it is about; null when it has no idea. */
export function notificationHref(ideaId: number | null, payload: unknown): string | null {
  if (ideaId === null) return null;
  const commentId = (payload as { commentId?: unknown } | null)?.commentId;
  return typeof commentId === "number" && Number.isInteger(commentId) ? `/ideas/${ideaId}#comment-${commentId}` : `/ideas/${ideaId}`;
}
