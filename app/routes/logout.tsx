import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { clientAddress, getCurrentUser } from "../auth/current-user.server";
import { blankSessionCookie, endSession } from "../auth/session.server";
import { recordAudit } from "../models/audit.server";

// Signing out is a POST (a link could be triggered by another site); GET just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await getCurrentUser(request);
  if (!user) return redirect("/login", { headers: { "Set-Cookie": blankSessionCookie() } });
  const cookie = await endSession(user.sessionId);
  await recordAudit(db(), {
    actorAccountId: user.accountId,
    action: "sign_out",
    entityType: "account",
    entityId: user.username,
    ipAddress: clientAddress(request),
  });
  return redirect("/login?signedOut=1", { headers: { "Set-Cookie": cookie } });
}
