import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getCurrentUser } from "../../app/auth/current-user.server";
import { startSession } from "../../app/auth/session.server";
import { signIn } from "../../app/auth/sign-in.server";
import { THAI_FISCAL_CALENDAR } from "../../app/domain/fiscal-year";
import { setAccountDisabled } from "../../app/models/accounts.server";
import { saveFiscalCalendar } from "../../app/models/settings.server";
import { loader as accountLoader } from "../../app/routes/admin.accounts.$accountId";
import { loader as accountsLoader } from "../../app/routes/admin.accounts._index";
import { loader as personLoader } from "../../app/routes/roster_.$personId";
import type { Database } from "../../db/client.server";
import { accounts, employmentPeriods } from "../../db/schema";
import { DEMO_PASSWORD } from "../../db/seed/seed.server";
import { routeClient } from "./route-client";
import { engineName, findPersonId, withDemoDatabaseForFile } from "./test-database";

// What the admin sees of an account is what sign-in does with it: someone HR recorded as having
// left (every employment ended before the organisation's today) shows as "left", not "active".

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});
const { get } = routeClient(() => db);
const ADMIN = "LS006";
const HR = "LS004";

/** 18:00 on 7 December 2026 in Bangkok (UTC+7); already 01:00 on the 8th at UTC+14. */
const INSTANT = new Date("2026-12-07T11:00:00Z");
const EAST_OF_BANGKOK = { startMonth: 10, timeZone: "Pacific/Kiritimati" };

afterEach(async () => {
  vi.useRealTimers();
  await saveFiscalCalendar(db, THAI_FISCAL_CALENDAR);
});

async function accountIdOf(username: string): Promise<string> {
  const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
  if (!row) throw new Error(`no account ${username}`);
  return row.id;
}

async function endEmployment(employeeCode: string, endDate: string | null) {
  await db.update(employmentPeriods).set({ endDate }).where(eq(employmentPeriods.personId, await findPersonId(db, employeeCode)));
}

type AccountRow = { username: string; status: string };

async function statusInList(username: string): Promise<string | undefined> {
  const response = await get(accountsLoader, "/admin/accounts", ADMIN);
  expect(response.status).toBe(200);
  const { accounts: rows } = (await response.json()) as { accounts: AccountRow[] };
  return rows.find((row) => row.username === username)?.status;
}

async function statusOnAccountPage(username: string): Promise<string> {
  const accountId = await accountIdOf(username);
  const response = await get(accountLoader, `/admin/accounts/${accountId}`, ADMIN, { accountId });
  expect(response.status).toBe(200);
  return ((await response.json()) as { account: AccountRow }).account.status;
}

async function statusOnRosterPage(employeeCode: string): Promise<string | undefined> {
  const personId = String(await findPersonId(db, employeeCode));
  const response = await get(personLoader, `/roster/${personId}`, HR, { personId });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accountStatus?: string }).accountStatus;
}

describe(`account status (${engineName})`, () => {
  it("a leaver's account shows as left on the admin's list, the account page and the roster, as sign-in refuses it", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: INSTANT });
    expect(await statusInList("LS038")).toBe("active");
    await endEmployment("LS038", "2026-11-01");
    expect(await signIn(db, { username: "LS038", password: DEMO_PASSWORD, ipAddress: "10.9.0.1", now: INSTANT })).toEqual({ ok: false, reason: "disabled" });
    expect(await statusInList("LS038")).toBe("left");
    expect(await statusOnAccountPage("LS038")).toBe("left");
    expect(await statusOnRosterPage("LS038")).toBe("left");
    // Everyone else in the list is unchanged.
    expect(await statusInList(ADMIN)).toBe("active");
  });

  it("an account the admin disabled shows as disabled (also once the person has left)", async () => {
    await setAccountDisabled(db, await accountIdOf("LS038"), true);
    expect(await statusInList("LS038")).toBe("disabled");
    expect(await statusOnAccountPage("LS038")).toBe("disabled");
    await setAccountDisabled(db, await accountIdOf("LS038"), false);
    await endEmployment("LS038", null);
    expect(await statusInList("LS038")).toBe("active");
    expect(await statusOnRosterPage("LS038")).toBe("active");
  });

  it("the last working day is still active; the next day, by the organisation's clock, the person has left — for the list and for sign-in alike", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: INSTANT });
    await endEmployment("LS038", "2026-12-07"); // Bangkok's today at INSTANT
    expect(await statusInList("LS038")).toBe("active");
    expect((await signIn(db, { username: "LS038", password: DEMO_PASSWORD, ipAddress: "10.9.0.2", now: INSTANT })).ok).toBe(true);
    await saveFiscalCalendar(db, EAST_OF_BANGKOK); // the organisation is already on the 8th
    expect(await statusInList("LS038")).toBe("left");
    expect(await statusOnAccountPage("LS038")).toBe("left");
    expect(await signIn(db, { username: "LS038", password: DEMO_PASSWORD, ipAddress: "10.9.0.2", now: INSTANT })).toEqual({ ok: false, reason: "disabled" });
    await endEmployment("LS038", null);
  });

  it("a session already open ends when the person has left by the organisation's clock, not Bangkok's", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: INSTANT });
    await endEmployment("LS038", "2026-12-07"); // Bangkok's today at INSTANT
    const cookie = (await startSession(await accountIdOf("LS038"))).split(";")[0];
    // A new Request each time: the check is remembered per request.
    const signedIn = async () => (await getCurrentUser(new Request("http://localhost/ideas", { headers: { Cookie: cookie } })))?.username ?? null;
    expect(await signedIn()).toBe("LS038");
    await saveFiscalCalendar(db, EAST_OF_BANGKOK); // the organisation is already on the 8th
    expect(await signedIn()).toBeNull();
    await saveFiscalCalendar(db, THAI_FISCAL_CALENDAR);
    expect(await signedIn()).toBe("LS038");
    await endEmployment("LS038", null);
  });
});
