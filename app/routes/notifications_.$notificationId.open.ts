import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { parseRecordId } from "../domain/record-id";
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
  const id = parseRecordId(params.notificationId);
  const opened = id ? await openNotification(db(), user.personId, id) : null;
  if (!opened) throw new Response("Not Found", { status: 404 });
  return redirect(notificationHref(opened.ideaId, opened.payload) ?? "/notifications");
}
