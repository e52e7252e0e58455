import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice, TextAreaField } from "../components/forms";
import { checkCommentBody, COMMENT_MAX_LENGTH } from "../domain/comment-body";
import { parseRecordId } from "../domain/record-id";
import type { MessageKey } from "../i18n/messages.server";
import { engagementMessages } from "../i18n/catalogue/engagement";
import { useI18n } from "../i18n/use-i18n";
import { deleteComment, getComment, updateComment } from "../models/comments.server";
import { notFound } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [engagementMessages], "engagement.comment.editTitle");

const MAX_ECHOED_LENGTH = 50_000;

/** One's own comment, found by id: null if there is none, 403 if it is someone else's. */
async function findOwnComment(request: Request, commentIdParam: string | undefined) {
  const user = await requireUser(request);
  const commentId = parseRecordId(commentIdParam);
  const comment = commentId ? await getComment(db(), commentId) : null;
  if (comment && comment.authorPersonId !== user.personId) throw new Response("Forbidden", { status: 403 });
  return { user, comment };
}

/** One's own comment, found by id: 404 if there is none, 403 if it is someone else's. */
async function requireOwnComment(request: Request, commentIdParam: string | undefined) {
  const { user, comment } = await findOwnComment(request, commentIdParam);
  if (!comment) throw notFound();
  return { user, comment };
}

/** Editing on a page of its own: where an edit posted without JavaScript comes back to when it needs fixing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { comment } = await requireOwnComment(request, params.commentId);
  return json({ comment: { id: comment.id, ideaId: comment.ideaId, ideaTitle: comment.ideaTitle, body: comment.body } });
}

/** intent "edit" | "delete", on one's own comment only; then back to the idea. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, comment } = await findOwnComment(request, params.commentId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!comment) {
    // Deleted a moment ago (a double click without JavaScript, a second tab): the delete form
    // names its idea, so a repeated delete lands where the first did. Anything else is a 404.
    const ideaId = parseRecordId(formData.get("ideaId"));
    if (intent === "delete" && ideaId) return redirect(`/ideas/${ideaId}#comments`);
    throw notFound();
  }
  const database = db();
  if (intent === "delete") {
    const result = await deleteComment(database, { commentId: comment.id, personId: user.personId });
    if (result === "notYours") throw new Response("Forbidden", { status: 403 });
    // "notFound" here means it was deleted a moment ago (a double click): the same outcome.
    return redirect(`/ideas/${comment.ideaId}#comments`);
  }
  if (intent !== "edit") throw new Response("Bad Request", { status: 400 });
  const typed = String(formData.get("body") ?? "").slice(0, MAX_ECHOED_LENGTH);
  const checked = checkCommentBody(typed);
  if (!checked.ok) {
    const body: MessageKey = checked.problem;
    return json({ fieldErrors: { body }, body: typed }, { status: 400 });
  }
  const result = await updateComment(database, { commentId: comment.id, personId: user.personId, body: checked.body });
  if (result === "notFound") throw notFound();
  if (result === "notYours") throw new Response("Forbidden", { status: 403 });
  return redirect(`/ideas/${comment.ideaId}#comment-${comment.id}`);
}

export default function EditCommentPage() {
  const { comment } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n(engagementMessages);
  const error = actionData?.fieldErrors.body;
  return (
    <>
      <p>
        <Link to={`/ideas/${comment.ideaId}#comment-${comment.id}`}>{t("engagement.comments.backToIdea")}</Link>
      </p>
      <h1>{t("engagement.comment.editTitle")}</h1>
      <p className="muted">{comment.ideaTitle}</p>
      {error ? <FormNotice tone="error">{t("form.fixErrors")}</FormNotice> : null}
      <Form method="post" className="card stack" noValidate>
        <input type="hidden" name="intent" value="edit" />
        <TextAreaField
          label={t("engagement.comment.editLabel")}
          hint={t("engagement.comment.hint", { max: COMMENT_MAX_LENGTH.toLocaleString("en-US") })}
          error={error ? t(error) : null}
          textareaProps={{ name: "body", defaultValue: actionData?.body ?? comment.body, required: true, rows: 6 }}
        />
        <div>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("engagement.comment.save")}
          </button>
        </div>
      </Form>
      <Form method="post" className="card stack">
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="ideaId" value={comment.ideaId} />
        <p>{t("engagement.comment.deleteConfirmText")}</p>
        <div>
          <button type="submit" className="danger" disabled={navigation.state === "submitting"}>
            {t("engagement.comment.deleteConfirm")}
          </button>
        </div>
      </Form>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
