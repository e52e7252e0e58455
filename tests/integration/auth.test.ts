import { and, eq, gte } from "drizzle-orm";
import { accountRoles, accounts, auditLog, employmentPeriods, sessions, signInAttempts } from "../../db/schema";
import { calendarDateIn } from "../../app/domain/calendar-date";
import { DEMO_PASSWORD, DEMO_TODAY } from "../../db/seed/seed.server";
import { signIn } from "../../app/auth/sign-in.server";
import { endAllSessions, endSession, readSession, SESSION_COOKIE_NAME, startSession } from "../../app/auth/session.server";
import { forgetRequest, getCurrentUser, getRequestAuth, REQUEST_ID_HEADER, requireRole, requireUser } from "../../app/auth/current-user.server";
import { hashPassword } from "../../app/auth/password.server";
import { getSignedInAccount, setAccountDisabled, setPassword } from "../../app/models/accounts.server";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, THROTTLE_WINDOW_MINUTES } from "../../app/domain/sign-in-throttle";
import type { Database } from "../../db/client.server";
import { engineName, withDemoDatabaseForFile } from "./test-database";

const WRONG = "not-the-password";
const minutesLater = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});

async function accountIdOf(username: string): Promise<string> {
  const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
  if (!row) throw new Error(`no account ${username}`);
  return row.id;
}

function auditFor(username: string) {
  return db.select().from(auditLog).where(eq(auditLog.entityId, username)).orderBy(auditLog.id);
}

/** The cookie a browser would send back for a Set-Cookie value. */
function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0];
}

function sessionIdOf(setCookie: string): string {
  const [name, value] = cookiePair(setCookie).split("=");
  expect(name).toBe(SESSION_COOKIE_NAME);
  return decodeURIComponent(value);
}

function requestWith(setCookie: string | null, url = "http://localhost/plan"): Request {
  return new Request(url, { headers: setCookie ? { Cookie: cookiePair(setCookie) } : {} });
}

async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a thrown Response, but the call returned");
}

