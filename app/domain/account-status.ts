/**
 * Whether an account can be used, and why not. Sign-in, the session check, the admin's account
 * pages and the roster all read it from here. Pure: no I/O.
 *
 * - "disabled": an administrator disabled the account (shown first: it is what the admin's
 *   enable/disable button changes);
 * - "left": the person is no longer employed — every employment period ended before today (in
 *   the organisation's time zone). Nobody has to disable a leaver's account: it stops working
 *   the day after HR records the end. A person with no employment recorded, or whose only
 *   employment starts later, has not left;
 * - "active": neither.
 */
export type AccountStatus = "active" | "disabled" | "left";

export function accountStatus(account: { disabled: boolean; left: boolean }): AccountStatus {
  if (account.disabled) return "disabled";
  if (account.left) return "left";
  return "active";
}

/** Only an active account signs in or keeps its sessions. */
export function canSignIn(status: AccountStatus): boolean {
  return status === "active";
}

/**
 * Has the person left by `today` (YYYY-MM-DD)? The same rule as the SQL of `hasLeft` in
 * app/models/accounts.server.ts, for code that already holds the periods.
 */
export function hasLeft(periods: readonly { end: string | null }[], today: string): boolean {
  return periods.length > 0 && periods.every((period) => period.end !== null && period.end < today);
}
