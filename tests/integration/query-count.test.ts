/**
 * Queries per request do not grow with the data: each main page's loader sends exactly as many
 * statements on the demo organisation as on one with ten times more ideas, votes, comments,
 * people, training sessions and projects. A loader that queries once per row (N+1) fails here.
 * Each page must also show more rows after the growth than before (a list filtered to one stage
 * goes from a part of a page to a full one), so that a query per shown row would be counted.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq, sql } from "drizzle-orm";
import { startSession } from "../../app/auth/session.server";
import { accounts } from "../../db/schema";
import type { Database } from "../../db/client.server";
import { seedDemoData } from "../../db/seed/seed.server";
import { loader as rootLoader } from "../../app/root";
import { loader as ideaListLoader } from "../../app/routes/ideas._index";
import { loader as ideaPageLoader } from "../../app/routes/ideas.$ideaId._index";
import { loader as boardLoader } from "../../app/routes/committee._index";
import { loader as dashboardLoader } from "../../app/routes/dashboard._index";
import { loader as rosterLoader } from "../../app/routes/roster";
import { loader as trainingLoader } from "../../app/routes/training._index";
import { loader as projectsLoader } from "../../app/routes/projects._index";
import { createTestDatabase, engineName, queryRows, withAppDatabase, type TestDatabase } from "./test-database";

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

/** Statements sent while `counting` is on (drizzle's logger sees each one before it runs). */
let recorded: string[] | undefined;
let database: TestDatabase;
let db: Database;
let clearAppDatabase: () => void;
/** The idea whose page is measured: the one that receives the most new votes and comments. */
let ideaId: number;

const cookies = new Map<string, string>();
async function cookieOf(username: string): Promise<string> {
  const known = cookies.get(username);
  if (known) return known;
  const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
  const cookie = (await startSession(account.id)).split(";")[0];
  cookies.set(username, cookie);
  return cookie;
}

/** The JSON a loader answered, loosely typed: only counted, never trusted. */
type LoaderData = Record<string, unknown>;
type Page = {
  name: string;
  loader: Loader;
  username: string;
  path: () => string;
  params?: () => Record<string, string>;
  /** How many rows of the grown tables the page shows (must grow); omitted for pages of totals. */
  rowsShown?: (data: LoaderData) => number;
};

const lengthOf = (value: unknown) => (Array.isArray(value) ? value.length : Number.NaN);
/** A stage with a few demo ideas (less than a page of the list, a full page after the growth). */
let fewIdeasStage: string;

const PAGES: Page[] = [
  { name: "root layout", loader: rootLoader, username: "LS025", path: () => "/ideas" },
  { name: "idea list", loader: ideaListLoader, username: "LS025", path: () => "/ideas" },
  { name: "idea list, most votes", loader: ideaListLoader, username: "LS025", path: () => "/ideas?sort=votes" },
  {
    name: "idea list, one stage",
    loader: ideaListLoader,
    username: "LS025",
    path: () => `/ideas?stage=${fewIdeasStage}`,
    rowsShown: (data) => lengthOf(data.ideas),
  },
  {
    name: "idea page",
    loader: ideaPageLoader,
    username: "LS025",
    path: () => `/ideas/${ideaId}`,
    params: () => ({ ideaId: String(ideaId) }),
    rowsShown: (data) => lengthOf(data.comments),
  },
  {
    name: "committee board",
    loader: boardLoader,
    username: "LS005",
    path: () => "/committee",
    rowsShown: (data) => (data.columns as { cards: unknown[] }[]).reduce((sum, column) => sum + column.cards.length, 0),
  },
  { name: "dashboard (organisation)", loader: dashboardLoader, username: "LS001", path: () => "/dashboard" },
  { name: "dashboard (a director's division)", loader: dashboardLoader, username: "LS016", path: () => "/dashboard" },
  { name: "roster", loader: rosterLoader, username: "LS004", path: () => "/roster", rowsShown: (data) => lengthOf(data.rows) },
  {
    name: "training list",
    loader: trainingLoader,
    username: "LS004",
    path: () => "/training",
    rowsShown: (data) => lengthOf((data.overview as { sessions: unknown }).sessions),
  },
  { name: "projects list", loader: projectsLoader, username: "LS025", path: () => "/projects", rowsShown: (data) => lengthOf(data.projects) + lengthOf(data.innovations) },
];

type Measured = { statements: string[]; rows: number | undefined };

/** The statements one loader call sends; it must answer 200 (a redirect would measure nothing). */
async function measure(page: Page): Promise<Measured> {
  const request = new Request(`http://localhost${page.path()}`, { headers: { Cookie: await cookieOf(page.username) } });
  const statements: string[] = [];
  recorded = statements;
  let result: unknown;
  try {
    result = await page.loader({ request, params: page.params?.() ?? {}, context: {} });
  } catch (thrown) {
    result = thrown;
  } finally {
    recorded = undefined;
  }
  if (!(result instanceof Response) || result.status !== 200) {
    throw new Error(`${page.name}: ${result instanceof Response ? `HTTP ${result.status}` : "not a response"}`);
  }
  const rows = page.rowsShown ? page.rowsShown((await result.json()) as LoaderData) : undefined;
  return { statements, rows };
}