describe(`signIn (${engineName})`, () => {
  it("accepts the demo password (username case and spaces do not matter) and audits the success", async () => {
    const result = await signIn(db, { username: " ls025 ", password: DEMO_PASSWORD, ipAddress: "10.0.0.1" });
    expect(result).toEqual({ ok: true, accountId: await accountIdOf("LS025"), mustChangePassword: false });

    const audit = await auditFor("LS025");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "sign_in.success",
      actorAccountId: await accountIdOf("LS025"),
      entityType: "account",
      ipAddress: "10.0.0.1",
    });
    const attempts = await db.select().from(signInAttempts).where(eq(signInAttempts.username, "LS025"));
    expect(attempts.map((row) => row.succeeded)).toEqual([true]);
  });

  it("reads a username typed with Thai digits or pasted with a zero-width space as the employee code", async () => {
    expect(await signIn(db, { username: "ls๐๒๐", password: DEMO_PASSWORD, ipAddress: "10.0.0.9" })).toMatchObject({ ok: true, accountId: await accountIdOf("LS020") });
    expect(await signIn(db, { username: "LS020\u200B", password: DEMO_PASSWORD, ipAddress: "10.0.0.9" })).toMatchObject({ ok: true });
    const attempts = await db.select().from(signInAttempts).where(eq(signInAttempts.ipAddress, "10.0.0.9"));
    expect(attempts.map((row) => row.username)).toEqual(["LS020", "LS020"]);
  });

  it("answers a wrong password and an unknown user identically, and audits both failures", async () => {
    const wrongPassword = await signIn(db, { username: "LS008", password: WRONG, ipAddress: "10.0.0.2" });
    const unknownUser = await signIn(db, { username: "NOBODY99", password: DEMO_PASSWORD, ipAddress: "10.0.0.2" });
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownUser).toEqual(wrongPassword);

    for (const username of ["LS008", "NOBODY99"]) {
      const audit = await auditFor(username);
      expect(audit, username).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: "sign_in.failure",
        actorAccountId: null,
        ipAddress: "10.0.0.2",
        details: { reason: "invalid" },
      });
    }
    const failures = await db.select().from(signInAttempts).where(eq(signInAttempts.ipAddress, "10.0.0.2"));
    expect(failures.map((row) => [row.username, row.succeeded]).sort()).toEqual([
      ["LS008", false],
      ["NOBODY99", false],
    ]);
  });

  it(`allows ${MAX_FAILURES_PER_ACCOUNT - 1} failures, then the right password still works`, async () => {
    const now = new Date();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) {
      expect(await signIn(db, { username: "LS013", password: WRONG, ipAddress: "10.1.1.1", now })).toEqual({ ok: false, reason: "invalid" });
    }
    const result = await signIn(db, { username: "LS013", password: DEMO_PASSWORD, ipAddress: "10.1.1.1", now });
    expect(result.ok).toBe(true);
  });

  it(`throttles a username after ${MAX_FAILURES_PER_ACCOUNT} failures, even with the right password, until the window passes`, async () => {
    const now = new Date();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await signIn(db, { username: "LS009", password: WRONG, ipAddress: "10.1.0.1", now })).toEqual({ ok: false, reason: "invalid" });
    }
    const refused = await signIn(db, { username: "LS009", password: DEMO_PASSWORD, ipAddress: "10.1.0.1", now: minutesLater(now, 1) });
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    if (refused.ok || refused.reason !== "throttled") throw new Error("unreachable");
    expect(refused.retryAfterMinutes).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterMinutes).toBeLessThanOrEqual(THROTTLE_WINDOW_MINUTES);

    // Guessing one person's password from another address does not get round it.
    const otherAddress = await signIn(db, { username: "LS009", password: DEMO_PASSWORD, ipAddress: "10.1.0.9", now: minutesLater(now, 1) });
    expect(otherAddress).toMatchObject({ ok: false, reason: "throttled" });

    // A refused attempt is audited as such.
    const actions = (await auditFor("LS009")).map((row) => row.action);
    expect(actions).toEqual([...Array(MAX_FAILURES_PER_ACCOUNT).fill("sign_in.failure"), "sign_in.throttled", "sign_in.throttled"]);

    // Someone else, from another address, is unaffected.
    const other = await signIn(db, { username: "LS010", password: DEMO_PASSWORD, ipAddress: "10.1.0.2", now: minutesLater(now, 1) });
    expect(other.ok).toBe(true);

    // After the window the right password works again.
    const later = await signIn(db, { username: "LS009", password: DEMO_PASSWORD, ipAddress: "10.1.0.1", now: minutesLater(now, THROTTLE_WINDOW_MINUTES + 1) });
    expect(later).toMatchObject({ ok: true, accountId: await accountIdOf("LS009") });
  });

  it(`throttles an address after ${MAX_FAILURES_PER_ADDRESS} failures across usernames`, async () => {
    const now = new Date();
    const address = "10.2.0.1";
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      const username = `GUESS${String(i).padStart(2, "0")}`;
      expect(await signIn(db, { username, password: WRONG, ipAddress: address, now })).toEqual({ ok: false, reason: "invalid" });
    }
    // A real account with the right password, never failed itself, is refused from that address…
    const refused = await signIn(db, { username: "LS011", password: DEMO_PASSWORD, ipAddress: address, now: minutesLater(now, 1) });
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    // …but not from another one.
    const elsewhere = await signIn(db, { username: "LS011", password: DEMO_PASSWORD, ipAddress: "10.2.0.2", now: minutesLater(now, 1) });
    expect(elsewhere.ok).toBe(true);
    // After the window the address may try again.
    const later = await signIn(db, { username: "LS012", password: DEMO_PASSWORD, ipAddress: address, now: minutesLater(now, THROTTLE_WINDOW_MINUTES + 1) });
    expect(later.ok).toBe(true);
  });

  it(`a burst of concurrent wrong passwords checks no more than ${MAX_FAILURES_PER_ACCOUNT} of them`, async () => {
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(db, { username: "LS013", password: WRONG, ipAddress: `10.3.0.${i}`, now })),
    );
    expect(results.filter((result) => !result.ok && result.reason === "invalid")).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(20 - MAX_FAILURES_PER_ACCOUNT);
    // LS013 signed in earlier in this file: count only this burst's attempts.
    const recorded = await db
      .select()
      .from(signInAttempts)
      .where(and(eq(signInAttempts.username, "LS013"), gte(signInAttempts.attemptedAt, now)));
    expect(recorded).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
  });
});

