/**
 * Page benchmark: the built app against the "limit" (scripts/bench/limit-server.ts: the same SQL,
 * same driver, escaped HTML, no framework) on the same database, interleaved in one run.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npx tsx scripts/bench/pages.ts
 *
 * Needs a built app (run.sh runs `npm run build` first). For each page — the idea list, an idea,
 * the committee board, the dashboard — signed in as a role that may see it:
 *   1. warm-up of both servers;
 *   2. autocannon at fixed concurrency, limit and app interleaved (limit, app, limit, app, …);
 *   3. requests evenly spaced at half the limit's best req/s (paced-load.ts, open loop, latency
 *      from when each was due), limit then app: p50/p99;
 *   4. for context (not a target), the app alone at half its own best round: how it answers when
 *      it is not near its capacity.
 * Targets: app ÷ limit ≥ 0.5, app p99 ≤ 100 ms at half the limit's rate, zero errors/non-2xx.
 *
 * Environment (all optional):
 *   BENCH_ORG=large|small       large (default): a new PostgreSQL database filled by
 *                               large-organisation.ts (BENCH_STAFF/IDEAS/VOTES/COMMENTS), dropped at
 *                               the end; small: the demo on PGlite (app DATA_DIR, limit in memory)
 *   BENCH_DATABASE_URL          reuse an already filled large database (not dropped)
 *   BENCH_APP_DIR               folder holding build/ and public/ (default: the project)
 *   BENCH_APP_PORT, BENCH_LIMIT_PORT   default 3201, 3202
 *   BENCH_CONNECTIONS (10), BENCH_SECONDS (10), BENCH_ROUNDS (3), BENCH_WARMUP_SECONDS (10),
 *   BENCH_RATE_SECONDS (10), BENCH_PAGES (comma list of: list,idea,board,dashboard,dashboard-closed;
 *   dashboard-closed, large organisation only, first closes the plan's past years in the database,
 *   as the admin does each year, then measures the dashboard again)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { pacedLoad } from "./paced-load";
import postgres from "postgres";
import { LARGE_ORGANISATION_ACCOUNTS, closePastYears, createLargeOrganisation, dropDatabase, sizesFromEnv, type BenchAccount } from "./large-organisation";
import { openDatabase } from "../../db/client.server";
import { DEMO_PASSWORD } from "../../db/seed/seed.server";

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const env = process.env;
const num = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const org = env.BENCH_ORG === "small" ? "small" : "large";
const appDir = path.resolve(env.BENCH_APP_DIR ?? projectDir);
const appPort = num("BENCH_APP_PORT", 3201);
const limitPort = num("BENCH_LIMIT_PORT", 3202);
const connections = num("BENCH_CONNECTIONS", 10);
const seconds = num("BENCH_SECONDS", 10);
const rounds = num("BENCH_ROUNDS", 3);
// 10 s: after 3 s the app still ran its first measured round at two thirds of its later speed.
const warmupSeconds = num("BENCH_WARMUP_SECONDS", 10);
const rateSeconds = num("BENCH_RATE_SECONDS", 10);
const wantedPages = new Set((env.BENCH_PAGES ?? "list,idea,board,dashboard,dashboard-closed").split(",").map((name) => name.trim()));

const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 100;

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
let cleaningUp: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await Promise.all(children.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once("exit", resolve)) : null)));
    for (const step of cleanups.reverse()) await step().catch((error: unknown) => console.error("[pages] cleanup:", error));
  })();
  return cleaningUp;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n[pages] ${signal}: stopping servers and cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

function start(label: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ChildProcess {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const relay = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) console.log(`  [${label}] ${line}`);
  };
  child.stdout?.on("data", relay);
  child.stderr?.on("data", relay);
  child.on("exit", (code, signal) => {
    if (!cleaningUp) console.error(`[pages] ${label} exited early (code ${code}, signal ${signal})`);
  });
  return child;
}

async function waitForHealth(port: number, child: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server on ${port} not healthy after ${timeoutMs} ms`);
}

/** Sign in through the app's form (same-origin post) and return the session cookie pair. */
async function signIn(account: BenchAccount): Promise<string> {
  const origin = `http://127.0.0.1:${appPort}`;
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: new URLSearchParams({ username: account.username, password: account.password, redirectTo: "/" }),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("nawat_session="));
  if (response.status !== 302 || !cookie) throw new Error(`sign-in as ${account.username} failed: HTTP ${response.status}`);
  return cookie.split(";")[0];
}

