import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  THROTTLE_WINDOW_MINUTES,
  decideSignInThrottle,
} from "./sign-in-throttle";

const now = new Date("2026-11-25T03:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const failures = (count: number, minutesAgoEach = 1) => Array.from({ length: count }, () => minutesAgo(minutesAgoEach));

describe("decideSignInThrottle", () => {
  it("allows attempts below the per-account limit", () => {
    expect(decideSignInThrottle({ accountFailureTimes: failures(MAX_FAILURES_PER_ACCOUNT - 1), addressFailureTimes: [] }, now)).toEqual({ allowed: true });
  });

  it("refuses at the per-account limit and says how long to wait", () => {
    const decision = decideSignInThrottle({ accountFailureTimes: failures(MAX_FAILURES_PER_ACCOUNT, 5), addressFailureTimes: [] }, now);
    expect(decision).toEqual({ allowed: false, retryAfterMinutes: THROTTLE_WINDOW_MINUTES - 5 });
  });

  it("refuses at the per-address limit even when each account has few failures", () => {
    const decision = decideSignInThrottle({ accountFailureTimes: [], addressFailureTimes: failures(MAX_FAILURES_PER_ADDRESS, 2) }, now);
    expect(decision.allowed).toBe(false);
  });

  it("forgets failures older than the window", () => {
    const old = failures(MAX_FAILURES_PER_ADDRESS, THROTTLE_WINDOW_MINUTES + 1);
    expect(decideSignInThrottle({ accountFailureTimes: old, addressFailureTimes: old }, now)).toEqual({ allowed: true });
  });

  it("is refused exactly when a limit is reached inside the window (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 * 60 }), { maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 30 * 60 }), { maxLength: 40 }),
        (accountSecondsAgo, addressSecondsAgo) => {
          const toDates = (seconds: number[]) => seconds.map((s) => new Date(now.getTime() - s * 1000));
          const inWindow = (seconds: number[]) => seconds.filter((s) => s < THROTTLE_WINDOW_MINUTES * 60).length;
          const decision = decideSignInThrottle(
            { accountFailureTimes: toDates(accountSecondsAgo), addressFailureTimes: toDates(addressSecondsAgo) },
            now,
          );
          const shouldRefuse =
            inWindow(accountSecondsAgo) >= MAX_FAILURES_PER_ACCOUNT || inWindow(addressSecondsAgo) >= MAX_FAILURES_PER_ADDRESS;
          if (decision.allowed) return !shouldRefuse;
          return shouldRefuse && decision.retryAfterMinutes >= 1 && decision.retryAfterMinutes <= THROTTLE_WINDOW_MINUTES;
        },
      ),
    );
  });
});