describe(`sessions (${engineName})`, () => {
  it("starts a new session on every sign-in, with an HttpOnly SameSite=Lax cookie", async () => {
    const accountId = await accountIdOf("LS025");
    const first = await startSession(accountId);
    const second = await startSession(accountId);
    for (const cookie of [first, second]) {
      expect(cookie.startsWith(`${SESSION_COOKIE_NAME}=`)).toBe(true);
      expect(cookie).toMatch(/;\s*HttpOnly(;|$)/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax(;|$)/i);
      expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
    }
    expect(sessionIdOf(first)).not.toBe(sessionIdOf(second));
    expect(sessionIdOf(first).length).toBeGreaterThanOrEqual(20);
    const rows = await db.select().from(sessions).where(eq(sessions.userId, accountId));
    expect(rows.map((row) => row.id)).toEqual(expect.arrayContaining([sessionIdOf(first), sessionIdOf(second)]));
  });

  it("reads the account back from the cookie, and ending the session ends only that one", async () => {
    const accountId = await accountIdOf("LS029");
    const kept = await startSession(accountId);
    const ended = await startSession(accountId);

    const read = await readSession(requestWith(ended));
    expect(read).toMatchObject({ accountId, sessionId: sessionIdOf(ended) });
    const user = await getCurrentUser(requestWith(ended));
    expect(user).toMatchObject({ accountId, username: "LS029", sessionId: sessionIdOf(ended) });

    const clearing = await endSession(sessionIdOf(ended));
    expect(clearing).toMatch(/Max-Age=0/i);
    expect(await readSession(requestWith(ended))).toMatchObject({ accountId: null, sessionId: null });
    expect(await getCurrentUser(requestWith(ended))).toBeNull();
    expect(await readSession(requestWith(kept))).toMatchObject({ accountId });
  });

  it("the loaders of one HTTP request share one session check; an action checks afresh, and an answered request is forgotten", async () => {
    const setCookie = await startSession(await accountIdOf("LS029"));
    // As Remix hands them out: a Request object per loader, with the server's request id copied.
    const loaderRequest = (requestId: string, method = "GET") =>
      new Request("http://localhost/ideas", { method, headers: { Cookie: cookiePair(setCookie), [REQUEST_ID_HEADER]: requestId } });
    const rootCheck = getRequestAuth(loaderRequest("request-1"));
    expect(getRequestAuth(loaderRequest("request-1"))).toBe(rootCheck);
    expect((await rootCheck).user).toMatchObject({ username: "LS029" });
    expect(getRequestAuth(loaderRequest("request-2"))).not.toBe(rootCheck);
    expect(getRequestAuth(loaderRequest("request-1", "POST"))).not.toBe(rootCheck);
    // The session ends (as sign-out does) and the request is answered: the same id, if it ever
    // came again, is checked anew and finds no one.
    await endSession(sessionIdOf(setCookie));
    forgetRequest("request-1");
    forgetRequest("request-2");
    expect((await getRequestAuth(loaderRequest("request-1"))).user).toBeNull();
    forgetRequest("request-1");
  });

  it("a forged or unknown session id gives no account", async () => {
    const forged = `${SESSION_COOKIE_NAME}=${"a".repeat(26)}; HttpOnly`;
    expect(await readSession(requestWith(forged))).toMatchObject({ accountId: null });
    expect(await getCurrentUser(requestWith(forged))).toBeNull();
  });

  it("disabling an account (as the admin route does) ends its sessions and its access", async () => {
    const accountId = await accountIdOf("LS015");
    expect((await signIn(db, { username: "LS015", password: DEMO_PASSWORD, ipAddress: "10.3.0.1" })).ok).toBe(true);
    const cookie = await startSession(accountId);
    expect(await getSignedInAccount(db, accountId, DEMO_TODAY)).not.toBeNull();

    await setAccountDisabled(db, accountId, true);
    await endAllSessions(accountId);

    expect(await getSignedInAccount(db, accountId, DEMO_TODAY)).toBeNull();
    expect(await readSession(requestWith(cookie))).toMatchObject({ accountId: null });
    expect(await db.select().from(sessions).where(eq(sessions.userId, accountId))).toEqual([]);
    expect(await getCurrentUser(requestWith(cookie))).toBeNull();
    // The right password no longer signs in.
    const result = await signIn(db, { username: "LS015", password: DEMO_PASSWORD, ipAddress: "10.3.0.1" });
    expect(result).toEqual({ ok: false, reason: "disabled" });
  });

  it("a disabled account's still-open session gives no user, even if its sessions were not ended", async () => {
    const accountId = await accountIdOf("LS017");
    const cookie = await startSession(accountId);
    expect(await getCurrentUser(requestWith(cookie))).not.toBeNull();
    await setAccountDisabled(db, accountId, true);
    expect(await getCurrentUser(requestWith(cookie))).toBeNull();
    const redirect = await thrownBy(requireUser(requestWith(cookie)));
    expect(redirect).toBeInstanceOf(Response);
    expect((redirect as Response).headers.get("Location")).toMatch(/^\/login/);
  });

  it("someone whose employment HR ended can no longer sign in or use an open session; extending it restores access", async () => {
    const accountId = await accountIdOf("LS018");
    const [account] = await db.select({ personId: accounts.personId }).from(accounts).where(eq(accounts.id, accountId));
    const cookie = await startSession(accountId);
    expect(await getCurrentUser(requestWith(cookie))).not.toBeNull();
    const today = calendarDateIn(new Date(), "Asia/Bangkok");
    const dayOffset = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const setEnd = (endDate: string | null) => db.update(employmentPeriods).set({ endDate }).where(eq(employmentPeriods.personId, account.personId));

    await setEnd(today); // the last working day still works
    expect(await getCurrentUser(requestWith(cookie))).not.toBeNull();
    await setEnd(dayOffset(-1));
    expect(await getCurrentUser(requestWith(cookie))).toBeNull();
    expect(await signIn(db, { username: "LS018", password: DEMO_PASSWORD, ipAddress: "10.3.0.8" })).toEqual({ ok: false, reason: "disabled" });

    await setEnd(null);
    expect(await getCurrentUser(requestWith(cookie))).not.toBeNull();
    expect((await signIn(db, { username: "LS018", password: DEMO_PASSWORD, ipAddress: "10.3.0.8" })).ok).toBe(true);
  });
});

