/// <reference types="vite/client" />
/**
 * Who may call what: every route module's loader and action, checked on the server against
 * this table (data, not code). A route file without an entry fails the suite, so a new page
 * cannot ship without saying who may use it.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "../../app/auth/session.server";
import { ROLES, type Role } from "../../app/domain/roles";
import { accounts } from "../../db/schema";
import { seedDemoData } from "../../db/seed/seed.server";
import { demoAccounts } from "../../db/seed/data/staff";
import { createTestDatabase, engineName, snapshotEveryTable, withAppDatabase, type TestDatabase } from "./test-database";

import { ROUTE_ACCESS, type Access, type SampleIds } from "./route-access/table";
import { readSampleIds } from "./route-access/sample-ids";

type RouteModule = {
  loader?: (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
  action?: (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
};

// .ts as well as .tsx: a resource route (a file download) has no component, and may be either.
const routeModules = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}");
const routeIdOf = (file: string) => file.replace(/^.*\/routes\//, "").replace(/\.tsx?$/, "");
const routeIds = Object.keys(routeModules).map(routeIdOf).sort();

/** Call a loader or action; a thrown Response is what Remix would send, so return it. */
async function call(fn: NonNullable<RouteModule["loader"]>, request: Request, params: Record<string, string>) {
  try {
    const result = await fn({ request, params, context: {} });
    return result instanceof Response ? result : new Response(null, { status: 200 });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function request(method: "GET" | "POST", path: string, cookie?: string) {
  return new Request(`http://localhost${path}`, {
    method,
    headers: cookie ? { Cookie: cookie } : {},
    body: method === "POST" ? new URLSearchParams({ intent: "probe" }) : undefined,
  });
}

describe("route access table", () => {
  it("has an entry for every route module, and no entry without one", () => {
    expect(routeIds).toEqual(Object.keys(ROUTE_ACCESS).sort());
  });

  it("lists an action exactly for the modules that export one", async () => {
    for (const [file, load] of Object.entries(routeModules)) {
      const module = await load();
      expect(typeof module.action === "function", routeIdOf(file)).toBe(ROUTE_ACCESS[routeIdOf(file)]?.action !== undefined);
    }
  });
});

describe(`route access on the server (${engineName})`, () => {
  let database: TestDatabase;
  let clearAppDatabase: () => void;
  const cookieByRole = new Map<Role, string>();
  const sampleIds: SampleIds = {
    someAccountId: "",
    someIdeaId: "1",
    somePersonId: "1",
    someProjectId: "1",
    someInnovationId: "1",
    someTrainingSessionId: "1",
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.handle.db);
    clearAppDatabase = withAppDatabase(database.handle);
    for (const { role, employeeCode } of demoAccounts) {
      const [account] = await database.handle.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, employeeCode));
      const setCookie = await startSession(account.id);
      cookieByRole.set(role, setCookie.split(";")[0]);
    }
    Object.assign(sampleIds, await readSampleIds(database.handle.db));
  });

  afterAll(async () => {
    clearAppDatabase?.();
    await database?.drop();
  });

  const restricted = Object.entries(ROUTE_ACCESS).flatMap(([routeId, access]) =>
    (["loader", "action"] as const)
      .filter((kind) => access[kind] !== undefined && access[kind] !== "public" && access[kind] !== "anonymous")
      .map((kind) => ({ routeId, kind, access: access[kind] as Exclude<Access, "public" | "anonymous">, params: access.params })),
  );

  const load = async (routeId: string) => {
    const entry = Object.entries(routeModules).find(([file]) => routeIdOf(file) === routeId);
    if (!entry) throw new Error(`no module for ${routeId}`);
    return entry[1]();
  };

  for (const { routeId, kind, access, params } of restricted) {
    it(`${routeId} ${kind}: an anonymous visitor is sent to sign in`, async () => {
      const module = await load(routeId);
      const response = await call(module[kind]!, request(kind === "loader" ? "GET" : "POST", `/${routeId}`), params?.(sampleIds) ?? {});
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toMatch(/^\/login/);
    });

    if (access === "signed-in") continue;
    for (const role of ROLES) {
      const allowed = role === "staff" ? access.includes("staff") : access.includes(role);
      it(`${routeId} ${kind}: ${role} is ${allowed ? "let in" : "refused with 403, nothing changed"}`, async () => {
        const module = await load(routeId);
        const before = kind === "action" && !allowed ? await snapshotEveryTable(database.handle.db) : null;
        const response = await call(
          module[kind]!,
          request(kind === "loader" ? "GET" : "POST", `/${routeId}`, cookieByRole.get(role)),
          params?.(sampleIds) ?? {},
        );
        if (allowed) {
          expect(response.status).not.toBe(403);
          expect(response.headers.get("Location") ?? "").not.toMatch(/^\/login/);
        } else {
          expect(response.status).toBe(403);
          if (before) expect(await snapshotEveryTable(database.handle.db)).toEqual(before);
        }
      });
    }
  }

  // An id in the address that is junk or past what the database holds (an integer column stops
  // at 2,147,483,647) is a page that does not exist: 404, never a database error.
  const withIds = Object.entries(ROUTE_ACCESS).filter(([, access]) => access.params !== undefined && access.loader !== undefined);
  for (const [routeId, access] of withIds) {
    it(`${routeId} loader: an id out of range or junk is a 404`, async () => {
      const module = await load(routeId);
      const loaderAccess = access.loader!;
      const role: Role = loaderAccess === "signed-in" || loaderAccess === "public" || loaderAccess === "anonymous" ? "admin" : loaderAccess[0];
      const cookie = loaderAccess === "anonymous" ? undefined : cookieByRole.get(role);
      for (const junk of ["2147483648", "99999999999999999999", "1e3", "abc"]) {
        const params = Object.fromEntries(Object.keys(access.params!(sampleIds)).map((name) => [name, junk]));
        const response = await call(module.loader!, request("GET", `/${routeId}`, cookie), params);
        expect(response.status, `${routeId} with ${junk}`).toBe(404);
      }
    });
  }
});
