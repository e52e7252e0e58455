/**
 * Sessions, behind one module: lucia v3 today. Its authors deprecated it (March 2025) and
 * point to a small session implementation on @oslojs; replacing lucia touches this file alone
 * (docs/decisions/003-sessions-behind-one-module.md).
 */
import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { Lucia, TimeSpan } from "lucia";
import { isProduction } from "../config.server";
import type { Database } from "../../db/client.server";
import { db } from "../../db/runtime.server";
import { accounts, sessions } from "../../db/schema";

export const SESSION_COOKIE_NAME = "nawat_session";

function createLucia(database: Database) {
  // The adapter is typed for each driver's class; both are PgDatabase underneath.
  const adapter = new DrizzlePostgreSQLAdapter(database as never, sessions, accounts);
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: {
      name: SESSION_COOKIE_NAME,
      attributes: { secure: isProduction(), sameSite: "lax" },
    },
  });
}

const luciaByDatabase = new WeakMap<Database, ReturnType<typeof createLucia>>();

function lucia() {
  const database = db();
  let instance = luciaByDatabase.get(database);
  if (!instance) {
    instance = createLucia(database);
    luciaByDatabase.set(database, instance);
  }
  return instance;
}

export type SessionCheck =
  | { accountId: string; sessionId: string; refreshedCookie: string | null }
  | { accountId: null; sessionId: null; refreshedCookie: string | null };

/** The account behind the request's session cookie, if any, and a cookie to send back if it changed. */
export async function readSession(request: Request): Promise<SessionCheck> {
  const sessionId = lucia().readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return { accountId: null, sessionId: null, refreshedCookie: null };
  const { session } = await lucia().validateSession(sessionId);
  if (!session) {
    return { accountId: null, sessionId: null, refreshedCookie: lucia().createBlankSessionCookie().serialize() };
  }
  const refreshedCookie = session.fresh ? lucia().createSessionCookie(session.id).serialize() : null;
  return { accountId: session.userId, sessionId: session.id, refreshedCookie };
}

/** Start a new session (always a new id) and return its Set-Cookie value. */
export async function startSession(accountId: string): Promise<string> {
  const session = await lucia().createSession(accountId, {});
  return lucia().createSessionCookie(session.id).serialize();
}

/** End one session on the server; returns the Set-Cookie value that clears the browser's. */
export async function endSession(sessionId: string): Promise<string> {
  await lucia().invalidateSession(sessionId);
  return lucia().createBlankSessionCookie().serialize();
}

/** End every session of an account (disabled, password reset, password changed). */
export async function endAllSessions(accountId: string): Promise<void> {
  await lucia().invalidateUserSessions(accountId);
}

export function blankSessionCookie(): string {
  return lucia().createBlankSessionCookie().serialize();
}
