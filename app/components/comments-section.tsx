import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { COMMENT_MAX_LENGTH } from "../domain/comment-body";
import { personDisplayName } from "../domain/person-name";
import type { MessageKey } from "../i18n/messages.server";
import { engagementMessages } from "../i18n/catalogue/engagement";
import { useI18n } from "../i18n/use-i18n";
import { TextAreaField } from "./forms";

/** A comment as a loader sends it (dates arrive as strings after JSON). */
export type CommentItem = {
  id: number;
  ideaId: number;
  authorPersonId: number;
  authorNameTh: string;
  authorNameEn?: string | null;
  byCommittee: boolean;
  bodyHtml: string;
  body: string;
  createdAt: string | Date;
  updatedAt: string | Date | null;
};

/** What the comment actions answer on bad input: the message key and what was typed. */
export type CommentFormResult = { fieldErrors?: { body?: MessageKey }; body?: string };

/**
 * An idea's discussion: the comments oldest first (committee comments marked), edit and
 * delete on one's own, and the form for a new one. Every form works without JavaScript (a
 * plain post; a bad one comes back to /ideas/:id/comments with the error and the text); with
 * it, the forms post through fetchers and errors appear in place.
 */
export function CommentsSection({
  ideaId,
  comments,
  viewerPersonId,
  canComment,
  submissionToken,
  actionData,
}: {
  ideaId: number;
  comments: readonly CommentItem[];
  viewerPersonId: number;
  canComment: boolean;
  /** A fresh random token from the loader (crypto.randomUUID()): a double submit adds one comment. */
  submissionToken: string;
  /** The comments action's answer when this page is what a plain post came back to. */
  actionData?: CommentFormResult | null;
}) {
  const { t, number } = useI18n(engagementMessages);
  return (
    <section id="comments" className="card comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t("engagement.comments.heading", { count: number(comments.length) })}</h2>
      {comments.length === 0 ? (
        <p className="muted">{t("engagement.comments.empty")}</p>
      ) : (
        <div className="comment-list">
          {comments.map((comment) => (
            <CommentEntry
              key={`${comment.id}:${String(comment.updatedAt ?? "")}`}
              comment={comment}
              own={comment.authorPersonId === viewerPersonId}
            />
          ))}
        </div>
      )}
      {canComment ? (
        <NewCommentForm ideaId={ideaId} submissionToken={submissionToken} actionData={actionData ?? undefined} />
      ) : (
        <p className="muted">{t("engagement.comments.closed")}</p>
      )}
    </section>
  );
}

function CommentEntry({ comment, own }: { comment: CommentItem; own: boolean }) {
  const { t, locale, dateTime } = useI18n(engagementMessages);
  const name = personDisplayName({ nameTh: comment.authorNameTh, nameEn: comment.authorNameEn }, locale);
  const createdAt = new Date(comment.createdAt);
  return (
    <article id={`comment-${comment.id}`} className="comment" aria-label={t("engagement.comment.by", { name })}>
      <p className="comment__meta">
        <strong>{name}</strong>{" "}
        {comment.byCommittee ? <span className="badge badge--warn">{t("engagement.comment.committee")}</span> : null}
        <span className="muted">
          <time dateTime={createdAt.toISOString()}>{dateTime(createdAt)}</time>
          {comment.updatedAt ? ` · ${t("engagement.comment.edited")}` : null}
        </span>
      </p>
      {/* Rendered from markdown and sanitised on the server (app/markdown.server.ts). */}
      <div className="comment__body markdown" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
      {own ? <OwnCommentActions comment={comment} /> : null}
    </article>
  );
}

function OwnCommentActions({ comment }: { comment: CommentItem }) {
  const { t } = useI18n(engagementMessages);
  const edit = useFetcher<CommentFormResult>();
  const remove = useFetcher();
  const editError = edit.state === "idle" ? edit.data?.fieldErrors?.body : undefined;
  return (
    <div className="comment__actions actions">
      <details open={editError ? true : undefined}>
        <summary>{t("engagement.comment.edit")}</summary>
        <edit.Form method="post" action={`/comments/${comment.id}`} className="stack" noValidate>
          <input type="hidden" name="intent" value="edit" />
          <TextAreaField
            label={t("engagement.comment.editLabel")}
            hint={t("engagement.comment.hint", { max: COMMENT_MAX_LENGTH.toLocaleString("en-US") })}
            error={editError ? t(editError) : null}
            textareaProps={{ name: "body", defaultValue: edit.data?.body ?? comment.body, required: true }}
          />
          <button type="submit" disabled={edit.state !== "idle"}>
            {t("engagement.comment.save")}
          </button>
        </edit.Form>
      </details>
      <details>
        <summary>{t("engagement.comment.delete")}</summary>
        <remove.Form method="post" action={`/comments/${comment.id}`}>
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="ideaId" value={comment.ideaId} />
          <p>{t("engagement.comment.deleteConfirmText")}</p>
          <button type="submit" className="danger" disabled={remove.state !== "idle"}>
            {t("engagement.comment.deleteConfirm")}
          </button>
        </remove.Form>
      </details>
    </div>
  );
}

function NewCommentForm({
  ideaId,
  submissionToken,
  actionData,
}: {
  ideaId: number;
  submissionToken: string;
  actionData?: CommentFormResult;
}) {
  const { t } = useI18n(engagementMessages);
  const fetcher = useFetcher<CommentFormResult>();
  // After a comment went through, the action redirected and the page reloaded: the fetcher then
  // still holds the answer to an earlier (failed) try, which must no longer show, and the form
  // is emptied. Not by remounting on a new token: other fetchers (a vote) reload the page data
  // too, and what is being typed must survive that.
  const formRef = useRef<HTMLFormElement>(null);
  const pending = useRef<{ dataBefore: unknown } | null>(null);
  const [staleData, setStaleData] = useState<unknown>(null);
  useEffect(() => {
    if (fetcher.state === "submitting" && !pending.current) pending.current = { dataBefore: fetcher.data };
    if (fetcher.state === "idle" && pending.current) {
      const { dataBefore } = pending.current;
      pending.current = null;
      if (fetcher.data === dataBefore) {
        const textarea = formRef.current?.elements.namedItem("body");
        if (textarea instanceof HTMLTextAreaElement) textarea.value = "";
        setStaleData(fetcher.data ?? null);
      }
    }
  }, [fetcher.state, fetcher.data]);
  const answer = fetcher.state === "idle" && fetcher.data !== staleData ? fetcher.data : undefined;
  const result = answer ?? actionData;
  const error = result?.fieldErrors?.body;
  return (
    <fetcher.Form ref={formRef} method="post" action={`/ideas/${ideaId}/comments`} className="stack" noValidate>
      <input type="hidden" name="submissionToken" value={submissionToken} />
      <TextAreaField
        label={t("engagement.comment.new")}
        hint={t("engagement.comment.hint", { max: COMMENT_MAX_LENGTH.toLocaleString("en-US") })}
        error={error ? t(error) : null}
        textareaProps={{ id: "new-comment", name: "body", defaultValue: result?.body ?? "", required: true, rows: 4 }}
      />
      <div>
        <button type="submit" disabled={fetcher.state !== "idle"}>
          {t("engagement.comment.submit")}
        </button>
      </div>
    </fetcher.Form>
  );
}
