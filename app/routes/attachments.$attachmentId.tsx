import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole, requireUser } from "../auth/current-user.server";
import { isDocumentNavigation } from "../domain/document-navigation";
import { parseRecordId } from "../domain/record-id";
import { safeRedirectPath } from "../domain/safe-redirect";
import { attachmentAccess, attachmentResponse, removeAttachment } from "../services/attachments.server";
import { notFound, recordIdFromAddress } from "../http-errors";

/**
 * An evidence file, served only to people allowed to see the record it belongs to, as a
 * download with its stored type (decided from its content when uploaded), never sniffed.
 *
 * A file the person may not open, or that is gone, is a 403 or 404. A person who followed a link
 * (a browser navigation) is sent to /attachments/:id/unavailable, which shows the app's own error
 * page in their language with that status; a script or fetch gets the bare status (decision 026).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const attachmentId = parseRecordId(params.attachmentId);
  const refuse = (status: 403 | 404): Response => {
    if (isDocumentNavigation(request.headers)) return redirect(`/attachments/${encodeURIComponent(params.attachmentId ?? "")}/unavailable`);
    return status === 404 ? notFound() : new Response("Forbidden", { status: 403 });
  };
  if (attachmentId === null) throw refuse(404);
  const access = await attachmentAccess(db(), { personId: user.personId, roles: user.roles }, attachmentId);
  if (access.status !== "allowed") throw refuse(access.status === "notFound" ? 404 : 403);
  try {
    return await attachmentResponse(db(), access.meta);
  } catch (thrown) {
    // Removed between the two reads.
    if (thrown instanceof Response && thrown.status === 404) throw refuse(404);
    throw thrown;
  }
}

/** The committee removes a file, then goes back to the page it came from. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "committee");
  const attachmentId = recordIdFromAddress(params.attachmentId);
  const formData = await request.formData();
  if (formData.get("intent") !== "delete") throw new Response("Unknown intent", { status: 400 });
  const result = await removeAttachment(db(), { accountId: user.accountId, ipAddress: clientAddress(request) }, attachmentId);
  if (result === "notFound") throw notFound();
  return redirect(safeRedirectPath(formData.get("redirectTo"), "/projects"));
}
