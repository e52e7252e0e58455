/**
 * Security headers and cross-site refusal, checked against the REAL server: build/index.js
 * (Express + Remix, as deployed) started as child processes on free ports, one with
 * NODE_ENV=production and one without, each on a fresh demo database (a PGlite folder in a temp
 * dir and a copy of it, or one fresh database on the TEST_DATABASE_URL server).
 *
 * - Every text/html response (every route of the route-access table, for each demo role and
 *   anonymously, plus error pages) is whole UTF-8 text (no NUL, no U+FFFD) and carries the CSP
 *   with a per-request nonce, object-src/base-uri/frame-ancestors 'none', X-Content-Type-Options
 *   and Referrer-Policy; HSTS only in production.
 * - The nonce differs between responses, is on every <script> and appears nowhere else in the
 *   page (so no loader sent it), and never appears in the `?_data=` JSON of any loader.
 * - Cross-site posts (foreign Origin, Origin null, Sec-Fetch-Site: cross-site) are refused with
 *   403 before any action runs, and change nothing; the same post from the same origin works.
 *
 * Needs a current build (`npm run build`); the suite builds before the integration tests.
 */
import { existsSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray, like, notInArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client.server";
import { ideaAuthors, ideaComments, ideas, ideaVotes, people } from "../../db/schema";
import { seedDemoData } from "../../db/seed/seed.server";
import { demoAccounts } from "../../db/seed/data/staff";
import { startDatabase } from "../../db/startup.server";
import type { Role } from "../../app/domain/roles";
import { SERVER_ENTRY, startBuiltServer, stopBuiltServer, type BuiltServer } from "./fixtures/built-server";
import { thaiCatalogue } from "../../app/i18n/messages.server";
import { ROUTE_ACCESS, type SampleIds } from "./route-access/table";
import { readSampleIds } from "./route-access/sample-ids";
import { createTestDatabase, engineName, testDatabaseUrl, type TestDatabase } from "./test-database";

const DEMO_PASSWORD = "nawat-demo";
const FOREIGN_ORIGIN = "https://evil.example";
/** Requests in flight at once during the sweep (PGlite answers one query at a time anyway). */
const SWEEP_CONCURRENCY = 6;
/**
 * Seeding a PGlite folder and starting two servers takes ~15 s on an idle 2-core machine, but
 * several times that when the suite runs two heavy files side by side: a roomy limit.
 */
const SETUP_TIMEOUT_MS = 300_000;
const SERVER_START_TIMEOUT_MS = 150_000;

// ---------------------------------------------------------------------------------------------
// The server as a child process

function startServer(database: { dataDir?: string; databaseUrl?: string }, production: boolean): Promise<BuiltServer> {
  const env: Record<string, string> = { DEMO_DATA: "off" };
  if (production) env.NODE_ENV = "production";
  if (database.dataDir) env.DATA_DIR = database.dataDir;
  if (database.databaseUrl) env.DATABASE_URL = database.databaseUrl;
  return startBuiltServer(env, { timeoutMs: SERVER_START_TIMEOUT_MS });
}


// ---------------------------------------------------------------------------------------------
// Requests

type Sent = { status: number; headers: Headers; body: string };

async function send(server: BuiltServer, pathAndQuery: string, options: { cookie?: string; method?: "GET" | "POST"; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Sent> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { ...(options.cookie ? { Cookie: options.cookie } : {}), ...options.headers };
  // A browser's same-origin form post, unless the test says otherwise.
  if (method === "POST" && !options.headers) Object.assign(headers, { Origin: server.origin, "Sec-Fetch-Site": "same-origin" });
  const response = await fetch(`${server.origin}${pathAndQuery}`, {
    method,
    headers,
    body: options.form ? new URLSearchParams(options.form) : undefined,
    redirect: "manual",
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

async function signIn(server: BuiltServer, username: string): Promise<string> {
  const response = await fetch(`${server.origin}/login`, {
    method: "POST",
    headers: { Origin: server.origin, "Sec-Fetch-Site": "same-origin" },
    body: new URLSearchParams({ username, password: DEMO_PASSWORD, redirectTo: "/" }),
    redirect: "manual",
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("nawat_session="));
  if (response.status !== 302 || !session) throw new Error(`sign-in as ${username} failed: ${response.status}`);
  return session.split(";")[0];
}

/** Run `tasks` with at most `limit` in flight. */
async function inPool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]();
      }
    }),
  );
  return results;
}

