/**
 * Sign-in throttling policy. Failures are counted in a sliding window, per account (guessing
 * one person's password) and per address (trying many accounts). Counts come from the
 * database so that every app instance sees the same numbers.
 */
export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

export type RecentFailures = {
  /** Failures for this username since its last success, within the window, oldest first. */
  accountFailureTimes: Date[];
  /** Failures from this address within the window, oldest first. */
  addressFailureTimes: Date[];
};

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMinutes: number };

export function decideSignInThrottle(failures: RecentFailures, now: Date): ThrottleDecision {
  const waits: number[] = [];
  const accountWait = waitUntilUnderLimit(failures.accountFailureTimes, MAX_FAILURES_PER_ACCOUNT, now);
  if (accountWait !== null) waits.push(accountWait);
  const addressWait = waitUntilUnderLimit(failures.addressFailureTimes, MAX_FAILURES_PER_ADDRESS, now);
  if (addressWait !== null) waits.push(addressWait);
  if (waits.length === 0) return { allowed: true };
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil(Math.max(...waits) / 60_000)) };
}

/** Milliseconds until fewer than `limit` failures remain in the window, or null if already under. */
function waitUntilUnderLimit(failureTimes: Date[], limit: number, now: Date): number | null {
  const windowMs = THROTTLE_WINDOW_MINUTES * 60_000;
  const inWindow = failureTimes
    .map((time) => time.getTime())
    .filter((time) => time > now.getTime() - windowMs && time <= now.getTime())
    .sort((a, b) => a - b);
  if (inWindow.length < limit) return null;
  // The attempt becomes possible when the failure that keeps us at the limit leaves the window.
  const blocking = inWindow[inWindow.length - limit];
  return blocking + windowMs - now.getTime();
}
