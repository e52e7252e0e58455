/**
 * Organisations for the page benchmarks.
 *
 * - fillLargeOrganisation: fills a migrated PostgreSQL database that holds only the plan
 *   (seedPlanOnly) with a large organisation — by default 20,000 staff, 200,000 ideas over fiscal
 *   years 2566–2570, 2,000,000 votes and 500,000 comments — with set-based SQL (generate_series,
 *   insert … select). Counters (vote_count, comment_count) and search_text are computed from the
 *   rows, the way the app keeps them. Sizes: BENCH_STAFF, BENCH_IDEAS, BENCH_VOTES, BENCH_COMMENTS.
 * - openSmallOrganisation: the demo (40 staff) on an in-memory PGlite, for the embedded engine.
 *
 * Past fiscal years stay open (the dashboard's worst case: every year recomputed);
 * BENCH_CLOSE_PAST_YEARS=1 closes them, so the dashboard reads their snapshots.
 *
 * Run alone to time the generator on a throwaway database (dropped unless BENCH_KEEP=1):
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npx tsx scripts/bench/large-organisation.ts
 */
import { randomBytes, randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type Database, type DatabaseHandle } from "../../db/client.server";
import { seedDemoData, seedPlanOnly, DEMO_PASSWORD } from "../../db/seed/seed.server";
import { hashPassword } from "../../app/auth/password.server";
import type { Role } from "../../app/domain/roles";
import { closeFiscalYear } from "../../app/services/year-close.server";

export type OrganisationSizes = {
  staff: number;
  ideas: number;
  votes: number;
  comments: number;
  /** Close the plan's past years (snapshots), as an organisation running its plan does. */
  closePastYears: boolean;
};

