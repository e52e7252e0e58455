import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { errorTitleKey, RouteErrorBoundary } from "../components/error-boundary";
import { pageTitle } from "../i18n/page-title";
import { safeRedirectPath } from "../domain/safe-redirect";
import { addVote, getVoteSummary, removeVote } from "../models/votes.server";
import { notFound, recordIdFromAddress } from "../http-errors";

/** Nothing to show here: the vote lives on the idea page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const ideaId = recordIdFromAddress(params.ideaId);
  return redirect(`/ideas/${ideaId}`);
}

/**
 * intent "vote" | "unvote". A plain form post (no JavaScript) carries `redirectTo` and goes back
 * there; a fetcher gets the outcome and the new summary as JSON.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ideaId = recordIdFromAddress(params.ideaId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent !== "vote" && intent !== "unvote") throw new Response("Bad Request", { status: 400 });

  const database = db();
  const result =
    intent === "vote"
      ? await addVote(database, { ideaId, personId: user.personId })
      : await removeVote(database, { ideaId, personId: user.personId });
  if (result === "notFound") throw notFound();

  const redirectTo = formData.get("redirectTo");
  if (typeof redirectTo === "string" && redirectTo !== "") {
    return redirect(safeRedirectPath(redirectTo, `/ideas/${ideaId}`));
  }
  const summary = await getVoteSummary(database, ideaId, user.personId);
  const status = result === "own" ? 403 : result === "closed" ? 409 : 200;
  return json({ result, summary }, { status });
}

/** Only reached when a post fails (e.g. an unknown idea): the error boundary says so in a page. */
export default function VoteRoute() {
  return null;
}

/** What a person sees here is the error page: its title says what its heading says. */
export const meta: MetaFunction = ({ matches, error }) => pageTitle(matches, [], errorTitleKey(error));

export const ErrorBoundary = RouteErrorBoundary;
