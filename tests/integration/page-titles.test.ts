/// <reference types="vite/client" />
/**
 * Every page's <title> is in the reader's language (PRODUCT.md §7): each route module's `meta`,
 * given what Remix gives it — the root loader's data and the page loader's data, both from the
 * real loaders on the seeded demo database, for a person reading in English and then in Thai.
 *
 * - In English, no part of a title is Thai, except a part that is a record's own text (an idea's
 *   title) from the page's data; an innovation or project with an English name shows it.
 * - In Thai, no part of a title is a message key (a key outside the catalogues the meta passed).
 * - Every title ends with the app's name in that language.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startSession } from "../../app/auth/session.server";
import { ROLES, type Role } from "../../app/domain/roles";
import { thaiCatalogue } from "../../app/i18n/messages.server";
import { loader as rootLoader } from "../../app/root";
import { accounts, innovations, projects } from "../../db/schema";
import { demoAccounts } from "../../db/seed/data/staff";
import { ROUTE_ACCESS, type SampleIds } from "./route-access/table";
import { readSampleIds } from "./route-access/sample-ids";
import { engineName, withDemoDatabaseForFile, type TestDatabase } from "./test-database";

type LoaderArgs = { request: Request; params: Record<string, string>; context: object };
type MetaArgs = { data: unknown; params: Record<string, string>; location: unknown; matches: { id: string; data: unknown }[]; error?: unknown };
type RouteModule = {
  loader?: (args: LoaderArgs) => Promise<unknown>;
  meta?: (args: MetaArgs) => { title?: string }[];
  default?: unknown;
  ErrorBoundary?: unknown;
};

const routeModules = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}");
const routeIdOf = (file: string) => file.replace(/^.*\/routes\//, "").replace(/\.tsx?$/, "");

const THAI_SCRIPT = /[\u0E00-\u0E7F]/;
const MESSAGE_KEYS = new Set(Object.keys(thaiCatalogue()));
const ENGLISH_INNOVATION_NAME = "Room booking by phone";
const ENGLISH_PROJECT_NAME = "Better front desk";

/** Every string in a loader's data: the record text a title may carry as it is. */
function stringsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === "string") into.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (value && typeof value === "object") for (const item of Object.values(value)) stringsIn(item, into);
  return into;
}

/** What Remix gives a route's meta (and its ErrorBoundary) for a Response the loader threw. */
const errorResponse = (status: number) => ({ status, statusText: "", internal: false, data: "" });

