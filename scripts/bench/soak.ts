/**
 * Soak test: mixed traffic from 50 concurrent signed-in users against the built app on real
 * PostgreSQL, for 5 minutes. Prints requests, errors (status ≥ 500 or network errors), p50/p99
 * latency per kind of request, and the server's RSS at start, after warm-up, middle and end.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npx tsx scripts/bench/soak.ts
 *
 * Env: SOAK_SECONDS (default 300), SOAK_USERS (default 50), SOAK_PORT (default 3221),
 * NAWAT_SERVER_ENTRY (default build/index.js: build first; to run without holding the shared
 * build, use a snapshot, e.g. .tmp/<you>-app/build/index.js).
 *
 * Creates a throwaway database (migrations + the demo organisation), starts the app on it with
 * DATABASE_URL and NODE_ENV=production, signs each demo account in once, then runs one loop per
 * user: the idea list, an idea, vote or unvote it, a comment (every 4th loop), and by role:
 * committee members open the board and move an idea one stage; executives and the director open
 * the dashboard; HR the roster; admins the accounts; plain staff submit a new idea (every 8th
 * loop; it feeds the committee's moves). Exit code 1 when there were errors or memory grew.
 *
 * Memory rule: RSS is sampled every 5 s. A single reading depends on where the garbage collector
 * happens to be, so peaks are compared: "flat" when the highest RSS in the second half of the run is
 * at most 1.5 × the highest between the end of warm-up (20% of the run, at least 10 s: caches, JIT,
 * connection pool) and the middle. A leak grows the second half's peak; a filled heap does not.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase } from "../../db/client.server";
import { stageCountDrift } from "../../app/models/board.server";
import { projectRoot } from "../../db/project-root.server";
import { DEMO_PASSWORD, seedDemoData } from "../../db/seed/seed.server";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const USERS = Number(process.env.SOAK_USERS ?? 50);
const PORT = Number(process.env.SOAK_PORT ?? 3221);
const SERVER_ENTRY = path.resolve(process.env.NAWAT_SERVER_ENTRY ?? path.join(projectRoot(), "build", "index.js"));
const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  console.error("Set TEST_DATABASE_URL (a PostgreSQL server the soak test may create a database on).");
  process.exit(2);
}
if (!existsSync(SERVER_ENTRY)) {
  console.error(`${SERVER_ENTRY} is missing: run npm run build (or set NAWAT_SERVER_ENTRY).`);
  process.exit(2);
}

const VOTE_ROUTE = encodeURIComponent("routes/ideas.$ideaId.vote");
const baseUrl = `http://127.0.0.1:${PORT}`;

type Kind = "list" | "idea" | "vote" | "comment" | "board" | "move" | "dashboard" | "roster" | "accounts" | "submit";
type Sample = { kind: Kind; ms: number; status: number };
const samples: Sample[] = [];
let networkErrors = 0;
const networkErrorKinds = new Map<Kind, number>();

// --- the database ------------------------------------------------------------------------------------

const name = `nawat_soak_${randomBytes(4).toString("hex")}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE "${name}"`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const databaseUrl = url.toString();

type Account = { username: string; roles: string[] };
let accounts: Account[] = [];
const ideaIds: number[] = [];
const movable: Array<{ id: number; stage: "submitted" | "screening" }> = [];
{
  const handle = await openDatabase({ databaseUrl, maxConnections: 2 });
  try {
    await handle.migrate();
    await seedDemoData(handle.db);
    await handle.vacuumAnalyze();
    const rows: unknown = await handle.db.execute(sql`
      select a.username, array_agg(r.role::text order by r.role) as roles
      from accounts a join account_roles r on r.account_id = a.id
      group by a.username order by a.username`);
    accounts = [...(rows as Account[])];
    const ideas: unknown = await handle.db.execute(sql`select id, stage::text as stage from ideas order by id`);
    for (const idea of ideas as Array<{ id: number; stage: string }>) {
      ideaIds.push(idea.id);
      if (idea.stage === "submitted" || idea.stage === "screening") movable.push({ id: idea.id, stage: idea.stage });
    }
  } finally {
    await handle.close();
  }
}

/**
 * After the traffic: the counts the app keeps beside the rows (idea_stage_counts by trigger, each
 * idea's vote_count and comment_count in the write's transaction) against the rows themselves.
 */
async function counterDrift(): Promise<string[]> {
  const handle = await openDatabase({ databaseUrl, maxConnections: 1 });
  try {
    const ideaDrift = (await handle.db.execute(sql`
      select 'idea ' || i.id || ': votes ' || i.vote_count || '/' || (select count(*) from idea_votes v where v.idea_id = i.id)
             || ', comments ' || i.comment_count || '/' || (select count(*) from idea_comments c where c.idea_id = i.id) as line
      from ideas i
      where i.vote_count <> (select count(*) from idea_votes v where v.idea_id = i.id)
         or i.comment_count <> (select count(*) from idea_comments c where c.idea_id = i.id)`)) as unknown as { line: string }[];
    return [...(await stageCountDrift(handle.db)), ...ideaDrift.map((row) => row.line)];
  } finally {
    await handle.close();
  }
}

