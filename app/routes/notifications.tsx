import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { isIdeaStage, type IdeaStage } from "../domain/idea-stages";
import { parseRecordId } from "../domain/record-id";
import type { MessageKey } from "../i18n/messages.server";
import { engagementMessages } from "../i18n/catalogue/engagement";
import { useI18n } from "../i18n/use-i18n";
import { countUnread, listNotifications, markRead, newestNotificationId } from "../models/notifications.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [engagementMessages], "engagement.notifications.title");

const PAGE_SIZE = 30;

const KIND_MESSAGES: Record<string, MessageKey> = {
  comment: "engagement.notification.comment",
  stage_changed: "engagement.notification.stageChanged",
  marked_duplicate: "engagement.notification.markedDuplicate",
  co_author_added: "engagement.notification.coAuthorAdded",
};

/** Cursor "ISO-instant_id" of the last row shown; older rows follow it. */
function parseCursor(value: string | null): { createdAt: Date; id: number } | undefined {
  const match = value?.match(/^(.+)_(\d+)$/);
  if (!match) return undefined;
  const createdAt = new Date(match[1]);
  const id = parseRecordId(match[2]);
  return Number.isNaN(createdAt.getTime()) || !id ? undefined : { createdAt, id };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const before = parseCursor(new URL(request.url).searchParams.get("before"));
  const database = db();
  const [rows, unreadCount, newestId] = await Promise.all([
    listNotifications(database, user.personId, { limit: PAGE_SIZE + 1, before }),
    countUnread(database, user.personId),
    newestNotificationId(database, user.personId),
  ]);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  const nextCursor = rows.length > PAGE_SIZE && last ? `${last.createdAt.toISOString()}_${last.id}` : null;
  return json({
    notifications: page.map((row) => ({
      id: row.id,
      kind: row.kind,
      ideaId: row.ideaId,
      ideaTitle: row.ideaTitle,
      actorNameTh: row.actorNameTh,
      actorNameEn: row.actorNameEn,
      commentId: commentIdOf(row.payload),
      toStage: toStageOf(row.payload),
      createdAt: row.createdAt,
      read: row.readAt !== null,
    })),
    unreadCount,
    newestId,
    nextCursor,
    isFirstPage: !before,
  });
}

function commentIdOf(payload: unknown): number | null {
  const value = (payload as { commentId?: unknown } | null)?.commentId;
  return typeof value === "number" && Number.isInteger(value) ? value : null;
}

/** The stage a stage change went to, whichever name the payload gives it. */
function toStageOf(payload: unknown): IdeaStage | null {
  const fields = (payload ?? {}) as { to?: unknown; toStage?: unknown };
  const stage = fields.to ?? fields.toStage;
  return isIdeaStage(stage) ? stage : null;
}

/** intent "read" (one, by id) | "readAll"; back to the page the form was on. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "readAll") {
    // Up to the newest the page knew of: one that arrived since (a stale tab) stays unread.
    const upToId = parseRecordId(formData.get("upTo"));
    await markRead(db(), user.personId, upToId ? { upToId } : "all");
  } else if (intent === "read") {
    const id = parseRecordId(formData.get("id"));
    if (!id) throw new Response("Bad Request", { status: 400 });
    await markRead(db(), user.personId, [id]);
  } else {
    throw new Response("Bad Request", { status: 400 });
  }
  const url = new URL(request.url);
  return redirect(`/notifications${url.search}`);
}

export default function NotificationsPage() {
  const { notifications, unreadCount, newestId, nextCursor, isFirstPage } = useLoaderData<typeof loader>();
  const { t, locale, dateTime, number } = useI18n(engagementMessages);
  return (
    <>
      <h1>{t("engagement.notifications.title")}</h1>
      <div className="actions">
        <p>{unreadCount > 0 ? t("engagement.notifications.unread", { count: number(unreadCount) }) : t("engagement.notifications.allRead")}</p>
        {unreadCount > 0 ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="readAll" />
            <input type="hidden" name="upTo" value={newestId} />
            <button type="submit" className="secondary">
              {t("engagement.notifications.markAllRead")}
            </button>
          </Form>
        ) : null}
      </div>
      {notifications.length === 0 ? (
        <p className="card muted">{t("engagement.notifications.empty")}</p>
      ) : (
        <div className="notification-list">
          {notifications.map((item) => {
            const actor = (locale === "en" && item.actorNameEn) || item.actorNameTh || t("engagement.notifications.someone");
            const text =
              item.kind === "stage_changed" && item.toStage
                ? t("engagement.notification.stageChangedTo", { actor, stage: t(`stage.${item.toStage}`) })
                : t(KIND_MESSAGES[item.kind] ?? "engagement.notification.other", { actor });
            // Through /notifications/:id/open, which marks it read on the way to the idea. A plain
            // link without data-discover: a full page load, never fetched before the click.
            const href = item.ideaId ? `/notifications/${item.id}/open` : null;
            return (
              <article key={item.id} className="card">
                <p>
                  {item.read ? null : <span className="badge badge--warn">{t("engagement.notifications.new")}</span>}
                  {text}
                  {item.ideaTitle && href ? (
                    <>
                      {": "}
                      <a href={href}>{item.ideaTitle}</a>
                    </>
                  ) : null}
                </p>
                <p className="muted">
                  <time dateTime={item.createdAt}>{dateTime(item.createdAt)}</time>
                </p>
                {item.read ? null : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="id" value={item.id} />
                    <button type="submit" className="link-button">
                      {t("engagement.notifications.markRead")}
                      <span className="visually-hidden">: {text}</span>
                    </button>
                  </Form>
                )}
              </article>
            );
          })}
        </div>
      )}
      <nav className="pager" aria-label={t("engagement.notifications.pages")}>
        {isFirstPage ? null : <Link to="/notifications">{t("engagement.notifications.newest")}</Link>}{" "}
        {nextCursor ? <Link to={`?${new URLSearchParams({ before: nextCursor })}`}>{t("engagement.notifications.older")}</Link> : null}
      </nav>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
