import { redirect } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { hasAnyRole, type Role } from "../domain/roles";
import { getSignedInAccount, type SignedInAccount } from "../models/accounts.server";
import { getAppSettings, organisationTodayOf, type AppSettings } from "../models/settings.server";
import { readSession } from "./session.server";

export type CurrentUser = SignedInAccount & { sessionId: string };

/**
 * What every request reads first: who is signed in, and the organisation's settings (whose time
 * zone says what "today" is for that check). The root layout takes the settings from here, so a
 * page still reads them once.
 */
type RequestAuth = { user: CurrentUser | null; refreshedCookie: string | null; settings: AppSettings };

/**
 * Header the Express server sets on every HTTP request to a new random id (overwriting whatever a
 * client sent). Remix hands each loader of a page its own Request object, so the id is what the
 * root loader and the page's loader have in common.
 */
export const REQUEST_ID_HEADER = "x-nawat-request-id";

// A page's session is validated once, however many loaders ask: by the server's request id while
// the HTTP request lasts (the server calls forgetRequest when it is answered), else per Request
// object (loaders called directly, as in tests). Actions (POST) always validate afresh: an action
// may sign the person out or change their roles, and the loaders that run after it in the same
// HTTP request (with GET requests) must see that.
const authByRequestId = new Map<string, Promise<RequestAuth>>();
const authByRequest = new WeakMap<Request, Promise<RequestAuth>>();

export function getRequestAuth(request: Request): Promise<RequestAuth> {
  const requestId = request.method === "GET" ? request.headers.get(REQUEST_ID_HEADER) : null;
  let auth = requestId ? authByRequestId.get(requestId) : authByRequest.get(request);
  if (!auth) {
    auth = loadRequestAuth(request);
    if (requestId) authByRequestId.set(requestId, auth);
    else authByRequest.set(request, auth);
  }
  return auth;
}

/** The HTTP request `requestId` has been answered: drop what was remembered for it. */
export function forgetRequest(requestId: string): void {
  authByRequestId.delete(requestId);
}

async function loadRequestAuth(request: Request): Promise<RequestAuth> {
  const [session, settings] = await Promise.all([readSession(request), getAppSettings(db())]);
  if (!session.accountId) return { user: null, refreshedCookie: session.refreshedCookie, settings };
  // "Today" (has the person left? which division are they in?) is the organisation's, as at sign-in
  // (organisationToday), from the settings read beside the session rather than in another query.
  const account = await getSignedInAccount(db(), session.accountId, organisationTodayOf(settings));
  if (!account) return { user: null, refreshedCookie: session.refreshedCookie, settings };
  return { user: { ...account, sessionId: session.sessionId }, refreshedCookie: session.refreshedCookie, settings };
}

export async function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  return (await getRequestAuth(request)).user;
}

function signInRedirect(request: Request) {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  const query = redirectTo === "/" ? "" : `?${new URLSearchParams({ redirectTo })}`;
  return redirect(`/login${query}`);
}

/**
 * The signed-in person, or a redirect to sign in. A person whose password was set by an
 * admin is sent to change it first (unless this is the page that changes it).
 */
export async function requireUser(
  request: Request,
  options: { allowPendingPasswordChange?: boolean } = {},
): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) throw signInRedirect(request);
  if (user.mustChangePassword && !options.allowPendingPasswordChange) throw redirect("/account/password");
  return user;
}

/** The signed-in person if they hold one of `roles`; otherwise 403 (or a redirect to sign in). */
export async function requireRole(request: Request, ...roles: [Role, ...Role[]]): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!hasAnyRole(user.roles, roles)) {
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

export async function requireAnonymous(request: Request): Promise<void> {
  const user = await getCurrentUser(request);
  if (user) throw redirect(user.mustChangePassword ? "/account/password" : "/");
}

/** Header the Express server overwrites with the client's address (req.ip), whatever a client sent. */
export const CLIENT_ADDRESS_HEADER = "x-nawat-client-address";

/** The client's address as the server saw it (the proxy's client only if TRUST_PROXY=1). */
export function clientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
