/**
 * Benchmark: the executive dashboard on a large organisation (20,000 staff, 200,000 ideas over
 * five fiscal years) on real PostgreSQL, against the bare participation SQL in the same run.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npx tsx scripts/bench/dashboard.ts
 *
 * Creates a throwaway database, fills it with generate_series, measures, drops it. Prints median
 * and p95 of each and their ratio. Targets (issue 6): dashboard p95 < 200 ms, ≤ 3× the bare query.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase } from "../../db/client.server";
import { setDatabase } from "../../db/runtime.server";
import { seedPlanOnly } from "../../db/seed/seed.server";
import { THAI_FISCAL_CALENDAR } from "../../app/domain/fiscal-year";
import { DEFAULT_PARTICIPATION_RULE } from "../../app/domain/participation-rule";
import { participationRows } from "../../app/models/participation.server";
import { planTrend, yearIndicators } from "../../app/services/indicators.server";
import { closeFiscalYear } from "../../app/services/year-close.server";

const STAFF = Number(process.env.BENCH_STAFF ?? 20_000);
const IDEAS = Number(process.env.BENCH_IDEAS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!serverUrl) {
  console.error("Set TEST_DATABASE_URL (a PostgreSQL server the benchmark may create a database on).");
  process.exit(2);
}

const name = `nawat_bench_${randomBytes(4).toString("hex")}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE "${name}"`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const handle = await openDatabase({ databaseUrl: url.toString(), maxConnections: 10 });

try {
  await handle.migrate();
  await seedPlanOnly(handle.db);
  setDatabase(handle);
  const started = Date.now();
  await handle.db.execute(sql`
    insert into people (employee_code, prefix_th, first_name_th, last_name_th, position_th, category_id)
    select 'B' || g, 'นาย', 'ทดสอบ' || g, 'นามสกุล' || (g % 997), 'เจ้าหน้าที่', 1 + (g % 4)
    from generate_series(1, ${STAFF}) g`);
  await handle.db.execute(sql`
    insert into employment_periods (person_id, start_date, end_date)
    select id, date '2015-01-01' + (id % 3000), case when id % 10 = 0 then date '2024-01-01' + (id % 900) else null end from people`);
  await handle.db.execute(sql`
    insert into division_assignments (person_id, division_id, start_date)
    select p.id, d.id, date '2015-01-01' + (p.id % 3000)
    from people p join (select id, row_number() over (order by id) - 1 as n, count(*) over () as c from divisions) d on d.n = p.id % d.c`);
  await handle.db.execute(sql`
    insert into ideas (title, problem, solution, benefit, stage, submitted_at, fiscal_year, vote_count, comment_count, search_text)
    select 'ไอเดีย ' || g, 'ปัญหา', 'วิธีแก้', 'ประโยชน์',
      (array['submitted','screening','committee_review','approved','in_progress','implemented','not_adopted','duplicate','withdrawn'])[1 + g % 9],
      timestamptz '2022-10-01 00:00+07' + (g * interval '1 minute' * (5 * 365 * 24 * 60 / ${IDEAS}::float)),
      2566 + (g * 5 / ${IDEAS}), g % 50, g % 7, 'ไอเดีย ' || g
    from generate_series(1, ${IDEAS}) g`);
  await handle.db.execute(sql`
    insert into idea_authors (idea_id, person_id, is_submitter)
    select i.id, 1 + ((i.id::bigint * 7919) % ${STAFF}), true from ideas i`);
  await handle.db.execute(sql`
    insert into idea_authors (idea_id, person_id, is_submitter)
    select i.id, 1 + ((i.id::bigint * 104729) % ${STAFF}), false from ideas i where i.id % 3 = 0
    on conflict do nothing`);
  await handle.db.execute(sql`
    insert into idea_stage_events (idea_id, from_stage, to_stage, at)
    select id, 'screening', 'not_adopted', submitted_at + interval '3 days' from ideas where stage = 'not_adopted' and id % 2 = 0`);
  await handle.vacuumAnalyze();
  console.log(`generated ${STAFF} staff and ${IDEAS} ideas in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const now = new Date("2026-11-25T10:00:00+07:00");
  async function time(label: string, run: () => Promise<unknown>) {
    for (let i = 0; i < 3; i++) await run(); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await run();
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    const pick = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
    return { label, median: pick(0.5), p95: pick(0.95) };
  }
  // Interleaved: the same process run, one after the other.
  const bare = await time("bare participation SQL (FY2569)", () => participationRows(handle.db, 2569, DEFAULT_PARTICIPATION_RULE, THAI_FISCAL_CALENDAR));
  const year = await time("dashboard: one year's indicators", () => yearIndicators(handle.db, 2569, { now }));
  const page = await time("dashboard page loader (year + trend)", () => Promise.all([yearIndicators(handle.db, 2570, { now }), planTrend(handle.db, { now })]));
  // The usual state of a running plan: past years closed, their figures read from snapshots.
  for (const fiscalYearBE of [2566, 2567, 2568, 2569]) await closeFiscalYear(handle.db, { accountId: null, ipAddress: "bench" }, fiscalYearBE, now);
  const pageClosed = await time("dashboard page loader, past years closed", () => Promise.all([yearIndicators(handle.db, 2570, { now }), planTrend(handle.db, { now })]));
  const bareAgain = await time("bare participation SQL (FY2570), after", () => participationRows(handle.db, 2570, DEFAULT_PARTICIPATION_RULE, THAI_FISCAL_CALENDAR));
  const rows = [bare, year, page, pageClosed, bareAgain];
  console.log("");
  console.log("| measure | median ms | p95 ms | p95 ÷ bare p95 |");
  console.log("|---|---|---|---|");
  for (const row of rows) console.log(`| ${row.label} | ${row.median.toFixed(1)} | ${row.p95.toFixed(1)} | ${(row.p95 / bare.p95).toFixed(2)} |`);
} finally {
  setDatabase(undefined);
  await handle.close();
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