/** The URL of a flat-routes module id: `roster_.$personId_.edit` → /roster/12/edit. */
function routePath(routeId: string, params: Record<string, string>): string {
  if (routeId === "$") return "/no-such-page-here";
  const segments = routeId
    .split(".")
    .filter((segment) => segment !== "_index")
    .map((segment) => segment.replace(/_$/, ""))
    .map((segment) => (segment.startsWith("$") ? encodeURIComponent(params[segment.slice(1)] ?? "1") : segment));
  return `/${segments.join("/")}`;
}

// ---------------------------------------------------------------------------------------------
// The rules every HTML response must meet

const NONCE_ATTRIBUTE = /\bnonce="([^"]*)"/g;
const SCRIPT_TAG = /<script\b[^>]*>/gi;
/** A base64 nonce of 16 random bytes, as server/index.ts makes them. */
const NONCE_SHAPE = /[A-Za-z0-9+/]{22}==/g;
const STRICT_REFERRER_POLICIES = ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"];

function cspDirectives(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** What is wrong with one HTML response (empty when nothing is); the nonce it used, if any. */
const MESSAGE_KEYS = new Set(Object.keys(thaiCatalogue()));

/**
 * Message keys shown as text: a component's `t` finds only the catalogues it passed to useI18n,
 * and shows the key itself for any other (e.g. an error key from an action).
 */
function rawMessageKeys(html: string): string[] {
  const text = html.replace(/<script\b[\s\S]*?<\/script>/gi, " ").replace(/<[^>]*>/g, " ");
  return [...new Set(text.match(/\b[a-zA-Z]+(?:\.[a-zA-Z_]+)+\b/g) ?? [])].filter((token) => MESSAGE_KEYS.has(token));
}

function problemsOfHtml(sent: Sent, production: boolean): { problems: string[]; nonce: string | null } {
  const problems: string[] = [];
  const csp = sent.headers.get("content-security-policy");
  let nonce: string | null = null;
  if (!csp) problems.push("no Content-Security-Policy");
  else {
    const directives = cspDirectives(csp);
    const scriptSources = directives.get("script-src") ?? directives.get("default-src") ?? [];
    const nonces = scriptSources.filter((source) => /^'nonce-.+'$/.test(source)).map((source) => source.slice(7, -1));
    if (nonces.length !== 1) problems.push(`script-src has ${nonces.length} nonces: ${csp}`);
    else nonce = nonces[0];
    if (nonce && nonce.length < 16) problems.push(`nonce too short: ${nonce}`);
    if (scriptSources.includes("'unsafe-inline'") || scriptSources.includes("'unsafe-eval'")) problems.push(`script-src allows unsafe sources: ${csp}`);
    if (!directives.has("default-src")) problems.push("CSP without default-src");
    for (const name of ["object-src", "base-uri", "frame-ancestors"]) {
      if (directives.get(name)?.join(" ") !== "'none'") problems.push(`${name} is not 'none': ${csp}`);
    }
  }
  if (sent.headers.get("x-content-type-options") !== "nosniff") problems.push(`X-Content-Type-Options: ${sent.headers.get("x-content-type-options")}`);
  const referrer = sent.headers.get("referrer-policy");
  if (!referrer || !STRICT_REFERRER_POLICIES.includes(referrer)) problems.push(`Referrer-Policy: ${referrer}`);
  const hsts = sent.headers.get("strict-transport-security");
  if (production) {
    const maxAge = Number(/max-age=(\d+)/.exec(hsts ?? "")?.[1] ?? 0);
    if (maxAge < 180 * 24 * 60 * 60) problems.push(`HSTS missing or short in production: ${hsts}`);
  } else if (hsts) problems.push(`HSTS sent outside production: ${hsts}`);
  // Whole characters only: a NUL byte or U+FFFD means a Thai character was cut on the way out.
  const broken = [...sent.body].filter((character) => character === "\u0000" || character === "\uFFFD").length;
  if (broken > 0) problems.push(`${broken} NUL or replacement character(s) in the page`);
  const rawKeys = rawMessageKeys(sent.body);
  if (rawKeys.length > 0) problems.push(`shows message keys instead of messages: ${rawKeys.join(", ")}`);

  if (nonce) {
    const scripts = sent.body.match(SCRIPT_TAG) ?? [];
    if (scripts.length === 0) problems.push("no <script> at all (cannot check the nonce)");
    for (const tag of scripts) {
      const attribute = /\bnonce="([^"]*)"/.exec(tag);
      if (attribute?.[1] !== nonce) problems.push(`a <script> without this response's nonce: ${tag.slice(0, 120)}`);
    }
    // The nonce is in nonce="…" attributes and nowhere else: no loader data carried it.
    const inAttributes = [...sent.body.matchAll(NONCE_ATTRIBUTE)].filter((match) => match[1] === nonce).length;
    const anywhere = sent.body.split(nonce).length - 1;
    if (anywhere !== inAttributes) problems.push(`the nonce appears ${anywhere - inAttributes} time(s) outside nonce attributes`);
  }
  return { problems, nonce };
}