// --- the server ------------------------------------------------------------------------------------

const server = spawn(process.execPath, [SERVER_ENTRY], {
  cwd: projectRoot(),
  env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", PORT: String(PORT), HOST: "127.0.0.1", DEMO_DATA: "off" },
  stdio: ["ignore", "pipe", "pipe"],
});
let serverOutput = "";
server.stdout.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
server.stderr.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
const serverExited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));

async function cleanUp(): Promise<void> {
  if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
  const code = await Promise.race([serverExited, new Promise<string>((resolve) => setTimeout(() => resolve("still running after 12 s"), 12_000))]);
  console.log(`server stopped with SIGTERM: exit ${code}`);
  if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

function rssMb(): number {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

try {
  const started = Date.now();
  while (!serverOutput.includes("listening on")) {
    if (server.exitCode !== null) throw new Error(`the server exited:\n${serverOutput}`);
    if (Date.now() - started > 60_000) throw new Error(`the server did not start in 60 s:\n${serverOutput}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  // --- sign in every account once -------------------------------------------------------------------
  const sessions = new Map<string, string>();
  for (const account of accounts) {
    const response = await fetch(`${baseUrl}/login`, {
      method: "POST",
      body: new URLSearchParams({ username: account.username, password: DEMO_PASSWORD, redirectTo: "" }),
      redirect: "manual",
    });
    const cookies = response.headers.getSetCookie();
    if (response.status !== 302 || cookies.length === 0) throw new Error(`sign-in of ${account.username}: ${response.status}`);
    sessions.set(account.username, cookies.map((line) => line.split(";")[0]).join("; "));
  }

  // --- the traffic ---------------------------------------------------------------------------------------
  const deadline = Date.now() + SECONDS * 1000;
  async function request(kind: Kind, cookie: string, pathname: string, form?: Record<string, string>): Promise<number> {
    const t0 = performance.now();
    try {
      const response = await fetch(`${baseUrl}${pathname}`, {
        method: form ? "POST" : "GET",
        headers: { cookie },
        body: form ? new URLSearchParams(form) : undefined,
        redirect: "manual",
      });
      await response.arrayBuffer(); // read to the end: the latency includes the whole page
      samples.push({ kind, ms: performance.now() - t0, status: response.status });
      if (kind === "submit" && response.status === 302) {
        const created = /^\/ideas\/(\d+)\?created/.exec(response.headers.get("location") ?? "");
        if (created) {
          ideaIds.push(Number(created[1]));
          movable.push({ id: Number(created[1]), stage: "submitted" });
        }
      }
      return response.status;
    } catch {
      networkErrors++;
      networkErrorKinds.set(kind, (networkErrorKinds.get(kind) ?? 0) + 1);
      return 0;
    }
  }

  async function user(index: number): Promise<void> {
    const account = accounts[index % accounts.length];
    const cookie = sessions.get(account.username) ?? "";
    const voted = new Set<number>();
    for (let loop = 0; Date.now() < deadline; loop++) {
      const ideaId = ideaIds[Math.floor(Math.random() * ideaIds.length)];
      await request("list", cookie, "/ideas");
      await request("idea", cookie, `/ideas/${ideaId}`);
      const intent = voted.has(ideaId) ? "unvote" : "vote";
      if ((await request("vote", cookie, `/ideas/${ideaId}/vote?_data=${VOTE_ROUTE}`, { intent })) === 200) {
        if (intent === "vote") voted.add(ideaId);
        else voted.delete(ideaId);
      }
      if (loop % 4 === 0) await request("comment", cookie, `/ideas/${ideaId}/comments`, { body: `ความเห็นทดสอบความทนทาน ${index}-${loop}` });
      if (account.roles.includes("committee")) {
        await request("board", cookie, "/committee");
        const next = movable.shift();
        if (next) {
          const to = next.stage === "submitted" ? "screening" : "committee_review";
          const status = await request("move", cookie, "/committee?index", { intent: "move", ideaId: String(next.id), from: next.stage, to });
          if (status === 302 && to === "screening") movable.push({ id: next.id, stage: "screening" });
        }
      } else if (account.roles.includes("executive") || account.roles.includes("director")) {
        await request("dashboard", cookie, "/dashboard");
      } else if (account.roles.includes("hr")) {
        await request("roster", cookie, "/roster");
      } else if (account.roles.includes("admin")) {
        await request("accounts", cookie, "/admin/accounts");
      } else if (loop % 8 === 0) {
        await request("submit", cookie, "/ideas/new", {
          title: `ข้อเสนอจากการทดสอบ ${index}-${loop}`,
          problem: "ปัญหาที่พบในการทำงานประจำวัน",
          solution: "วิธีแก้ที่เสนอให้ลองทำดู",
          benefit: "ประหยัดเวลาของทุกคนในหน่วยงาน",
          planId: "",
          tags: "",
        });
      }
    }
  }

  const rss: Array<{ label: string; atSecond: number; mb: number }> = [{ label: "start (signed in, idle)", atSecond: 0, mb: rssMb() }];
  const warmUpSeconds = Math.max(10, SECONDS * 0.2);
  const loadStarted = Date.now();
  const timers = [
    setTimeout(() => rss.push({ label: "after warm-up", atSecond: warmUpSeconds, mb: rssMb() }), warmUpSeconds * 1000),
    setTimeout(() => rss.push({ label: "middle", atSecond: SECONDS / 2, mb: rssMb() }), (SECONDS / 2) * 1000),
  ];
  const samplesMb: Array<{ atSecond: number; mb: number }> = [];
  const sampler = setInterval(() => samplesMb.push({ atSecond: (Date.now() - loadStarted) / 1000, mb: rssMb() }), 5000);
  const progress = setInterval(() => {
    const done = samples.length;
    const errors = samples.filter((sample) => sample.status >= 500).length + networkErrors;
    console.log(`  ${Math.round((Date.now() - loadStarted) / 1000)} s: ${done} requests, ${errors} errors, RSS ${rssMb().toFixed(0)} MB`);
  }, 30_000);
  console.log(`soak: ${USERS} users (${accounts.length} demo accounts), ${SECONDS} s, app on ${baseUrl} (PostgreSQL database ${name})`);
  await Promise.all(Array.from({ length: USERS }, (_, index) => user(index)));
  const elapsed = (Date.now() - loadStarted) / 1000;
  for (const timer of timers) clearTimeout(timer);
  clearInterval(progress);
  clearInterval(sampler);
  rss.push({ label: "end", atSecond: Math.round(elapsed), mb: rssMb() });

  // --- the report ------------------------------------------------------------------------------------------
  const percentile = (values: number[], q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;
  const kinds = [...new Set(samples.map((sample) => sample.kind))];
  console.log("");
  console.log("| request | count | 2xx/3xx | 4xx | errors (≥500, network) | p50 ms | p99 ms |");
  console.log("|---|---|---|---|---|---|---|");
  const row = (label: string, group: Sample[], network: number) => {
    const times = group.map((sample) => sample.ms).sort((a, b) => a - b);
    const ok = group.filter((sample) => sample.status < 400).length;
    const clientErrors = group.filter((sample) => sample.status >= 400 && sample.status < 500).length;
    const errors = group.filter((sample) => sample.status >= 500).length + network;
    console.log(`| ${label} | ${group.length + network} | ${ok} | ${clientErrors} | ${errors} | ${percentile(times, 0.5).toFixed(1)} | ${percentile(times, 0.99).toFixed(1)} |`);
    return errors;
  };
  for (const kind of kinds) row(kind, samples.filter((sample) => sample.kind === kind), networkErrorKinds.get(kind) ?? 0);
  const totalErrors = row("**all**", samples, networkErrors);
  console.log("");
  console.log(`${samples.length + networkErrors} requests in ${elapsed.toFixed(0)} s (${((samples.length + networkErrors) / elapsed).toFixed(0)} req/s), ${totalErrors} errors`);
  console.log("");
  console.log("| server RSS | at s | MB |");
  console.log("|---|---|---|");
  for (const point of rss) console.log(`| ${point.label} | ${point.atSecond} | ${point.mb.toFixed(0)} |`);
  // A window without a sample (a very short run) falls back to the end reading.
  const peak = (from: number, to: number) =>
    Math.max(rss[rss.length - 1].mb * 0, ...samplesMb.filter((sample) => sample.atSecond >= from && sample.atSecond < to).map((sample) => sample.mb)) ||
    rss[rss.length - 1].mb;
  const earlyPeak = peak(warmUpSeconds, elapsed / 2);
  const latePeak = peak(elapsed / 2, Infinity);
  const flat = latePeak <= earlyPeak * 1.5;
  console.log(`RSS sampled every 5 s: ${samplesMb.map((sample) => sample.mb.toFixed(0)).join(" ")}`);
  console.log("");
  console.log(
    `memory ${flat ? "flat" : "GREW"}: peak in the second half ${latePeak.toFixed(0)} MB ${flat ? "≤" : ">"} 1.5 × peak from warm-up to middle ` +
      `${earlyPeak.toFixed(0)} MB (start ${rss[0].mb.toFixed(0)} MB, end ${rss[rss.length - 1].mb.toFixed(0)} MB)`,
  );
  const drift = await counterDrift();
  console.log(
    drift.length === 0
      ? "counters exact: the board's stage counts, every idea's vote and comment counts equal the rows counted"
      : `counters DRIFTED:\n  ${drift.join("\n  ")}`,
  );
  if (serverOutput.match(/error/i)) console.log(`\nserver log mentions errors:\n${serverOutput.split("\n").filter((line) => /error/i.test(line)).slice(0, 10).join("\n")}`);
  process.exitCode = totalErrors === 0 && flat && drift.length === 0 ? 0 : 1;
} finally {
  await cleanUp();
}