type Run = { reqPerSec: number; p50: number; p99: number; errors: number; requests: number; cpuMs: number };

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); 0 elsewhere. */
function cpuMsOf(pid: number | undefined): number {
  try {
    // Fields after the command name: state is field 3, utime 14, stime 15 (clock ticks, 100/s).
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

async function cannon(url: string, cookie: string, options: { duration: number; server: ChildProcess }): Promise<Run> {
  const cpuBefore = cpuMsOf(options.server.pid);
  const result = await autocannon({
    url,
    connections,
    duration: options.duration,
    headers: { cookie, accept: "text/html" },
    timeout: 10,
  });
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // A run in which nothing completed counts as an error: the page did not serve at all.
    errors: result.errors + result.timeouts + result.non2xx + (result.requests.total === 0 ? 1 : 0),
    requests: result.requests.total,
    cpuMs: cpuMsOf(options.server.pid) - cpuBefore,
  };
}

/** `rate` requests a second, evenly spaced (paced-load.ts: autocannon's own rate comes in bursts). */
async function atRate(url: string, cookie: string, options: { rate: number; server: ChildProcess }): Promise<Run> {
  const cpuBefore = cpuMsOf(options.server.pid);
  const result = await pacedLoad({ url, headers: { cookie, accept: "text/html" }, rate: options.rate, seconds: rateSeconds, maxConnections: connections });
  return {
    reqPerSec: result.ok / rateSeconds,
    p50: result.p50,
    p99: result.p99,
    errors: result.errors + (result.ok === 0 ? 1 : 0),
    requests: result.ok,
    cpuMs: cpuMsOf(options.server.pid) - cpuBefore,
  };
}

type Page = { key: string; label: string; path: string; role: BenchAccount["role"]; /** Run before the page is measured. */ prepare?: () => Promise<void> };

type Row = {
  page: Page;
  limitRuns: Run[];
  appRuns: Run[];
  rate: number;
  limitAtRate: Run;
  appAtRate: Run;
  /** Context, not a target: the app at half its own best round, and that rate. */
  appOwnRate: number;
  appAtOwnRate: Run;
};

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const loadAverageAtStart = loadavg()[0].toFixed(1);

async function main() {
  const started = Date.now();
  let databaseUrl: string | undefined;
  let sampleIdeaId: number;
  let accounts: BenchAccount[];
  let closedYearsAtStart = 0;

  if (org === "large") {
    const serverUrl = env.TEST_DATABASE_URL ?? env.DATABASE_URL;
    if (env.BENCH_DATABASE_URL) {
      databaseUrl = env.BENCH_DATABASE_URL;
      console.log(`[pages] reusing ${new URL(databaseUrl).pathname.slice(1)}`);
    } else {
      if (!serverUrl) throw new Error("Set TEST_DATABASE_URL (a PostgreSQL server the bench may create a database on), or BENCH_ORG=small");
      const name = `nawat_pages_${randomBytes(4).toString("hex")}`;
      cleanups.push(() => dropDatabase(serverUrl, name));
      const sizes = sizesFromEnv();
      console.log(`[pages] generating the large organisation in ${name}: ${JSON.stringify(sizes)}`);
      const report = await createLargeOrganisation(serverUrl, name, sizes);
      console.log(`[pages] generator: ${report.seconds.toFixed(1)} s, rows ${JSON.stringify(report.counts)}`);
      databaseUrl = report.url;
    }
    const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const [{ closed }] = await client<{ closed: number }[]>`select count(*)::int as closed from fiscal_year_settings where closed_at is not null`;
      closedYearsAtStart = Number(closed);
      const [sample] = await client<{ id: number }[]>`
        select id from ideas where fiscal_year = 2569 and comment_count between 3 and 10 and vote_count between 5 and 50 order by id limit 1`;
      const [fallback] = await client<{ id: number }[]>`select max(id) as id from ideas`;
      sampleIdeaId = Number((sample ?? fallback).id);
    } finally {
      await client.end();
    }
    accounts = LARGE_ORGANISATION_ACCOUNTS;
  } else {
    sampleIdeaId = Number(env.BENCH_SMALL_IDEA_ID ?? 0);
    accounts = [
      { role: "staff", username: "LS025", password: DEMO_PASSWORD },
      { role: "committee", username: "LS005", password: DEMO_PASSWORD },
      { role: "executive", username: "LS001", password: DEMO_PASSWORD },
    ];
  }

  // The app: production build, its own process, as `npm run serve` runs it.
  const appEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: "production", PORT: String(appPort), HOST: "127.0.0.1", DEMO_DATA: org === "small" ? "on" : "off" };
  delete appEnv.DATABASE_URL;
  if (databaseUrl) appEnv.DATABASE_URL = databaseUrl;
  else {
    const dataDir = mkdtempSync(path.join(tmpdir(), "nawat-pages-data-"));
    appEnv.DATA_DIR = dataDir;
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  }
  const app = start("app", process.execPath, [path.join(appDir, "build", "index.js")], { cwd: appDir, env: appEnv });
  const limitEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: "production", LIMIT_PORT: String(limitPort), LIMIT_SMALL: org === "small" ? "1" : "0" };
  delete limitEnv.DATABASE_URL;
  if (databaseUrl) limitEnv.DATABASE_URL = databaseUrl;
  const limit = start("limit", process.execPath, ["--import", "tsx", path.join(projectDir, "scripts", "bench", "limit-server.ts")], { cwd: projectDir, env: limitEnv });
  await Promise.all([waitForHealth(appPort, app), waitForHealth(limitPort, limit)]);

  if (org === "small" && !sampleIdeaId) {
    // The limit's copy of the demo names its most-commented idea (the demo seed is deterministic).
    const health = (await (await fetch(`http://127.0.0.1:${limitPort}/healthz`)).json()) as { sampleIdeaId: number | null };
    sampleIdeaId = Number(health.sampleIdeaId);
  }

  const cookies = new Map<BenchAccount["role"], string>();
  const limitCookies = new Map<BenchAccount["role"], string>();
  for (const account of accounts) {
    const cookie = await signIn(account);
    cookies.set(account.role, cookie);
    // The small organisation's limit has its own PGlite copy, hence its own sessions.
    limitCookies.set(
      account.role,
      org === "small" ? await (await fetch(`http://127.0.0.1:${limitPort}/bench-session?username=${account.username}`)).text() : cookie,
    );
  }

  const allPages: Page[] = [
    { key: "list", label: "idea list", path: "/ideas", role: "staff" },
    { key: "idea", label: `idea page #${sampleIdeaId}`, path: `/ideas/${sampleIdeaId}`, role: "staff" },
    { key: "board", label: "committee board", path: "/committee", role: "committee" },
    { key: "dashboard", label: `dashboard, ${closedYearsAtStart} year(s) closed`, path: "/dashboard", role: "executive" },
  ];
  if (org === "large" && databaseUrl) {
    const url = databaseUrl;
    allPages.push({
      key: "dashboard-closed",
      label: "dashboard, past years closed",
      path: "/dashboard",
      role: "executive",
      prepare: async () => {
        const handle = await openDatabase({ databaseUrl: url });
        try {
          const closed = await closePastYears(handle.db);
          console.log(`[pages] closed the past years ${closed.join(", ") || "(already closed)"}`);
        } finally {
          await handle.close();
        }
      },
    });
  }
  const pages = allPages.filter((page) => wantedPages.has(page.key));
  const appUrl = (page: Page) => `http://127.0.0.1:${appPort}${page.path}`;
  const limitUrl = (page: Page) => `http://127.0.0.1:${limitPort}${page.path}`;

  const rows: Row[] = [];
  for (const page of pages) {
    const cookie = cookies.get(page.role) ?? "";
    const limitCookie = limitCookies.get(page.role) ?? "";
    await page.prepare?.();
    // Both must serve the page (not a redirect to sign in, not an error) before it is measured.
    for (const [url, sessionCookie] of [[appUrl(page), cookie], [limitUrl(page), limitCookie]]) {
      const response = await fetch(url, { headers: { cookie: sessionCookie }, redirect: "manual" });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status} ${body.slice(0, 200)}`);
    }
    console.log(`[pages] ${page.label}: warm-up ${warmupSeconds} s each`);
    await cannon(limitUrl(page), limitCookie, { duration: warmupSeconds, server: limit });
    await cannon(appUrl(page), cookie, { duration: warmupSeconds, server: app });
    const limitRuns: Run[] = [];
    const appRuns: Run[] = [];
    for (let round = 1; round <= rounds; round++) {
      limitRuns.push(await cannon(limitUrl(page), limitCookie, { duration: seconds, server: limit }));
      appRuns.push(await cannon(appUrl(page), cookie, { duration: seconds, server: app }));
      console.log(
        `[pages] ${page.label} round ${round}: limit ${limitRuns[round - 1].reqPerSec.toFixed(1)} req/s, app ${appRuns[round - 1].reqPerSec.toFixed(1)} req/s`,
      );
    }
    const rate = Math.max(1, Math.floor(Math.max(...limitRuns.map((run) => run.reqPerSec)) / 2));
    const limitAtRate = await atRate(limitUrl(page), limitCookie, { rate, server: limit });
    const appAtRate = await atRate(appUrl(page), cookie, { rate, server: app });
    console.log(`[pages] ${page.label} at ${rate} req/s: limit p99 ${limitAtRate.p99} ms, app p99 ${appAtRate.p99} ms`);
    // Where the target rate sits in the app's own capacity explains a missed p99: a server near
    // its capacity queues. The same measure at half the app's own best shows the app unqueued.
    const appOwnRate = Math.max(1, Math.floor(Math.max(...appRuns.map((run) => run.reqPerSec)) / 2));
    const appAtOwnRate = await atRate(appUrl(page), cookie, { rate: appOwnRate, server: app });
    console.log(`[pages] ${page.label} app at ${appOwnRate} req/s (half its own best): p99 ${appAtOwnRate.p99} ms`);
    rows.push({ page, limitRuns, appRuns, rate, limitAtRate, appAtRate, appOwnRate, appAtOwnRate });
  }

  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  console.log("");
  // Other work on the machine skews absolute figures (the ratio less so: the runs interleave).
  console.log(`Machine: ${cpus().length} CPUs, load average ${loadAverageAtStart} at start, ${loadavg()[0].toFixed(1)} at end.`);
  console.log(
    `Pages, ${org} organisation (${org === "large" ? "PostgreSQL" : "PGlite"}): ${connections} connections, ${rounds}×${seconds} s interleaved; fixed rate ${rateSeconds} s at half the limit's best, evenly spaced.`,
  );
  console.log(`Targets: app ÷ limit ≥ ${TARGET_RATIO}; app p99 ≤ ${TARGET_P99_MS} ms at the fixed rate; 0 errors.`);
  console.log("req/s: mean of the rounds; app ÷ limit: median of the rounds' paired ratios; node CPU: the server process's own CPU time per response.");
  console.log("rate ÷ app's best: the fixed rate as a share of the app's best round. Last column (context, not a target): the app's p50/p99 at half its own best round.");
  console.log("");
  console.log(
    "| page | limit req/s | app req/s | app ÷ limit | rate req/s | limit p50/p99 ms | app p50/p99 ms | errors limit/app | node CPU ms/req limit/app | rate ÷ app's best | app at half its best: rate, p50/p99 ms |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  let failures = 0;
  for (const row of rows) {
    const limitRps = mean(row.limitRuns.map((run) => run.reqPerSec));
    const appRps = mean(row.appRuns.map((run) => run.reqPerSec));
    // Each round pairs a limit run with the app run right after it; the median of the pairs'
    // ratios resists load that other processes put on the machine during one run.
    const ratio = median(row.appRuns.map((run, index) => (row.limitRuns[index].reqPerSec > 0 ? run.reqPerSec / row.limitRuns[index].reqPerSec : 0)));
    const limitErrors = [...row.limitRuns, row.limitAtRate].reduce((sum, run) => sum + run.errors, 0);
    const appErrors = [...row.appRuns, row.appAtRate, row.appAtOwnRate].reduce((sum, run) => sum + run.errors, 0);
    const ratioOk = ratio >= TARGET_RATIO;
    const p99Ok = row.appAtRate.requests > 0 && row.appAtRate.p99 <= TARGET_P99_MS;
    const errorsOk = appErrors === 0 && limitErrors === 0;
    failures += Number(!ratioOk) + Number(!p99Ok) + Number(!errorsOk);
    // The server process's own CPU per request: what the framework costs, whatever the load.
    const cpuPerRequest = (runs: Run[]) => {
      const requests = runs.reduce((sum, run) => sum + run.requests, 0);
      return requests > 0 ? (runs.reduce((sum, run) => sum + run.cpuMs, 0) / requests).toFixed(1) : "–";
    };
    console.log(
      `| ${row.page.label} | ${limitRps.toFixed(1)} | ${appRps.toFixed(1)} | ${ratio.toFixed(2)} ${mark(ratioOk)} | ${row.rate} | ${row.limitAtRate.p50}/${row.limitAtRate.p99} | ${row.appAtRate.p50}/${row.appAtRate.p99} ${mark(p99Ok)} | ${limitErrors}/${appErrors} ${mark(errorsOk)} | ${cpuPerRequest(row.limitRuns)}/${cpuPerRequest(row.appRuns)} | ${(row.rate / Math.max(...row.appRuns.map((run) => run.reqPerSec))).toFixed(2)} | ${row.appOwnRate}: ${row.appAtOwnRate.p50}/${row.appAtOwnRate.p99} |`,
    );
  }
  console.log("");
  console.log(`${failures === 0 ? "all targets met" : `${failures} target(s) missed`} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
  // A benchmark reports; it fails only when it could not measure. BENCH_STRICT=1 fails on a miss.
  return env.BENCH_STRICT === "1" && failures > 0 ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error("[pages] failed:", error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
