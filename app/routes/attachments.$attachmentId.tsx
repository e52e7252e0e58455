import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole, requireUser } from "../auth/current-user.server";
import { safeRedirectPath } from "../domain/safe-redirect";
import { getAttachmentMeta } from "../models/attachments.server";
import { attachmentResponse, mayViewAttachment, removeAttachment } from "../services/attachments.server";
import { notFound, recordIdFromAddress } from "../http-errors";

/**
 * An evidence file, served only to people allowed to see the record it belongs to, as a
 * download with its stored type (decided from its content when uploaded), never sniffed.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const attachmentId = recordIdFromAddress(params.attachmentId);
  const database = db();
  const meta = await getAttachmentMeta(database, attachmentId);
  if (!meta) throw notFound();
  if (!(await mayViewAttachment(database, { personId: user.personId, roles: user.roles }, meta))) {
    throw new Response("Forbidden", { status: 403 });
  }
  return attachmentResponse(database, meta);
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
