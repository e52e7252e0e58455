import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { signInAttempts } from "../../db/schema";
import { normaliseEmployeeCode } from "../domain/employee-code";
import { THROTTLE_WINDOW_MINUTES, decideSignInThrottle, type RecentFailures, type ThrottleDecision } from "../domain/sign-in-throttle";

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

/** A username is an employee code: compared as one ("ls๐๒๕" signs in as LS025). */
export function normaliseUsername(username: string): string {
  return normaliseEmployeeCode(username);
}

/**
 * Check the throttle and, if allowed, record the attempt as a failure, atomically: advisory
 * locks on the username, then the address (always that order), so concurrent attempts are
 * counted one after another and a burst cannot slip past the limit. The caller marks the
 * attempt as a success once the password checks out.
 */
export async function reserveSignInAttempt(
  db: Database,
  attempt: { username: string; ipAddress: string; now: Date },
): Promise<{ decision: ThrottleDecision; attemptId: number | null }> {
  const username = normaliseUsername(attempt.username);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`nawat:sign-in:user:${username}`}))`);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`nawat:sign-in:address:${attempt.ipAddress}`}))`);
    const decision = decideSignInThrottle(await recentSignInFailures(tx, { ...attempt, username }), attempt.now);
    if (!decision.allowed) return { decision, attemptId: null };
    const [row] = await tx
      .insert(signInAttempts)
      .values({ username, ipAddress: attempt.ipAddress, succeeded: false, attemptedAt: attempt.now })
      .returning({ id: signInAttempts.id });
    return { decision, attemptId: row.id };
  });
}

export async function markSignInAttemptSucceeded(db: Database, attemptId: number): Promise<void> {
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId));
}
