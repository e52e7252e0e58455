import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { CommentsSection } from "../components/comments-section";
import { RouteErrorBoundary } from "../components/error-boundary";
import { checkCommentBody } from "../domain/comment-body";
import type { MessageKey } from "../i18n/messages.server";
import { engagementMessages } from "../i18n/catalogue/engagement";
import { useI18n } from "../i18n/use-i18n";
import { addComment, getCommentThreadIdea, listComments } from "../models/comments.server";
import { notFound, recordIdFromAddress } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [engagementMessages], "engagement.comments.pageTitle");

/** What was typed is sent back whole on an error (bounded, so a huge post is not echoed). */
const MAX_ECHOED_LENGTH = 50_000;

/**
 * The idea's discussion on a page of its own. People normally comment on the idea page; this
 * page is where a comment posted without JavaScript comes back to when it needs fixing.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ideaId = recordIdFromAddress(params.ideaId);
  const database = db();
  const idea = await getCommentThreadIdea(database, ideaId);
  if (!idea) throw notFound();
  return json({
    idea,
    comments: await listComments(database, ideaId),
    viewerPersonId: user.personId,
    submissionToken: crypto.randomUUID(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ideaId = recordIdFromAddress(params.ideaId);
  const formData = await request.formData();
  const typed = String(formData.get("body") ?? "").slice(0, MAX_ECHOED_LENGTH);
  const checked = checkCommentBody(typed);
  if (!checked.ok) {
    const body: MessageKey = checked.problem;
    return json({ fieldErrors: { body }, body: typed }, { status: 400 });
  }
  const result = await addComment(db(), {
    ideaId,
    authorPersonId: user.personId,
    body: checked.body,
    byCommittee: user.roles.includes("committee"),
    submissionToken: String(formData.get("submissionToken") ?? "").slice(0, 100) || null,
  });
  if (result.status === "notFound") throw notFound();
  if (result.status === "closed") {
    const body: MessageKey = "engagement.comments.closed";
    return json({ fieldErrors: { body }, body: typed }, { status: 409 });
  }
  // "added", or "duplicate" (the same form sent twice): show the comment either way.
  return redirect(result.commentId ? `/ideas/${ideaId}#comment-${result.commentId}` : `/ideas/${ideaId}#comments`);
}

export default function IdeaCommentsPage() {
  const { idea, comments, viewerPersonId, submissionToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n(engagementMessages);
  return (
    <>
      <p>
        <Link to={`/ideas/${idea.id}`}>{t("engagement.comments.backToIdea")}</Link>
      </p>
      <h1>{idea.title}</h1>
      <CommentsSection
        ideaId={idea.id}
        comments={comments}
        viewerPersonId={viewerPersonId}
        canComment={idea.open}
        submissionToken={submissionToken}
        actionData={actionData}
      />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
