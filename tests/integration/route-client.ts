import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { startSession } from "../../app/auth/session.server";
import type { Database } from "../../db/client.server";
import { accounts } from "../../db/schema";

/** A route module's loader or action, called the way Remix calls it. */
export type RouteFunction = (args: LoaderFunctionArgs) => Promise<unknown>;

/** Run a loader/action; a thrown Response (redirect, 403, 404) comes back as the answer. */
export async function callRoute(fn: RouteFunction, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    const result = await fn({ request, params, context: {} });
    return result instanceof Response ? result : new Response(JSON.stringify(result));
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** A form body from fields; an array value posts the field once per item. */
export function formBody(fields: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  return body;
}

/**
 * Signed-in calls to route modules for a test file: one session per username, made once.
 * `database` is read at call time (the file's database is opened in beforeAll).
 */
export function routeClient(database: () => Database) {
  const cookies = new Map<string, string>();
  async function cookieOf(username: string): Promise<string> {
    const known = cookies.get(username);
    if (known) return known;
    const [account] = await database().select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
    if (!account) throw new Error(`no account ${username}`);
    const cookie = (await startSession(account.id)).split(";")[0];
    cookies.set(username, cookie);
    return cookie;
  }
  async function get(fn: RouteFunction, path: string, username: string, params: Record<string, string> = {}): Promise<Response> {
    return callRoute(fn, new Request(`http://localhost${path}`, { headers: { Cookie: await cookieOf(username) } }), params);
  }
  async function post(fn: RouteFunction, path: string, username: string, fields: Record<string, string | string[]>, params: Record<string, string> = {}): Promise<Response> {
    return callRoute(fn, new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: await cookieOf(username) }, body: formBody(fields) }), params);
  }
  return { cookieOf, get, post };
}