describe(`requireUser / requireRole (${engineName})`, () => {
  it("redirects a request without a session to /login with where it was going", async () => {
    const thrown = await thrownBy(requireUser(requestWith(null, "http://localhost/plan?year=2569")));
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("Location") ?? "", "http://localhost");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("redirectTo")).toBe("/plan?year=2569");
  });

  it("refuses a staff-only session on an admin check with 403, and lets the admin through", async () => {
    const staffId = await accountIdOf("LS025");
    const staffRoles = await db.select().from(accountRoles).where(eq(accountRoles.accountId, staffId));
    expect(staffRoles.map((row) => row.role)).toEqual(["staff"]);
    const staffCookie = await startSession(staffId);

    const thrown = await thrownBy(requireRole(requestWith(staffCookie, "http://localhost/admin/accounts"), "admin"));
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
    // Plain sign-in checks still pass for the same session.
    expect(await requireUser(requestWith(staffCookie))).toMatchObject({ accountId: staffId, roles: ["staff"] });

    const adminCookie = await startSession(await accountIdOf("LS006"));
    const admin = await requireRole(requestWith(adminCookie, "http://localhost/admin/accounts"), "admin");
    expect(admin.roles).toContain("admin");
  });

  it("sends someone whose password an admin set to /account/password first", async () => {
    const accountId = await accountIdOf("LS030");
    await setPassword(db, accountId, { passwordHash: await hashPassword("Temporary-Pass-2569"), mustChangePassword: true });
    const result = await signIn(db, { username: "LS030", password: "Temporary-Pass-2569", ipAddress: "10.4.0.1" });
    expect(result).toEqual({ ok: true, accountId, mustChangePassword: true });
    const cookie = await startSession(accountId);

    const thrown = await thrownBy(requireUser(requestWith(cookie)));
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(302);
    expect((thrown as Response).headers.get("Location")).toBe("/account/password");
    // Role checks go through the same gate.
    expect(((await thrownBy(requireRole(requestWith(cookie), "staff"))) as Response).headers.get("Location")).toBe("/account/password");
    // The password page itself is allowed.
    const user = await requireUser(requestWith(cookie), { allowPendingPasswordChange: true });
    expect(user).toMatchObject({ accountId, mustChangePassword: true });

    const [row] = await db.select().from(accounts).where(and(eq(accounts.id, accountId), eq(accounts.mustChangePassword, true)));
    expect(row).toBeDefined();
  });
});
