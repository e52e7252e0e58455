import type { Database } from "../../db/client.server";
import { canSignIn } from "../domain/account-status";
import { findAccountForSignIn } from "../models/accounts.server";
import { recordAudit } from "../models/audit.server";
import { organisationToday } from "../models/settings.server";
import { markSignInAttemptSucceeded, normaliseUsername, reserveSignInAttempt } from "../models/sign-in-attempts.server";
import { verifyPassword } from "./password.server";

export type SignInResult =
  | { ok: true; accountId: string; mustChangePassword: boolean }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

/**
 * Check a username and password. A wrong username and a wrong password look the same to the
 * caller and take the same time; every attempt is recorded (throttling, audit).
 */
export async function signIn(
  db: Database,
  attempt: { username: string; password: string; ipAddress: string; now?: Date },
): Promise<SignInResult> {
  const now = attempt.now ?? new Date();
  const username = normaliseUsername(attempt.username);
  const { decision, attemptId } = await reserveSignInAttempt(db, { username, ipAddress: attempt.ipAddress, now });
  if (!decision.allowed || attemptId === null) {
    await recordAudit(db, {
      actorAccountId: null,
      action: "sign_in.throttled",
      entityType: "account",
      entityId: username,
      ipAddress: attempt.ipAddress,
    });
    return { ok: false, reason: "throttled", retryAfterMinutes: decision.allowed ? 1 : decision.retryAfterMinutes };
  }

  // Whether the person has left turns on the organisation's date, as on the admin's account pages.
  const account = await findAccountForSignIn(db, username, await organisationToday(db, now));
  const passwordCorrect = await verifyPassword(account?.passwordHash ?? null, attempt.password);
  const succeeded = account !== null && passwordCorrect && canSignIn(account.status);
  if (succeeded) await markSignInAttemptSucceeded(db, attemptId);
  await recordAudit(db, {
    actorAccountId: succeeded ? account.id : null,
    action: succeeded ? "sign_in.success" : "sign_in.failure",
    entityType: "account",
    entityId: username,
    details: succeeded ? {} : { reason: account && passwordCorrect ? "disabled" : "invalid" },
    ipAddress: attempt.ipAddress,
  });
  if (!account || !passwordCorrect) return { ok: false, reason: "invalid" };
  if (!canSignIn(account.status)) return { ok: false, reason: "disabled" };
  return { ok: true, accountId: account.id, mustChangePassword: account.mustChangePassword };
}
