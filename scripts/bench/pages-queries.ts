/**
 * Why is a page slow? For each benchmarked page, runs the loader's functions (as the limit
 * server does) once with a query logger: prints the number of queries per request, each query's
 * time, and EXPLAIN (ANALYZE, BUFFERS) of the slowest ones.
 *
 *   BENCH_DATABASE_URL=postgres://…/nawat_pages_full [BENCH_JIT=off] npx tsx scripts/bench/pages-queries.ts [list|idea|board|dashboard …]
 */
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Database } from "../../db/client.server";
import * as schema from "../../db/schema";
import { THAI_FISCAL_CALENDAR, fiscalYearOf } from "../../app/domain/fiscal-year";
import { getSignedInAccount } from "../../app/models/accounts.server";
import { BOARD_CARDS_PER_COLUMN, getBoard, loadBoardFilterOptions } from "../../app/models/board.server";
import { listComments } from "../../app/models/comments.server";
import { isFollowing } from "../../app/models/follows.server";
import { getIdeaDetail, listIdeas } from "../../app/models/ideas.server";
import { countUnread } from "../../app/models/notifications.server";
import { listDivisions } from "../../app/models/people.server";
import { getPlanTree } from "../../app/models/plan.server";
import { getAppSettings } from "../../app/models/settings.server";
import { getVoteSummary } from "../../app/models/votes.server";
import { planTrend, yearIndicators } from "../../app/services/indicators.server";

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error("Set BENCH_DATABASE_URL to a database filled by large-organisation.ts (BENCH_KEEP=1).");
  process.exit(2);
}
const explainCount = Number(process.env.BENCH_EXPLAIN ?? 3);
const client = postgres(url, {
  max: 10,
  onnotice: () => {},
  // BENCH_JIT=off: what the pages cost with PostgreSQL's JIT compiler off for these connections.
  connection: process.env.BENCH_JIT === "off" ? { jit: "off" } : {},
  types: { date: { to: 1082, from: [1082], serialize: (v: string) => v, parse: (v: string) => v } },
});
type Logged = { query: string; params: unknown[] };
let logged: Logged[] = [];
const db = drizzle(client, { schema, logger: { logQuery: (query, params) => logged.push({ query, params }) } }) as unknown as Database;

const [sample] = await client<{ id: number }[]>`
  select id from ideas where fiscal_year = 2569 and comment_count between 3 and 10 and vote_count between 5 and 50 order by id limit 1`;
const [viewer] = await client<{ account_id: string; person_id: number }[]>`select id as account_id, person_id from accounts where username = 'P000001'`;
const today = new Date().toISOString().slice(0, 10);

const pages: Record<string, () => Promise<unknown>> = {
  list: async () => {
    const settings = await getAppSettings(db);
    return Promise.all([
      listIdeas(db, { filters: { search: "" }, sort: "newest", cursor: null, limit: 20, timeZone: settings.fiscalCalendar.timeZone }),
      getPlanTree(db),
      listDivisions(db),
    ]);
  },
  idea: async () => {
    const settings = await getAppSettings(db);
    await getIdeaDetail(db, sample.id, settings.fiscalCalendar.timeZone);
    return Promise.all([getVoteSummary(db, sample.id, viewer.person_id), listComments(db, sample.id), isFollowing(db, sample.id, viewer.person_id)]);
  },
  board: async () => {
    const settings = await getAppSettings(db);
    return Promise.all([
      getBoard(db, { filters: {}, timeZone: settings.fiscalCalendar.timeZone, perColumn: BOARD_CARDS_PER_COLUMN }),
      loadBoardFilterOptions(db, { locale: "th", planPeriod: settings.planPeriod }),
    ]);
  },
  dashboard: () => Promise.all([yearIndicators(db, fiscalYearOf(new Date(), THAI_FISCAL_CALENDAR), {}), planTrend(db)]),
};

// The part of every page outside its loader: session user and the root loader.
const common = () => Promise.all([getSignedInAccount(db, viewer.account_id, today), getAppSettings(db), countUnread(db, viewer.person_id)]);

const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(pages);
for (const name of chosen) {
  const run = pages[name];
  if (!run) throw new Error(`unknown page ${name}`);
  await run(); // warm
  logged = [];
  const t0 = performance.now();
  await Promise.all([common(), run()]);
  const wall = performance.now() - t0;
  const queries = logged;
  // Time each query alone (sequentially), then explain the slowest.
  const timed: (Logged & { ms: number })[] = [];
  for (const entry of queries) {
    const q0 = performance.now();
    await client.unsafe(entry.query, entry.params as never[]);
    timed.push({ ...entry, ms: performance.now() - q0 });
  }
  timed.sort((a, b) => b.ms - a.ms);
  const total = timed.reduce((sum, entry) => sum + entry.ms, 0);
  console.log(`\n=== ${name}: ${queries.length} queries per request (session lookup by lucia adds 1), wall ${wall.toFixed(0)} ms, sum of queries alone ${total.toFixed(0)} ms`);
  for (const entry of timed.slice(0, 8)) console.log(`  ${entry.ms.toFixed(1).padStart(8)} ms  ${entry.query.replace(/\s+/g, " ").slice(0, 160)}`);
  for (const entry of timed.slice(0, explainCount).filter((item) => item.ms > 20)) {
    console.log(`\n--- EXPLAIN ANALYZE (${entry.ms.toFixed(0)} ms): ${entry.query.replace(/\s+/g, " ").slice(0, 300)}\n    params ${JSON.stringify(entry.params)}`);
    const plan = await client.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${entry.query}`, entry.params as never[]);
    for (const row of plan as unknown as Record<string, string>[]) console.log(`    ${row["QUERY PLAN"]}`);
  }
}
await client.end();
