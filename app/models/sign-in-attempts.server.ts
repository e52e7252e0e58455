import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { signInAttempts } from "../../db/schema";
import { THROTTLE_WINDOW_MINUTES, type RecentFailures } from "../domain/sign-in-throttle";

export async function recordSignInAttempt(
  db: Database,
  attempt: { username: string; ipAddress: string; succeeded: boolean; at?: Date },
): Promise<void> {
  await db.insert(signInAttempts).values({
    username: normaliseUsername(attempt.username),
    ipAddress: attempt.ipAddress,
    succeeded: attempt.succeeded,
    attemptedAt: attempt.at ?? new Date(),
  });
}

/** Failures in the throttle window: per username since its last success, and per address. */
export async function recentSignInFailures(
  db: Database,
  attempt: { username: string; ipAddress: string; now: Date },
): Promise<RecentFailures> {
  const windowStart = new Date(attempt.now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  const username = normaliseUsername(attempt.username);
  const [lastSuccess] = await db
    .select({ at: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.username, username), eq(signInAttempts.succeeded, true), gt(signInAttempts.attemptedAt, windowStart)))
    .orderBy(desc(signInAttempts.attemptedAt))
    .limit(1);
  const accountSince = lastSuccess && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
  const accountFailures = await db
    .select({ at: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.username, username), eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, accountSince)))
    .orderBy(asc(signInAttempts.attemptedAt));
  const addressFailures = await db
    .select({ at: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.ipAddress, attempt.ipAddress),
        eq(signInAttempts.succeeded, false),
        gt(signInAttempts.attemptedAt, windowStart),
      ),
    )
    .orderBy(asc(signInAttempts.attemptedAt));
  return {
    accountFailureTimes: accountFailures.map((row) => row.at),
    addressFailureTimes: addressFailures.map((row) => row.at),
  };
}

/** Old attempts are no use for throttling; keep a month for the audit trail. */
export async function pruneSignInAttempts(db: Database, olderThanDays = 30): Promise<void> {
  await db.delete(signInAttempts).where(sql`${signInAttempts.attemptedAt} < now() - make_interval(days => ${olderThanDays})`);
}

export function normaliseUsername(username: string): string {
  return username.trim().toUpperCase();
}
