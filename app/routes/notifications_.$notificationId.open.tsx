import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { errorTitleKey, RouteErrorBoundary } from "../components/error-boundary";
import { pageTitle } from "../i18n/page-title";
import { notFound, recordIdFromAddress } from "../http-errors";
import { notificationHref, openNotification } from "../models/notifications.server";

/**
 * A notification's link: marks it read and goes on to what it is about. A GET that changes
 * something, so it is kept safe to repeat and to follow without JavaScript: only the owner's own
 * notification (404 for anyone else's, nothing changed), and reading twice changes nothing more.
 * The list links here with a plain `<a>` without `data-discover`, so neither Remix nor the
 * delegated link handler fetches it before the click (decision 016).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const opened = await openNotification(db(), user.personId, recordIdFromAddress(params.notificationId));
  if (!opened) throw notFound();
  return redirect(notificationHref(opened.ideaId, opened.payload) ?? "/notifications");
}

/** Never shown: the loader redirects, or throws a 404 that the error boundary shows as the app's own page. */
export default function OpenNotificationRoute() {
  return null;
}

/** What a person sees here is the error page: its title says what its heading says. */
export const meta: MetaFunction = ({ matches, error }) => pageTitle(matches, [], errorTitleKey(error));

export const ErrorBoundary = RouteErrorBoundary;