/** A loader's or action's answer, a thrown Response included (as the error Remix makes of it); its JSON when it is a 200. */
async function loaderData(loader: NonNullable<RouteModule["loader"]>, request: Request, params: Record<string, string>): Promise<{ status: number; data: unknown; error?: unknown }> {
  let result: unknown;
  try {
    result = await loader({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, data: undefined, error: errorResponse(thrown.status) };
    throw thrown;
  }
  if (!(result instanceof Response)) return { status: 200, data: result };
  if (result.status !== 200 || !(result.headers.get("Content-Type") ?? "").includes("json")) return { status: result.status, data: undefined };
  return { status: 200, data: await result.json() };
}

describe(`page titles in the reader's language (${engineName})`, () => {
  let database: TestDatabase;
  const cookieByRole = new Map<Role, string>();
  const sampleIds: SampleIds = { someAccountId: "", someIdeaId: "1", somePersonId: "1", someProjectId: "1", someInnovationId: "1", someTrainingSessionId: "1" };

  withDemoDatabaseForFile(async (opened) => {
    database = opened;
    const db = opened.handle.db;
    for (const { role, employeeCode } of demoAccounts) {
      const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, employeeCode));
      cookieByRole.set(role, (await startSession(account.id)).split(";")[0]);
    }
    Object.assign(sampleIds, await readSampleIds(db));
    // The sample innovation and its project have English names, which English titles must show.
    const [innovation] = await db.update(innovations).set({ nameEn: ENGLISH_INNOVATION_NAME }).where(eq(innovations.id, Number(sampleIds.someInnovationId))).returning({ projectId: innovations.projectId });
    sampleIds.someProjectId = String(innovation!.projectId);
    await db.update(projects).set({ nameEn: ENGLISH_PROJECT_NAME }).where(eq(projects.id, innovation!.projectId));
  });

  /** The title each page with a meta shows, read in `locale` by the first role its loader lets in. */
  async function titles(locale: "th" | "en") {
    await database.handle.db.update(accounts).set({ locale });
    const shown: { routeId: string; title: string; dataStrings: Set<string>; loaded: boolean; error: unknown }[] = [];
    for (const [file, load] of Object.entries(routeModules)) {
      const routeId = routeIdOf(file);
      const module = await load();
      if (!module.meta) continue;
      const access = ROUTE_ACCESS[routeId]!;
      const params = access.params?.(sampleIds) ?? {};
      const roles: (Role | null)[] = access.loader === "anonymous" || access.loader === "public" ? [null] : [...ROLES];
      let page: { status: number; data: unknown; error?: unknown } = { status: 0, data: undefined };
      let rootData: unknown;
      for (const role of roles) {
        const headers: Record<string, string> = { Cookie: [`nawat_lang=${locale}`, role ? cookieByRole.get(role) : null].filter(Boolean).join("; ") };
        const request = () => new Request(`http://localhost/${routeId}`, { headers });
        page = module.loader ? await loaderData(module.loader, request(), params) : { status: 200, data: undefined };
        rootData = (await loaderData(rootLoader as NonNullable<RouteModule["loader"]>, request(), {})).data;
        if (page.status === 200) break;
      }
      const matches = [
        { id: "root", data: rootData },
        { id: `routes/${routeId}`, data: page.data },
      ];
      // A page whose loader only redirects (a vote, a follow) is seen only as its error page, when
      // its action fails: read that page's title, for an idea that is not there.
      const error = page.error ?? (page.status >= 300 && page.status < 400 && module.ErrorBoundary ? errorResponse(404) : undefined);
      const title = module.meta({ data: page.data, params, location: { pathname: `/${routeId}`, search: "", hash: "" }, matches, error }).find((tag) => "title" in tag)?.title;
      shown.push({ routeId, title: title ?? "", dataStrings: stringsIn(page.data), loaded: page.status === 200, error });
    }
    return shown;
  }

  let english: Awaited<ReturnType<typeof titles>>;
  let thai: Awaited<ReturnType<typeof titles>>;
  beforeAll(async () => {
    english = await titles("en");
    thai = await titles("th");
  }, 120_000);

  it("every page route (a module with a component) has a meta: no page is left without a title", async () => {
    const withoutMeta: string[] = [];
    for (const [file, load] of Object.entries(routeModules)) {
      const module = await load();
      if (module.default !== undefined && !module.meta) withoutMeta.push(routeIdOf(file));
    }
    expect(withoutMeta).toEqual([]);
  });

  it("an error page's title says what its heading says: the 404 page, and the vote, follow and notification links", () => {
    const pages = ["$", "ideas.$ideaId.vote", "ideas.$ideaId.follow", "notifications_.$notificationId.open"];
    for (const routeId of pages) {
      expect(english.find((page) => page.routeId === routeId)?.title, routeId).toBe("Page not found · Nawat");
      expect(thai.find((page) => page.routeId === routeId)?.title, routeId).toBe("ไม่พบหน้านี้ · นวัต");
    }
  });

  it("visits every page with a title, most with their real data (the check is not vacuous)", () => {
    expect(english.length).toBeGreaterThanOrEqual(50);
    expect(english.filter((page) => page.loaded).length).toBeGreaterThanOrEqual(45);
    for (const routeId of ["ideas.$ideaId._index", "committee.ideas.$ideaId", "innovations.$innovationId._index", "innovations.$innovationId.trail", "projects.$projectId._index"]) {
      expect(english.find((page) => page.routeId === routeId)?.loaded, routeId).toBe(true);
    }
  });

  it("in English, no title has Thai except a record's own text, and each ends with the app's name", () => {
    const problems = english.flatMap(({ routeId, title, dataStrings }) => {
      const parts = title.split(" · ");
      const found: string[] = [];
      if (parts[parts.length - 1] !== "Nawat") found.push(`${routeId}: "${title}" does not end with Nawat`);
      const thaiParts = parts.filter((part) => THAI_SCRIPT.test(part) && !dataStrings.has(part));
      if (thaiParts.length > 0) found.push(`${routeId}: "${title}" has Thai not from its data`);
      return found;
    });
    expect(problems).toEqual([]);
  });

  it("in English, an innovation's or project's title is its English name", () => {
    const titleOf = (routeId: string) => english.find((page) => page.routeId === routeId)?.title;
    expect(titleOf("innovations.$innovationId._index")).toBe(`${ENGLISH_INNOVATION_NAME} · Nawat`);
    expect(titleOf("innovations.$innovationId.trail")).toBe(`Innovation evidence trail · ${ENGLISH_INNOVATION_NAME} · Nawat`);
    expect(titleOf("projects.$projectId._index")).toBe(`${ENGLISH_PROJECT_NAME} · Nawat`);
  });

  it("in Thai, every title is Thai messages (no message keys) ending with the app's name", () => {
    const problems = thai.flatMap(({ routeId, title }) => {
      const parts = title.split(" · ");
      const found: string[] = [];
      if (parts[parts.length - 1] !== "นวัต") found.push(`${routeId}: "${title}" does not end with นวัต`);
      if (parts.some((part) => MESSAGE_KEYS.has(part))) found.push(`${routeId}: "${title}" shows a message key`);
      return found;
    });
    expect(problems).toEqual([]);
    expect(thai.find((page) => page.routeId === "ideas.mine")?.title).toBe("ไอเดียของฉัน · นวัต");
    expect(thai.find((page) => page.routeId === "innovations.$innovationId._index")?.title).not.toContain(ENGLISH_INNOVATION_NAME);
  });
});
