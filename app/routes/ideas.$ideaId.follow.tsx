import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { errorTitleKey, RouteErrorBoundary } from "../components/error-boundary";
import { pageTitle } from "../i18n/page-title";
import { safeRedirectPath } from "../domain/safe-redirect";
import { follow, isFollowing, unfollow } from "../models/follows.server";
import { notFound, recordIdFromAddress } from "../http-errors";

/** Nothing to show here: following lives on the idea page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const ideaId = recordIdFromAddress(params.ideaId);
  return redirect(`/ideas/${ideaId}`);
}

/** intent "follow" | "unfollow"; a plain form post goes back to `redirectTo`, a fetcher gets JSON. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ideaId = recordIdFromAddress(params.ideaId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent !== "follow" && intent !== "unfollow") throw new Response("Bad Request", { status: 400 });

  const database = db();
  if (intent === "follow") {
    const result = await follow(database, { ideaId, personId: user.personId });
    if (result === "notFound") throw notFound();
  } else {
    await unfollow(database, { ideaId, personId: user.personId });
  }

  const redirectTo = formData.get("redirectTo");
  if (typeof redirectTo === "string" && redirectTo !== "") {
    return redirect(safeRedirectPath(redirectTo, `/ideas/${ideaId}`));
  }
  return json({ following: await isFollowing(database, ideaId, user.personId) });
}

/** Only reached when a post fails (e.g. an unknown idea): the error boundary says so in a page. */
export default function FollowRoute() {
  return null;
}

/** What a person sees here is the error page: its title says what its heading says. */
export const meta: MetaFunction = ({ matches, error }) => pageTitle(matches, [], errorTitleKey(error));

export const ErrorBoundary = RouteErrorBoundary;
