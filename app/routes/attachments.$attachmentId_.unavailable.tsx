import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { errorTitleKey, RouteErrorBoundary } from "../components/error-boundary";
import { pageTitle } from "../i18n/page-title";
import { attachmentAccess } from "../services/attachments.server";
import { notFound, recordIdFromAddress } from "../http-errors";

/**
 * Where a person lands who followed a link to a file they may not open (403) or that is gone
 * (404): the app's own error page, in their language, with the menu and that status (decision 026).
 * It decides again from the file itself, so the address says nothing it should not: a file the
 * person may open after all (say, a role since given) is sent as the download.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const attachmentId = recordIdFromAddress(params.attachmentId);
  const access = await attachmentAccess(db(), { personId: user.personId, roles: user.roles }, attachmentId);
  if (access.status === "notFound") throw notFound();
  if (access.status === "forbidden") throw new Response("Forbidden", { status: 403 });
  return redirect(`/attachments/${attachmentId}`);
}

export const meta: MetaFunction = ({ matches, error }) => pageTitle(matches, [], errorTitleKey(error));

/** Never shown: the loader redirects, or throws a 403 or 404 that the error boundary shows. */
export default function AttachmentUnavailable() {
  return null;
}

export const ErrorBoundary = RouteErrorBoundary;