async function measureEveryPage(): Promise<Record<string, Measured>> {
  const byPage: Record<string, Measured> = {};
  for (const page of PAGES) byPage[page.name] = await measure(page);
  return byPage;
}

const count = async (table: string) => Number((await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n);

/**
 * Ten times more of everything the pages read, in set-based inserts: new staff (employed, in a
 * division), ideas copied from the demo ones with authors, tags and stage history, votes and
 * comments on them (and many on the measured idea), training sessions with attendance, projects
 * with members and innovations, notifications for the viewers.
 */
async function growTenfold(): Promise<void> {
  const newPeople = 9 * (await count("people"));
  await db.execute(sql`
    insert into people (employee_code, prefix_th, first_name_th, last_name_th, position_th, category_id)
    select 'QC' || g, 'นาย', 'ทดสอบ' || g, 'จำนวนมาก' || g, 'เจ้าหน้าที่', (select min(id) from staff_categories) + g % 2
    from generate_series(1, ${newPeople}) g`);
  await db.execute(sql`
    insert into employment_periods (person_id, start_date)
    select id, date '2020-01-01' + (id % 900) from people where employee_code like 'QC%'`);
  await db.execute(sql`
    insert into division_assignments (person_id, division_id, start_date)
    select p.id, d.id, date '2020-01-01' + (p.id % 900)
    from people p join (select id, row_number() over (order by id) - 1 as n, count(*) over () as c from divisions) d on d.n = p.id % d.c
    where p.employee_code like 'QC%'`);

  // Ideas: nine copies of each demo idea, keeping stage, plan and fiscal year (so every board
  // column, list filter and indicator gets more rows), submitted within the same years.
  await db.execute(sql`
    insert into ideas (title, problem, solution, benefit, strategy_id, plan_id, stage, stage_changed_at, submitted_at, fiscal_year, search_text)
    select i.title || ' (สำเนา ' || g || ')', i.problem, i.solution, i.benefit, i.strategy_id, i.plan_id, i.stage,
      i.stage_changed_at - g * interval '1 hour', i.submitted_at - g * interval '1 hour', i.fiscal_year, i.search_text
    from ideas i cross join generate_series(1, 9) g`);
  // Plain tables, not temporary ones: on PostgreSQL the next statement may use another connection.
  await db.execute(sql`create table copied_ideas as select id, row_number() over (order by id) as n from ideas where submission_token is null and title like '%(สำเนา %'`);
  await db.execute(sql`create table new_people as select id, row_number() over (order by id) as n, count(*) over () as c from people where employee_code like 'QC%'`);
  await db.execute(sql`
    insert into idea_authors (idea_id, person_id, is_submitter)
    select ci.id, np.id, true from copied_ideas ci join new_people np on np.n = 1 + ci.n % np.c`);
  await db.execute(sql`
    insert into idea_authors (idea_id, person_id, is_submitter)
    select ci.id, np.id, false from copied_ideas ci join new_people np on np.n = 1 + (ci.n * 7) % np.c
    where ci.n % 3 = 0 on conflict do nothing`);
  await db.execute(sql`
    insert into idea_tags (idea_id, tag_id)
    select ci.id, t.id from copied_ideas ci join tags t on t.id % 4 = ci.n % 4 on conflict do nothing`);
  await db.execute(sql`
    insert into idea_stage_events (idea_id, from_stage, to_stage, reason, at)
    select ci.id, 'submitted', i.stage, 'สำเนา', i.stage_changed_at from copied_ideas ci join ideas i on i.id = ci.id where i.stage <> 'submitted'`);

  // Votes and comments: ten times the demo's, spread over the new ideas, plus many on the measured idea.
  // Never by an author of the idea: the database refuses such a vote (migration 0013).
  const newVotes = 9 * (await count("idea_votes"));
  await db.execute(sql`
    insert into idea_votes (idea_id, person_id)
    select ci.id, np.id from copied_ideas ci join new_people np on (ci.n + np.n) % 11 = 0
    where not exists (select 1 from idea_authors a where a.idea_id = ci.id and a.person_id = np.id)
    limit ${newVotes} on conflict do nothing`);
  await db.execute(sql`
    insert into idea_votes (idea_id, person_id) select ${ideaId}, np.id from new_people np
    where not exists (select 1 from idea_authors a where a.idea_id = ${ideaId} and a.person_id = np.id) on conflict do nothing`);
  const newComments = 9 * (await count("idea_comments"));
  await db.execute(sql`
    insert into idea_comments (idea_id, author_person_id, body, created_at)
    select ci.id, np.id, 'ความเห็นที่ ' || g, now() - g * interval '1 minute'
    from generate_series(1, ${newComments}) g join copied_ideas ci on ci.n = 1 + g % (select count(*) from copied_ideas)
    join new_people np on np.n = 1 + g % np.c`);
  await db.execute(sql`
    insert into idea_comments (idea_id, author_person_id, body, created_at)
    select ${ideaId}, np.id, 'เห็นด้วยครับ ' || np.n, now() - np.n * interval '1 minute' from new_people np`);
  await db.execute(sql`insert into idea_followers (idea_id, person_id) select ${ideaId}, id from new_people where n % 2 = 0 on conflict do nothing`);
  await db.execute(sql`
    update ideas set vote_count = (select count(*) from idea_votes v where v.idea_id = ideas.id),
      comment_count = (select count(*) from idea_comments c where c.idea_id = ideas.id)`);

  // Training: nine copies of each session, attended by new staff.
  await db.execute(sql`
    insert into training_sessions (title, topic, organiser, start_date, end_date, hours, plan_id, location, fiscal_year)
    select s.title || ' (รุ่น ' || g || ')', s.topic, s.organiser, s.start_date, s.end_date, s.hours, s.plan_id, s.location, s.fiscal_year
    from training_sessions s cross join generate_series(1, 9) g`);
  await db.execute(sql`
    insert into training_attendance (session_id, person_id, hours)
    select s.id, np.id, s.hours from training_sessions s join new_people np on (s.id + np.n) % 7 = 0
    where s.title like '%(รุ่น %' on conflict do nothing`);

  // Projects: nine copies of each, with members and an innovation each.
  await db.execute(sql`
    insert into projects (plan_id, name_th, name_en, description_th, owner_person_id, budget, start_date, end_date, progress, status, fiscal_year)
    select p.plan_id, p.name_th || ' (ชุด ' || g || ')', p.name_en, p.description_th, p.owner_person_id, p.budget, p.start_date, p.end_date, p.progress, p.status, p.fiscal_year
    from projects p cross join generate_series(1, 9) g`);
  await db.execute(sql`
    insert into project_members (project_id, person_id)
    select p.id, np.id from projects p join new_people np on (p.id + np.n) % 13 = 0
    where p.name_th like '%(ชุด %' on conflict do nothing`);
  await db.execute(sql`
    insert into innovations (project_id, name_th, delivered_on, fiscal_year)
    select p.id, 'ชิ้นงาน ' || p.name_th, coalesce(p.start_date, date '2024-01-01') + 30, coalesce(p.fiscal_year, 2567)
    from projects p where p.name_th like '%(ชุด %'`);

  // Notifications for the viewers (the root layout counts the unread ones).
  await db.execute(sql`
    insert into notifications (recipient_person_id, kind, idea_id, payload)
    select a.person_id, 'comment', ci.id, '{}'::jsonb
    from accounts a cross join copied_ideas ci where a.person_id is not null and ci.n % 5 = 0`);
  await db.execute(sql`drop table copied_ideas, new_people`);
  await database.handle.vacuumAnalyze();
}

describe(`queries per request (${engineName})`, () => {
  let before: Record<string, Measured>;
  let after: Record<string, Measured>;
  const grownFrom: Record<string, number> = {};
  const grownTo: Record<string, number> = {};
  const TABLES = ["people", "ideas", "idea_votes", "idea_comments", "training_sessions", "projects"];

  beforeAll(async () => {
    database = await createTestDatabase({ onQuery: (query) => recorded?.push(query) });
    db = database.handle.db;
    await seedDemoData(db);
    clearAppDatabase = withAppDatabase(database.handle);
    // The demo idea with the most comments, so that its page shows many before and after.
    [{ id: ideaId }] = await queryRows<{ id: number }>(
      db,
      sql`select i.id from ideas i where i.stage in ('submitted','screening','committee_review') order by (select count(*) from idea_comments c where c.idea_id = i.id) desc, i.id limit 1`,
    );
    [{ stage: fewIdeasStage }] = await queryRows<{ stage: string }>(
      db,
      sql`select stage from ideas group by stage having count(*) between 3 and 19 order by count(*) desc, stage limit 1`,
    );
    await measureEveryPage(); // warm-up: anything a loader caches after its first call is not measured
    before = await measureEveryPage();
    for (const table of TABLES) grownFrom[table] = await count(table);
    await growTenfold();
    for (const table of TABLES) grownTo[table] = await count(table);
    await measureEveryPage(); // warm-up again: the writes above made the dashboard's cached figures stale (decision 019)
    after = await measureEveryPage();
  });

  afterAll(async () => {
    clearAppDatabase?.();
    await database?.drop();
  });

  it("the data really grew about tenfold", () => {
    for (const table of TABLES) expect(grownTo[table], table).toBeGreaterThanOrEqual(9 * grownFrom[table]);
  });

  for (const page of PAGES) {
    it(`${page.name}: as many queries with 10× the data`, () => {
      const { statements: small, rows: rowsBefore } = before[page.name];
      const { statements: large, rows: rowsAfter } = after[page.name];
      expect(small.length, `${page.name} sent no query: nothing measured`).toBeGreaterThan(0);
      if (page.rowsShown) expect(rowsAfter, `${page.name}: shows as many rows as before, so a query per row would not show`).toBeGreaterThan(rowsBefore ?? 0);
      // On failure the message lists the statements, so a query per row is easy to spot.
      expect(large.length, `${page.name}: ${small.length} queries before, ${large.length} after:\n${large.join("\n")}`).toBe(small.length);
    });
  }
});
