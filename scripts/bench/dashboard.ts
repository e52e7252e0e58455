/**
 * Benchmark: the executive dashboard on a large organisation (20,000 staff, 200,000 ideas over
 * five fiscal years) on real PostgreSQL, against the bare participation SQL in the same run.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npx tsx scripts/bench/dashboard.ts
 *
 * Creates a throwaway database, fills it with generate_series, measures, drops it. Prints median
 * and p95 of each and their ratio. Targets (issue 6): dashboard page p95 < 200 ms, ≤ 3× the bare
 * query (measured first; measured again last to show how noisy the machine was).
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
import { yearIndicators } from "../../app/services/indicators.server";
import { closeFiscalYear } from "../../app/services/year-close.server";
import { createAccount } from "../../app/models/accounts.server";
import { startSession } from "../../app/auth/session.server";
import { loader as dashboardLoader } from "../../app/routes/dashboard._index";

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
  // The real route loader, signed in as an executive: session check, settings, year and trend.
  const [executive] = await handle.db.execute(sql`select id from people order by id limit 1`).then((result) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: number }[]);
  const account = await createAccount(handle.db, { personId: Number(executive.id), passwordHash: "bench-no-sign-in", roles: ["executive"], mustChangePassword: false });
  const cookie = (await startSession(account!.accountId)).split(";")[0];
  const pageLoader = (fiscalYearBE: number) => async () => {
    const response = await dashboardLoader({ request: new Request(`http://localhost/dashboard?fy=${fiscalYearBE}`, { headers: { Cookie: cookie } }), params: {}, context: {} });
    if (!(response instanceof Response) || response.status !== 200) throw new Error(`dashboard loader answered ${response instanceof Response ? response.status : typeof response}`);
    await response.text();
  };

  // Interleaved: the same process run, one after the other.
  const bare = await time("bare participation SQL, per person (FY2570)", () => participationRows(handle.db, 2570, DEFAULT_PARTICIPATION_RULE, THAI_FISCAL_CALENDAR, now));
  const year = await time("one year's indicators (FY2570)", () => yearIndicators(handle.db, 2570, { now }));
  const pageOpen = await time("dashboard page loader, past years still open", pageLoader(2570));
  // The usual state of a running plan: past years closed, their figures read from snapshots.
  for (const fiscalYearBE of [2566, 2567, 2568, 2569]) await closeFiscalYear(handle.db, { accountId: null, ipAddress: "bench" }, fiscalYearBE, now);
  const page = await time("dashboard page loader (FY2570, past years closed)", pageLoader(2570));
  const pastYear = await time("dashboard page loader, a closed year (FY2569)", pageLoader(2569));
  const bareAgain = await time("bare participation SQL, per person (FY2570), again", () => participationRows(handle.db, 2570, DEFAULT_PARTICIPATION_RULE, THAI_FISCAL_CALENDAR, now));
  const baseline = bare;
  const rows = [bare, year, pageOpen, page, pastYear, bareAgain];
  console.log("");
  console.log(`| measure (${RUNS} runs) | median ms | p95 ms | p95 ÷ bare p95 |`);
  console.log("|---|---|---|---|");
  for (const row of rows) console.log(`| ${row.label} | ${row.median.toFixed(1)} | ${row.p95.toFixed(1)} | ${(row.p95 / baseline.p95).toFixed(2)} |`);
  const ratio = page.p95 / baseline.p95;
  console.log("");
  console.log(`target: dashboard page p95 < 200 ms → ${page.p95.toFixed(0)} ms ${page.p95 < 200 ? "MET" : "NOT MET"}`);
  console.log(`target: dashboard page p95 ≤ 3 × bare participation SQL p95 → ${ratio.toFixed(2)}× ${ratio <= 3 ? "MET" : "NOT MET"}`);
} finally {
  setDatabase(undefined);
  await handle.close();
  // BENCH_KEEP=1 leaves the filled database for EXPLAIN ANALYZE sessions.
  if (process.env.BENCH_KEEP === "1") console.log(`kept database ${name}`);
  else await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