const isHtml = (sent: Sent) => (sent.headers.get("content-type") ?? "").startsWith("text/html");

// ---------------------------------------------------------------------------------------------

type Fixture = {
  database: { dataDir?: string; databaseUrl?: string };
  /** For the second (non-production) server: a copy of the PGlite folder, or the same database. */
  secondDatabase: { dataDir?: string; databaseUrl?: string };
  /** Open the app's database for a look (PGlite: only while no server holds the folder). */
  withDb<T>(run: (handle: DatabaseHandle) => Promise<T>): Promise<T>;
  cleanup(): Promise<void>;
};

async function prepareDatabase(): Promise<Fixture> {
  if (testDatabaseUrl) {
    const created: TestDatabase = await createTestDatabase();
    await seedDemoData(created.handle.db);
    const database = { databaseUrl: created.databaseUrl };
    return { database, secondDatabase: database, withDb: (run) => run(created.handle), cleanup: () => created.drop() };
  }
  const tempDir = await mkdtemp(path.join(os.tmpdir(), "nawat-headers-"));
  const dataDir = path.join(tempDir, "data");
  // Migrate and seed here (what the server would do), so the ids are known before it starts.
  const seeded = await startDatabase({ open: { dataDir }, log: () => {} });
  await seeded.close();
  // PGlite allows one process per folder: the second server gets a copy.
  const copyDir = path.join(tempDir, "data-copy");
  await cp(dataDir, copyDir, { recursive: true });
  return {
    database: { dataDir },
    secondDatabase: { dataDir: copyDir },
    async withDb(run) {
      const handle = await openDatabase({ dataDir });
      try {
        return await run(handle);
      } finally {
        await handle.close();
      }
    },
    cleanup: () => rm(tempDir, { recursive: true, force: true }),
  };
}

type Scene = {
  sampleIds: SampleIds;
  /** An open idea the staff demo account neither wrote nor voted for. */
  votableIdeaId: number;
};