export function sizesFromEnv(env: NodeJS.ProcessEnv = process.env): OrganisationSizes {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got ${env[name]}`);
    return value;
  };
  return {
    staff: Math.max(50, read("BENCH_STAFF", 20_000)),
    ideas: Math.max(100, read("BENCH_IDEAS", 200_000)),
    votes: read("BENCH_VOTES", 2_000_000),
    comments: read("BENCH_COMMENTS", 500_000),
    closePastYears: env.BENCH_CLOSE_PAST_YEARS === "1",
  };
}

/** An account the benchmark signs in with, one per role a benchmarked page needs. */
export type BenchAccount = { role: "staff" | "committee" | "executive"; username: string; password: string };

export type FillReport = { seconds: number; counts: Record<string, number>; accounts: BenchAccount[]; sampleIdeaId: number };

export const BENCH_PASSWORD = "nawat-bench-2569";

// The bench accounts are the first three people: employed, one division each.
const BENCH_ROLES: { role: BenchAccount["role"]; roles: Role[] }[] = [
  { role: "staff", roles: ["staff"] },
  { role: "committee", roles: ["staff", "committee"] },
  { role: "executive", roles: ["staff", "executive"] },
];

/** The accounts fillLargeOrganisation creates: people P000001–P000003, one per role. */
export const LARGE_ORGANISATION_ACCOUNTS: BenchAccount[] = BENCH_ROLES.map((entry, index) => ({
  role: entry.role,
  username: `P${String(index + 1).padStart(6, "0")}`,
  password: BENCH_PASSWORD,
}));

// A pseudo-random fraction in [0, 1) from an integer expression: deterministic, set-based.
const fraction = (expression: string, salt: number) => `((((${expression})::bigint * 2654435761 + ${salt}) % 4294967296) / 4294967296.0)`;

/** Fill `db` (migrated, plan seeded, no people yet) with a large organisation; logs each step. */
export async function fillLargeOrganisation(
  db: Database,
  sizes: OrganisationSizes,
  log: (message: string) => void = (message) => console.log(`[large-organisation] ${message}`),
): Promise<FillReport> {
  const started = Date.now();
  const exec = (query: string) => db.execute(sql.raw(query));
  const step = async (label: string, query: string) => {
    const t0 = Date.now();
    await exec(query);
    log(`${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  };
  const { staff: S, ideas: I, votes: V, comments: C } = sizes;
  const [{ peopleBefore }] = (await db.execute(sql`select count(*)::int as "peopleBefore" from people`)) as unknown as { peopleBefore: number }[];
  if (Number(peopleBefore) > 0) throw new Error("fillLargeOrganisation expects a database without people (seedPlanOnly only)");

  // Secondary indexes are dropped during the fill and rebuilt from their own definitions:
  // building a GIN trigram index once is far cheaper than maintaining it row by row.
  const indexRows = (await db.execute(sql`
    select i.indexname as name, i.indexdef as definition from pg_indexes i
    where i.schemaname = 'public'
      and i.tablename in ('ideas','idea_authors','idea_votes','idea_comments','idea_tags','idea_stage_events','people','employment_periods','division_assignments')
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`)) as unknown as { name: string; definition: string }[];
  for (const row of indexRows) await exec(`drop index if exists "${row.name}"`);
  log(`dropped ${indexRows.length} secondary indexes for the fill`);

  await step(
    `${S} people`,
    `insert into people (employee_code, prefix_th, first_name_th, last_name_th, position_th, category_id)
     select 'P' || lpad(g::text, 6, '0'),
       (array['นาย','นาง','นางสาว'])[1 + g % 3],
       (array['สมชาย','สมหญิง','ประเสริฐ','วิไล','อนุชา','กมลวรรณ','ธนพล','ศิริพร','วีระ','นภา','สุรชัย','จันทร์เพ็ญ','ชัยวัฒน์','รัตนา','ปิยะ','อรุณี','กิตติ','มาลี','ณัฐพล','พรทิพย์'])[1 + g % 20],
       (array['ใจดี','ทองคำ','ศรีสุข','บุญมา','แก้วประเสริฐ','สายทอง','พุ่มพวง','จันทร์หอม','ชัยมงคล','สุวรรณศรี','รักษาดี','มีสุข','วงศ์ใหญ่','ทองประเสริฐ','เพชรรัตน์','อินทร์แก้ว','ศรีวงศ์'])[1 + (g / 20) % 17] || (g % 97)::text,
       (array['เจ้าพนักงานธุรการ','นักวิชาการศึกษา','นายช่างโยธา','นักวิเคราะห์นโยบายและแผน','เจ้าพนักงานการเงินและบัญชี','นักพัฒนาชุมชน','พยาบาลวิชาชีพ','ครู','คนงานทั่วไป','นักทรัพยากรบุคคล'])[1 + g % 10],
       c.id
     from generate_series(1, ${S}) g
     join (select id, row_number() over (order by id) - 1 as n, count(*) over () as total from staff_categories) c on c.n = g % c.total`,
  );
  // Person index p (0-based) ↔ id: ids are contiguous from the first one.
  await exec(`drop table if exists bench_base; create unlogged table bench_base as select (select min(id) from people) as person0`);
  await step(
    "employment periods (10% have left)",
    `insert into employment_periods (person_id, start_date, end_date)
     select p.id, date '2000-01-01' + ((p.id * 7919) % 8000),
       case when (p.id - b.person0 + 1) % 10 = 0 then date '2023-01-01' + ((p.id * 104729) % 1400) else null end
     from people p, bench_base b`,
  );
  await step(
    "division assignments (1 in 7 moved division once)",
    `with d as (select id, row_number() over (order by id) - 1 as n, count(*) over () as total from divisions),
     person as (select p.id, p.id - b.person0 as n, e.start_date from people p cross join bench_base b join employment_periods e on e.person_id = p.id)
     insert into division_assignments (person_id, division_id, start_date, end_date)
     select person.id, d.id, person.start_date, case when person.n % 7 = 3 then date '2024-04-01' else null end
     from person join d on d.n = person.n % d.total
     union all
     select person.id, d.id, date '2024-04-02', null
     from person join d on d.n = (person.n + 1) % d.total
     where person.n % 7 = 3 and person.start_date < date '2024-04-01'`,
  );

  await step(
    `${I} ideas, FY 2566 to today`,
    `insert into ideas (title, problem, solution, benefit, strategy_id, plan_id, stage, stage_changed_at, submitted_at, fiscal_year, updated_at, search_text)
     select t.title, t.problem, t.solution, t.benefit, pl.strategy_id, pl.id, t.stage,
       least(now(), t.submitted_at + (1 + (t.g % 90)) * interval '1 day') ,
       t.submitted_at,
       extract(year from (t.submitted_at at time zone 'Asia/Bangkok') + interval '3 months')::int + 543,
       t.submitted_at, ''
     from (
       select g, s.submitted_at,
         (array['ระบบจองคิว','แอปแจ้งซ่อม','ลดขั้นตอน','แบบฟอร์มออนไลน์','จุดบริการเบ็ดเสร็จ','แผนที่ดิจิทัล','กล่องรับความเห็น','ตู้รับเอกสาร','ไลน์แจ้งเตือน','คลังความรู้'])[1 + g % 10]
           || (array['ถนนในหมู่บ้าน','น้ำประปา','การจัดเก็บขยะ','ผู้สูงอายุ','ภาษีที่ดิน','ศูนย์เด็กเล็ก','ไฟฟ้าส่องสว่าง','ป้องกันภัยพิบัติ','งานทะเบียน','สาธารณสุข','เบี้ยยังชีพ','ตลาดชุมชน'])[1 + (g / 10) % 12]
           || ' หมู่ ' || (1 + g % 14) as title,
         (array['ประชาชนต้องมารอคิวนานหลายชั่วโมง','ข้อมูลกระจายอยู่หลายแฟ้ม ค้นหายาก','ขั้นตอนการอนุมัติซ้ำซ้อนหลายชั้น','การแจ้งปัญหาทางโทรศัพท์ไม่มีบันทึกติดตาม','เอกสารกระดาษสูญหายบ่อย'])[1 + g % 5]
           || E'\\n\\n- ' || (array['เสียเวลาเดินทาง','ค่าใช้จ่ายสูง','ติดตามผลไม่ได้','เจ้าหน้าที่ทำงานล่วงเวลา'])[1 + (g / 5) % 4]
           || E'\\n- ' || (array['ประชาชนไม่พึงพอใจ','ข้อมูลไม่ตรงกัน','ตรวจสอบย้อนหลังยาก'])[1 + (g / 7) % 3] as problem,
         (array['ใช้**แบบฟอร์มออนไลน์**ร่วมกับการแจ้งเตือนทางไลน์','จัดทำฐานข้อมูลกลางที่ทุกกองใช้ร่วมกัน','ยุบขั้นตอนที่ซ้ำกันและกำหนดเวลามาตรฐาน','ติดตั้งตู้รับเอกสารพร้อมใบรับอัตโนมัติ'])[1 + g % 4]
           || E'\\n\\n1. สำรวจความต้องการ\\n2. ทดลองใช้ในหนึ่งหมู่บ้าน\\n3. ขยายผลทั้งตำบล' as solution,
         (array['ลดเวลารอคอยลงครึ่งหนึ่ง','ประหยัดกระดาษปีละหลายพันแผ่น','ประชาชนติดตามเรื่องได้เอง','ข้อมูลถูกต้องและเป็นปัจจุบัน'])[1 + g % 4] as benefit,
         case
           when now() - s.submitted_at < interval '30 days' then
             (array['submitted','submitted','submitted','submitted','submitted','screening','screening','committee_review','committee_review','withdrawn'])[1 + (g * 7) % 10]
           when now() - s.submitted_at < interval '180 days' then
             (array['submitted','screening','screening','committee_review','committee_review','committee_review','approved','approved','in_progress','not_adopted','not_adopted','duplicate','withdrawn'])[1 + (g * 7) % 13]
           else
             (array['approved','in_progress','in_progress','implemented','implemented','implemented','implemented','implemented','not_adopted','not_adopted','not_adopted','not_adopted','not_adopted','duplicate','withdrawn','withdrawn'])[1 + (g * 7) % 16]
         end as stage
       from generate_series(1, ${I}) g
       cross join lateral (select timestamptz '2022-10-01 08:00+07' + ((g - 1)::float / ${I}) * (now() - interval '1 hour' - timestamptz '2022-10-01 08:00+07') as submitted_at) s
     ) t
     left join (select id, strategy_id, row_number() over (order by id) - 1 as n, count(*) over () as total from plans) pl
       on t.g % 10 < 7 and pl.n = (t.g * 31) % pl.total
     order by t.g`,
  );
  await exec(`alter table bench_base add column idea0 int; update bench_base set idea0 = (select min(id) from ideas)`);
  await step(
    "duplicates point at an earlier idea",
    `update ideas i set duplicate_of_idea_id = greatest(b.idea0, i.id - 1 - (i.id % 500))
     from bench_base b where i.stage = 'duplicate' and i.id > b.idea0`,
  );
  await step(
    "authors (every idea a submitter, 30% a co-author)",
    `insert into idea_authors (idea_id, person_id, is_submitter)
     select i.id, b.person0 + ((i.id::bigint * 7919) % ${S}), true from ideas i, bench_base b
     union all
     select i.id, b.person0 + ((i.id::bigint * 104729 + 1) % ${S}), false from ideas i, bench_base b
     where i.id % 10 < 3 and (i.id::bigint * 104729 + 1) % ${S} <> (i.id::bigint * 7919) % ${S}`,
  );
  await step(
    "tags (40% of ideas)",
    `insert into tags (name) select unnest(array['ผู้สูงอายุ','ภัยพิบัติ','ดิจิทัล','ลดขั้นตอน','สิ่งแวดล้อม','การศึกษา','สาธารณสุข','รายได้','ขยะ','น้ำ','ถนน','เด็กเล็ก']) on conflict do nothing;
     insert into idea_tags (idea_id, tag_id)
     select distinct i.id, t.id from ideas i
     join (select id, row_number() over (order by id) - 1 as n, count(*) over () as total from tags) t
       on i.id % 5 < 2 and (t.n = i.id % t.total or (i.id % 3 = 0 and t.n = (i.id / 3) % t.total))`,
  );
  await step(
    "stage history (one move per idea past 'submitted')",
    `insert into idea_stage_events (idea_id, from_stage, to_stage, reason, at)
     select id, 'submitted', stage, case when stage in ('not_adopted','duplicate','withdrawn') then 'เหตุผลตามมติที่ประชุม' else '' end, stage_changed_at
     from ideas where stage <> 'submitted'`,
  );
  // Votes: idea drawn with a skew (a few popular ideas), the k-th vote on an idea by person
  // (submitter + k·104729) mod S, so (idea, person) is unique and never the submitter.
  await step(
    `~${V} votes`,
    `insert into idea_votes (idea_id, person_id, created_at)
     select v.idea_id, b.person0 + ((v.idea_id::bigint * 7919 + v.k * 104729) % ${S}),
       least(now(), i.submitted_at + v.k * interval '37 minutes')
     from (
       select idea_id, row_number() over (partition by idea_id) as k
       from (select b.idea0 + ((floor(${I} * power(${fraction("g", 11)}, 2))::bigint * 7919) % ${I}) as idea_id
             from generate_series(1, ${V}) g, bench_base b) drawn
     ) v
     join ideas i on i.id = v.idea_id
     cross join bench_base b
     where v.k < ${S}
       and not exists (select 1 from idea_authors a where a.idea_id = v.idea_id and a.person_id = b.person0 + ((v.idea_id::bigint * 7919 + v.k * 104729) % ${S}))`,
  );
  await step(
    `${C} comments`,
    `insert into idea_comments (idea_id, author_person_id, body, by_committee, created_at)
     select c.idea_id, b.person0 + ((c.idea_id::bigint * 31 + c.g::bigint * 7907) % ${S}),
       (array['เห็นด้วยครับ ควรเริ่มที่หมู่ 3 ก่อน','ขอเสนอให้เพิ่ม**ช่องทางโทรศัพท์**สำหรับผู้สูงอายุ','เคยลองที่ อบต. ข้างเคียงแล้วได้ผลดี','งบประมาณน่าจะใช้จากแผนพัฒนาท้องถิ่น','- ข้อดี: เร็วขึ้น\n- ข้อควรระวัง: ต้องอบรมเจ้าหน้าที่','ขอบคุณสำหรับไอเดียค่ะ'])[1 + c.g % 6],
       c.g % 20 = 0,
       least(now(), i.submitted_at + (c.g % 2000) * interval '17 minutes')
     from (select g, b.idea0 + ((floor(${I} * power(${fraction("g", 29)}, 2))::bigint * 7919) % ${I}) as idea_id
           from generate_series(1, ${C}) g, bench_base b) c
     join ideas i on i.id = c.idea_id
     cross join bench_base b`,
  );
  await step(
    "counters and search text from the rows",
    `update ideas i set vote_count = coalesce(v.n, 0), comment_count = coalesce(c.n, 0),
       search_text = lower(normalize(concat_ws(E'\\n', i.title, i.problem, i.solution, i.benefit, coalesce(tg.names, ''), coalesce(au.names, '')), NFC))
     from ideas base
     left join (select idea_id, count(*)::int as n from idea_votes group by idea_id) v on v.idea_id = base.id
     left join (select idea_id, count(*)::int as n from idea_comments group by idea_id) c on c.idea_id = base.id
     left join (select it.idea_id, string_agg(t.name, ' ' order by t.name) as names from idea_tags it join tags t on t.id = it.tag_id group by it.idea_id) tg on tg.idea_id = base.id
     left join (select a.idea_id, string_agg(p.prefix_th || p.first_name_th || ' ' || p.last_name_th || '  ' || p.employee_code, ' ' order by a.is_submitter desc, p.employee_code) as names
                from idea_authors a join people p on p.id = a.person_id group by a.idea_id) au on au.idea_id = base.id
     where base.id = i.id`,
  );
  await step(
    "followers (authors follow their ideas)",
    `insert into idea_followers (idea_id, person_id) select idea_id, person_id from idea_authors on conflict do nothing`,
  );

  const t0 = Date.now();
  for (const row of indexRows) await exec(row.definition);
  log(`rebuilt ${indexRows.length} indexes (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  // Accounts for the people the benchmark signs in as (the app's own argon2 hash).
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const accounts: BenchAccount[] = [];
  for (const [index, entry] of BENCH_ROLES.entries()) {
    const { username } = LARGE_ORGANISATION_ACCOUNTS[index];
    const accountId = randomUUID();
    await db.execute(sql`
      insert into accounts (id, person_id, username, password_hash, must_change_password, password_changed_at)
      select ${accountId}, id, employee_code, ${passwordHash}, false, now() from people where employee_code = ${username}`);
    for (const role of entry.roles) await db.execute(sql`insert into account_roles (account_id, role) values (${accountId}, ${role})`);
    accounts.push(LARGE_ORGANISATION_ACCOUNTS[index]);
  }

  if (sizes.closePastYears) {
    const t2 = Date.now();
    const closed = await closePastYears(db);
    log(`closed past fiscal years ${closed.join(", ")} (${((Date.now() - t2) / 1000).toFixed(1)} s)`);
  }

  const t1 = Date.now();
  await exec("vacuum analyze");
  log(`vacuum analyze (${((Date.now() - t1) / 1000).toFixed(1)} s)`);

  const counts: Record<string, number> = {};
  for (const table of ["people", "ideas", "idea_authors", "idea_votes", "idea_comments", "idea_stage_events", "accounts"]) {
    const [row] = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { n: number }[];
    counts[table] = Number(row.n);
  }
  const [consistency] = (await db.execute(sql`
    select (select count(*) from ideas i where i.vote_count <> (select count(*) from idea_votes v where v.idea_id = i.id))::int as votes_off,
           (select sum(vote_count) from ideas)::bigint as vote_sum, (select sum(comment_count) from ideas)::bigint as comment_sum`)) as unknown as {
    votes_off: number;
    vote_sum: string;
    comment_sum: string;
  }[];
  if (Number(consistency.votes_off) !== 0 || Number(consistency.vote_sum) !== counts.idea_votes || Number(consistency.comment_sum) !== counts.idea_comments) {
    throw new Error(`counters do not match the rows: ${JSON.stringify(consistency)}`);
  }
  // A typical idea page: an implemented idea with votes and comments, in the latest full year.
  const [sample] = (await db.execute(sql`
    select id from ideas where fiscal_year = 2569 and comment_count between 3 and 10 and vote_count between 5 and 50 order by id limit 1`)) as unknown as { id: number }[];
  const [fallback] = (await db.execute(sql`select max(id) as id from ideas`)) as unknown as { id: number }[];
  const seconds = (Date.now() - started) / 1000;
  await exec("drop table if exists bench_base");
  return { seconds, counts, accounts, sampleIdeaId: Number((sample ?? fallback).id) };
}

/** Close every plan year that is over (2566–2569 in November 2026), as the admin does each year. */
export async function closePastYears(db: Database, now = new Date()): Promise<number[]> {
  const closed: number[] = [];
  for (let fiscalYearBE = 2566; fiscalYearBE <= 2570; fiscalYearBE++) {
    const outcome = await closeFiscalYear(db, { accountId: null, ipAddress: "bench" }, fiscalYearBE, now);
    if (outcome === "closed") closed.push(fiscalYearBE);
  }
  return closed;
}

/** The demo organisation (40 staff) on an in-memory PGlite, and the demo accounts the bench uses. */
export async function openSmallOrganisation(): Promise<{ handle: DatabaseHandle; accounts: BenchAccount[]; sampleIdeaId: number }> {
  const handle = await openDatabase({ inMemory: true });
  await handle.migrate();
  await seedDemoData(handle.db);
  await handle.vacuumAnalyze();
  // drizzle's execute returns an array on postgres.js and { rows } on PGlite.
  const result = (await handle.db.execute(sql`select id from ideas order by comment_count desc, id limit 1`)) as unknown as { rows: { id: number }[] };
  return {
    handle,
    accounts: [
      { role: "staff", username: "LS025", password: DEMO_PASSWORD },
      { role: "committee", username: "LS005", password: DEMO_PASSWORD },
      { role: "executive", username: "LS001", password: DEMO_PASSWORD },
    ],
    sampleIdeaId: Number(result.rows[0].id),
  };
}

/** Create a database named `name` on the server and return its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** A new database on `serverUrl`, migrated, plan seeded and filled; returns its URL. */
export async function createLargeOrganisation(serverUrl: string, name = `nawat_pages_${randomBytes(4).toString("hex")}`, sizes = sizesFromEnv()) {
  const url = await createDatabase(serverUrl, name);
  const handle = await openDatabase({ databaseUrl: url, maxConnections: 1 });
  try {
    await handle.migrate();
    await seedPlanOnly(handle.db);
    const report = await fillLargeOrganisation(handle.db, sizes);
    return { name, url, ...report };
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl) {
    console.error("Set TEST_DATABASE_URL (a PostgreSQL server the generator may create a database on).");
    process.exit(2);
  }
  const name = process.env.BENCH_DATABASE_NAME ?? `nawat_large_${randomBytes(4).toString("hex")}`;
  let created = false;
  try {
    const sizes = sizesFromEnv();
    console.log(`filling ${name}: ${JSON.stringify(sizes)}`);
    const report = await createLargeOrganisation(serverUrl, name, sizes);
    created = true;
    console.log(`rows: ${JSON.stringify(report.counts)}`);
    console.log(`generator: ${report.seconds.toFixed(1)} s; sample idea ${report.sampleIdeaId}; accounts ${report.accounts.map((a) => `${a.role}=${a.username}`).join(", ")}`);
  } finally {
    if (process.env.BENCH_KEEP === "1" && created) console.log(`kept ${name}`);
    else await dropDatabase(serverUrl, name);
  }
}