async function readScene(handle: DatabaseHandle): Promise<Scene> {
  const db = handle.db;
  const [staff] = await db.select({ id: people.id }).from(people).where(eq(people.employeeCode, "LS025"));
  const [votable] = await db
    .select({ id: ideas.id })
    .from(ideas)
    .where(
      and(
        inArray(ideas.stage, ["submitted", "screening", "committee_review", "approved"]),
        notInArray(ideas.id, db.select({ id: ideaAuthors.ideaId }).from(ideaAuthors).where(eq(ideaAuthors.personId, staff.id))),
        notInArray(ideas.id, db.select({ id: ideaVotes.ideaId }).from(ideaVotes).where(eq(ideaVotes.personId, staff.id))),
      ),
    )
    .orderBy(ideas.id)
    .limit(1);
  return {
    sampleIds: await readSampleIds(db),
    votableIdeaId: votable.id,
  };
}

if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build\` first`);

describe(`security headers and cross-site posts on the real server (${engineName})`, () => {
  let fixture: Fixture;
  let scene: Scene;
  let production: BuiltServer | undefined;
  let development: BuiltServer | undefined;
  const cookies = new Map<Role, string>();
  /** The same people signed in on the non-production server. */
  const developmentCookies = new Map<Role, string>();
  const seenNonces = new Map<string, string>();
  const checked = { html: 0, data: 0 };

  /** Check one response; an HTML one must meet every rule and have a nonce never seen before. */
  function audit(label: string, sent: Sent, isProductionServer: boolean, problems: string[]) {
    if (sent.status >= 500) problems.push(`${label}: ${sent.status}`);
    if (!isHtml(sent)) return;
    checked.html++;
    const found = problemsOfHtml(sent, isProductionServer);
    for (const problem of found.problems) problems.push(`${label} (${sent.status}): ${problem}`);
    if (found.nonce) {
      const earlier = seenNonces.get(found.nonce);
      if (earlier) problems.push(`${label}: the nonce was already used by ${earlier}`);
      seenNonces.set(found.nonce, label);
    }
  }

  beforeAll(async () => {
    fixture = await prepareDatabase();
    scene = await fixture.withDb(readScene);
    // Both servers start side by side: NODE_ENV=production (HSTS) and not.
    // allSettled: if one fails to start, the other is still recorded, so afterAll stops it.
    const started = await Promise.allSettled([
      startServer(fixture.database, true).then((server) => (production = server)),
      startServer(fixture.secondDatabase, false).then((server) => (development = server)),
    ]);
    for (const result of started) if (result.status === "rejected") throw result.reason;
    for (const { role, employeeCode } of demoAccounts) {
      cookies.set(role, await signIn(production!, employeeCode));
      developmentCookies.set(role, await signIn(development!, employeeCode));
    }
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all([stopBuiltServer(production), stopBuiltServer(development)]);
    await fixture?.cleanup();
  }, 60_000);

  it("every HTML page of every route, for every role and anonymously, carries every header (HSTS on the production server only)", { timeout: 240_000 }, async () => {
    const server = production!;
    const problems: string[] = [];
    const dataBodies: { label: string; body: string }[] = [];
    const visitors: { label: string; role: Role | null }[] = [{ label: "anonymous", role: null }, ...[...cookies.keys()].map((role) => ({ label: role, role }))];
    // Each (route, visitor) pair once, alternating between the two servers so that every route
    // and every role meets both (and the two PGlite processes share the work).
    const pageTasks = Object.entries(ROUTE_ACCESS).flatMap(([routeId, access], routeIndex) => {
      const url = routePath(routeId, access.params?.(scene.sampleIds) ?? {});
      return visitors.map((visitor, visitorIndex) => async () => {
        const onProduction = (routeIndex + visitorIndex) % 2 === 0;
        const cookie = visitor.role ? (onProduction ? cookies : developmentCookies).get(visitor.role) : undefined;
        const sent = await send(onProduction ? server : development!, url, { cookie });
        audit(`GET ${url} as ${visitor.label} (${onProduction ? "production" : "not production"})`, sent, onProduction, problems);
      });
    });
    // Each loader's data once, as someone it serves (the first role allowed, staff for any
    // signed-in person, nobody for public pages), and the root loader's data for everyone.
    const dataTasks = Object.entries(ROUTE_ACCESS).map(([routeId, access]) => async () => {
      const url = routePath(routeId, access.params?.(scene.sampleIds) ?? {});
      const role: Role | null = Array.isArray(access.loader) ? access.loader[0] : access.loader === "signed-in" ? "staff" : null;
      const label = `GET ${url}?_data as ${role ?? "anonymous"}`;
      const data = await send(server, `${url}?_data=${encodeURIComponent(`routes/${routeId}`)}`, { cookie: role ? cookies.get(role) : undefined });
      if (data.status >= 500) problems.push(`${label}: ${data.status}`);
      if ((data.headers.get("content-type") ?? "").includes("json")) dataBodies.push({ label, body: data.body });
    });
    for (const visitor of visitors) {
      dataTasks.push(async () => {
        const data = await send(server, "/?_data=root", { cookie: visitor.role ? cookies.get(visitor.role) : undefined });
        dataBodies.push({ label: `root ?_data as ${visitor.label}`, body: data.body });
      });
    }
    await inPool([...pageTasks, ...dataTasks], SWEEP_CONCURRENCY);
    const htmlOnEach = { production: 0, development: 0 };
    for (const label of seenNonces.values()) htmlOnEach[label.includes("(not production)") ? "development" : "production"]++;
    // No loader's data mentions a nonce or carries one of the nonces the pages used.
    for (const { label, body } of dataBodies) {
      checked.data++;
      if (/nonce/i.test(body)) problems.push(`${label} mentions a nonce: ${body.slice(0, 200)}`);
      const carried = (body.match(NONCE_SHAPE) ?? []).filter((value) => seenNonces.has(value));
      if (carried.length > 0) problems.push(`${label} carries a page's nonce: ${carried.join(", ")}`);
    }
    expect(problems).toEqual([]);
    // Enough was looked at for the test to mean something: most routes render HTML for someone.
    expect(checked.html).toBeGreaterThan(Object.keys(ROUTE_ACCESS).length * 2);
    expect(htmlOnEach.production).toBeGreaterThan(Object.keys(ROUTE_ACCESS).length);
    expect(htmlOnEach.development).toBeGreaterThan(Object.keys(ROUTE_ACCESS).length);
    expect(checked.data).toBeGreaterThan(Object.keys(ROUTE_ACCESS).length / 2);
  });

  it("production: error pages (404, 403, 405, a bad id, a refused sign-in, the sign-in page) carry every header", async () => {
    const server = production!;
    const problems: string[] = [];
    const staff = cookies.get("staff");
    const cases: { label: string; status: number; sent: () => Promise<Sent> }[] = [
      { label: "unknown page, anonymous", status: 404, sent: () => send(server, "/no/such/page") },
      { label: "unknown page, signed in", status: 404, sent: () => send(server, "/no/such/page", { cookie: staff }) },
      { label: "unknown idea (route error boundary)", status: 404, sent: () => send(server, "/ideas/987654321", { cookie: staff }) },
      { label: "an idea id that is not a number", status: 404, sent: () => send(server, "/ideas/not-a-number", { cookie: staff }) },
      { label: "staff on the audit log (403)", status: 403, sent: () => send(server, "/admin/audit", { cookie: staff }) },
      { label: "staff on the board (403)", status: 403, sent: () => send(server, "/committee", { cookie: staff }) },
      { label: "a post to a page without an action (405)", status: 405, sent: () => send(server, "/ideas", { cookie: staff, method: "POST", form: { x: "1" } }) },
      { label: "the sign-in page", status: 200, sent: () => send(server, "/login") },
      { label: "a wrong password", status: 400, sent: () => send(server, "/login", { method: "POST", form: { username: "LS025", password: "wrong-password" } }) },
      { label: "an empty sign-in form", status: 400, sent: () => send(server, "/login", { method: "POST", form: {} }) },
    ];
    for (const { label, status, sent } of cases) {
      const response = await sent();
      if (response.status !== status) problems.push(`${label}: status ${response.status}, expected ${status}`);
      if (!isHtml(response)) problems.push(`${label}: not HTML (${response.headers.get("content-type")})`);
      audit(label, response, true, problems);
    }
    expect(problems).toEqual([]);
  });

  it("the raw-key check finds a key shown as text, and not one inside a script or an attribute", () => {
    expect(rawMessageKeys(`<p>ideas.list.title</p><a title="ideas.list.search">x</a><script>"ideas.list.sort"</script>`)).toEqual(["ideas.list.title"]);
  });

  it("the same page twice gets two different nonces", async () => {
    const staff = cookies.get("staff");
    const [first, second] = await Promise.all([send(production!, "/ideas", { cookie: staff }), send(production!, "/ideas", { cookie: staff })]);
    const nonceOf = (sent: Sent) => problemsOfHtml(sent, true).nonce;
    expect(nonceOf(first)).toBeTruthy();
    expect(nonceOf(second)).toBeTruthy();
    expect(nonceOf(first)).not.toBe(nonceOf(second));
  });

  it("outside production: the same headers, without HSTS, on error pages too", async () => {
    const server = development!;
    const problems: string[] = [];
    const staff = developmentCookies.get("staff");
    const admin = developmentCookies.get("admin");
    const pages: { label: string; path: string; cookie?: string }[] = [
      { label: "sign-in page", path: "/login" },
      { label: "home", path: "/", cookie: staff },
      { label: "idea list", path: "/ideas", cookie: staff },
      { label: "an idea", path: `/ideas/${scene.votableIdeaId}`, cookie: staff },
      { label: "new idea form", path: "/ideas/new", cookie: staff },
      { label: "admin settings", path: "/admin/settings", cookie: admin },
      { label: "404", path: "/no/such/page", cookie: staff },
      { label: "403", path: "/admin/audit", cookie: staff },
    ];
    for (const page of pages) {
      const sent = await send(server, page.path, { cookie: page.cookie });
      if (!isHtml(sent)) problems.push(`${page.label}: not HTML`);
      audit(`${page.label} (not production)`, sent, false, problems);
    }
    expect(problems).toEqual([]);
  });

  it("a NUL character in the address or a form is dropped before any route reads it: never a server error", async () => {
    // PostgreSQL refuses text holding a NUL; each of these was a 500 (exploratory testing, stop 14).
    const server = production!;
    const staff = cookies.get("staff")!;
    const search = await send(server, "/ideas?q=%E0%B8%81%00x", { cookie: staff });
    expect(search.status).toBe(200);
    const similar = await send(server, "/ideas/similar?title=abc%00defgh", { cookie: staff });
    expect(similar.status).toBe(200);
    const comment = await send(server, `/ideas/${scene.votableIdeaId}/comments`, { method: "POST", cookie: staff, form: { body: "NUL-MARKER hello\u0000world" } });
    expect(comment.status).toBeLessThan(400);
    const idea = await send(server, `/ideas/${scene.votableIdeaId}`, { cookie: staff });
    expect(idea.body).toContain("NUL-MARKER helloworld");
    const signIn = await send(server, "/login", { method: "POST", form: { username: "LS0\u000025", password: "wrong password" } });
    expect(signIn.status).toBe(400);
    expect(signIn.body).toContain("รหัสพนักงานหรือรหัสผ่านไม่ถูกต้อง");
  });

  it("cross-site posts are refused with 403 before any action runs and change nothing; the same post from this origin works", async () => {
    const server = production!;
    const staff = cookies.get("staff")!;
    const ideaId = scene.votableIdeaId;
    const voteData = `/ideas/${ideaId}/vote?_data=${encodeURIComponent("routes/ideas.$ideaId.vote")}`;
    const hostile: Record<string, Record<string, string>> = {
      "foreign Origin": { Origin: FOREIGN_ORIGIN },
      "Origin null (sandboxed frame)": { Origin: "null" },
      "Sec-Fetch-Site: cross-site": { "Sec-Fetch-Site": "cross-site" },
      "Sec-Fetch-Site: cross-site with this Origin": { "Sec-Fetch-Site": "cross-site", Origin: server.origin },
      "foreign Origin, Sec-Fetch-Site: same-origin": { Origin: FOREIGN_ORIGIN, "Sec-Fetch-Site": "same-origin" },
    };
    const posts: { label: string; path: string; form: Record<string, string>; cookie?: string }[] = [
      { label: "vote (form)", path: `/ideas/${ideaId}/vote`, form: { intent: "vote", redirectTo: `/ideas/${ideaId}` }, cookie: staff },
      { label: "vote (fetcher)", path: voteData, form: { intent: "vote" }, cookie: staff },
      { label: "comment", path: `/ideas/${ideaId}/comments`, form: { body: "XSITE-MARKER ข้ามไซต์" }, cookie: staff },
      { label: "new idea", path: "/ideas/new", form: { title: "XSITE-MARKER ไอเดียข้ามไซต์", problem: "ปัญหา", solution: "ทางแก้", benefit: "ประโยชน์" }, cookie: staff },
      { label: "sign out", path: "/logout", form: {}, cookie: staff },
      { label: "sign in", path: "/login", form: { username: "LS025", password: DEMO_PASSWORD } },
    ];
    const outcomes: { kind: string; post: string; status: number; setCookie: string | null }[] = [];
    for (const [kind, headers] of Object.entries(hostile)) {
      for (const post of posts) {
        const sent = await send(server, post.path, { method: "POST", cookie: post.cookie, form: post.form, headers });
        outcomes.push({ kind, post: post.label, status: sent.status, setCookie: sent.headers.get("set-cookie") });
      }
    }
    expect(outcomes.filter((outcome) => outcome.status !== 403 || outcome.setCookie !== null)).toEqual([]);
    expect(outcomes).toHaveLength(Object.keys(hostile).length * posts.length);
    // The staff member is still signed in (the cross-site sign-outs did nothing).
    expect((await send(server, "/ideas", { cookie: staff })).status).toBe(200);
    // The same vote from this origin is the FIRST vote: none of the refused ones was counted.
    const sameOrigin = await send(server, voteData, { method: "POST", cookie: staff, form: { intent: "vote" } });
    expect(sameOrigin.status).toBe(200);
    expect(JSON.parse(sameOrigin.body)).toMatchObject({ result: "added", summary: { viewerHasVoted: true } });
    const comment = await send(server, `/ideas/${ideaId}/comments`, { method: "POST", cookie: staff, form: { body: "SAME-ORIGIN-MARKER ความเห็น" } });
    expect(comment.status).toBe(302);
    // A post with neither header (curl, old browsers) is let through: SameSite cookies guard it.
    const bare = await fetch(`${server.origin}${voteData}`, { method: "POST", headers: { Cookie: staff }, body: new URLSearchParams({ intent: "vote" }), redirect: "manual" });
    expect(bare.status).toBe(200);
    expect(await bare.json()).toMatchObject({ result: "already" });

    // In the database (PGlite: once the server has let go of the folder): only the same-origin writes.
    await stopBuiltServer(server);
    const written = await fixture.withDb(async ({ db }) => ({
      crossSiteComments: (await db.select({ id: ideaComments.id }).from(ideaComments).where(like(ideaComments.body, "XSITE-MARKER%"))).length,
      crossSiteIdeas: (await db.select({ id: ideas.id }).from(ideas).where(like(ideas.title, "XSITE-MARKER%"))).length,
      sameOriginComments: (await db.select({ id: ideaComments.id }).from(ideaComments).where(like(ideaComments.body, "SAME-ORIGIN-MARKER%"))).length,
      staffVotes: (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(ideaVotes)
          .innerJoin(people, eq(people.id, ideaVotes.personId))
          .where(and(eq(ideaVotes.ideaId, ideaId), eq(people.employeeCode, "LS025")))
      )[0].n,
    }));
    expect(written).toEqual({ crossSiteComments: 0, crossSiteIdeas: 0, sameOriginComments: 1, staffVotes: 1 });
  });
});
