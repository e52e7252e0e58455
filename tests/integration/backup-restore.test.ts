import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { MIGRATIONS_FOLDER, openDatabase, type DatabaseHandle, type OpenOptions } from "../../db/client.server";
import { projectRoot } from "../../db/project-root.server";
import { appSettings } from "../../db/schema";
import { seedDemoData } from "../../db/seed/seed.server";
import { engineName, expectDatabaseError, queryRows, snapshotEveryTable, testDatabaseUrl } from "./test-database";

// db:backup and db:restore through the command line, as an operator runs them, on the engine
// this run uses: PGlite (a data folder) or PostgreSQL (a fresh database on TEST_DATABASE_URL).

type CommandResult = { code: number | null; stdout: string; stderr: string };

function runCommand(script: "backup" | "restore", args: string[], databaseEnv: Record<string, string>): Promise<CommandResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test", ...databaseEnv };
  if (!("DATABASE_URL" in databaseEnv)) delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot(), "db", "scripts", `${script}.ts`), ...args], {
    cwd: projectRoot(),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** One database the commands and the test both reach: the env the commands get, and how the test opens it. */
type Subject = { env: Record<string, string>; open: OpenOptions; dataDir?: string; drop(): Promise<void> };

const workDir = mkdtempSync(path.join(tmpdir(), "nawat-backup-"));
let subject: Subject;

async function createSubject(): Promise<Subject> {
  if (!testDatabaseUrl) {
    const dataDir = path.join(workDir, "data");
    return { env: { DATA_DIR: dataDir }, open: { dataDir }, dataDir, drop: async () => {} };
  }
  const name = `nawat_backup_${randomBytes(4).toString("hex")}`;
  const serverUrl = testDatabaseUrl; // narrowed for the closure below
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    open: { databaseUrl: url.toString(), maxConnections: 2 },
    async drop() {
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}

async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(subject.open);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

async function firstIdeaTitle(handle: DatabaseHandle): Promise<string> {
  const [row] = await queryRows<{ title: string }>(handle.db, sql`select title from ideas order by id limit 1`);
  return row.title;
}

/** The nth statement of a committed migration, as the migrator runs it. */
function migrationStatement(file: string, index: number): string {
  return readFileSync(path.join(MIGRATIONS_FOLDER, file), "utf8").split("--> statement-breakpoint")[index];
}

/**
 * Rows a database migrated from before a rule holds, which the rule refuses when written now: a
 * 0-hour attendance (migration 0012 checks new rows only) and an author's vote on their idea (the
 * triggers of 0013 check new rows only). A dump puts its rows back before its constraints and
 * triggers, and a restore must give them back as they were.
 */
async function addRowsFromBeforeTheRules(handle: DatabaseHandle): Promise<void> {
  // Three transactions, as in a database that lived through the migration (an ALTER TABLE in the
  // insert's transaction would wait for the deferred participation trigger the insert queued).
  await handle.db.execute(sql`alter table training_attendance drop constraint training_attendance_hours`);
  const zero = await queryRows(
    handle.db,
    sql`insert into training_attendance (session_id, person_id, hours)
        select s.id, p.id, 0 from training_sessions s cross join people p
        where not exists (select 1 from training_attendance a where a.session_id = s.id and a.person_id = p.id)
        order by s.id, p.id limit 1 returning person_id`,
  );
  expect(zero).toHaveLength(1);
  await handle.db.execute(sql.raw(migrationStatement("0012_attendance_hours_positive.sql", 1)));

  await handle.db.execute(sql`alter table idea_votes disable trigger idea_votes_not_by_authors`);
  const authorVote = await queryRows<{ idea_id: number }>(
    handle.db,
    sql`insert into idea_votes (idea_id, person_id)
        select a.idea_id, a.person_id from idea_authors a
        where not exists (select 1 from idea_votes v where v.idea_id = a.idea_id and v.person_id = a.person_id)
        order by a.idea_id, a.person_id limit 1 returning idea_id`,
  );
  expect(authorVote).toHaveLength(1);
  await handle.db.execute(sql`update ideas set vote_count = vote_count + 1 where id = ${authorVote[0].idea_id}`);
  await handle.db.execute(sql`alter table idea_votes enable trigger idea_votes_not_by_authors`);
}

beforeAll(async () => {
  subject = await createSubject();
  await withDatabase(async (handle) => {
    await handle.migrate();
    await seedDemoData(handle.db);
    // Writes of our own on top of the demo: Thai text and JSON must survive the round trip.
    await handle.db.insert(appSettings).values({ key: "before_backup", value: { text: "สำรองข้อมูล", n: 1 } });
    await handle.db.execute(sql`update ideas set title = title || ' (แก้ไขก่อนสำรอง)' where id = (select min(id) from ideas)`);
    await addRowsFromBeforeTheRules(handle);
  });
});

afterAll(async () => {
  await subject?.drop();
  rmSync(workDir, { recursive: true, force: true });
});

describe(`db:backup and db:restore on ${engineName}`, () => {
  it("restores exactly what was there at backup time: every table equal, later writes gone", async () => {
    const [snapshotAtBackup, titleAtBackup] = await withDatabase((handle) => Promise.all([snapshotEveryTable(handle.db), firstIdeaTitle(handle)]));
    expect(titleAtBackup).toContain("แก้ไขก่อนสำรอง");

    const file = path.join(workDir, `backup.${testDatabaseUrl ? "dump" : "tar.gz"}`);
    const backup = await runCommand("backup", [file], subject.env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/wrote .+ \(\d+(\.\d)? (B|KB|MB)\) in \d+ ms/);
    expect(statSync(file).size).toBeGreaterThan(10_000);

    // After the backup: an insert, an update and a delete.
    const commentsBefore = snapshotAtBackup.idea_comments.length;
    expect(commentsBefore).toBeGreaterThan(0);
    await withDatabase(async (handle) => {
      await handle.db.insert(appSettings).values({ key: "after_backup", value: { lost: true } });
      await handle.db.execute(sql`update ideas set title = 'เขียนหลังสำรอง' where id = (select min(id) from ideas)`);
      await handle.db.execute(sql`delete from idea_comments where id = (select max(id) from idea_comments)`);
      expect((await snapshotEveryTable(handle.db)).idea_comments).toHaveLength(commentsBefore - 1);
    });

    const restore = await runCommand("restore", [file], subject.env);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/restored .+ in \d+ ms/);

    await withDatabase(async (handle) => {
      const restored = await snapshotEveryTable(handle.db);
      expect(Object.keys(restored).sort()).toEqual(Object.keys(snapshotAtBackup).sort());
      for (const table of Object.keys(snapshotAtBackup)) {
        expect(restored[table], `table ${table}`).toEqual(snapshotAtBackup[table]);
      }
      expect(await handle.db.select().from(appSettings).where(eq(appSettings.key, "after_backup"))).toEqual([]);
      expect(await firstIdeaTitle(handle)).toBe(titleAtBackup);
      expect(restored.training_attendance.filter((row) => JSON.parse(row).hours === 0)).toHaveLength(1);
      // The rules came back with the rows: new rows are still checked.
      expect(await expectDatabaseError(handle.db.execute(sql`update training_attendance set hours = 0 where hours > 0`))).toBe("23514");
      const authorVotes = sql`select count(*)::int as n from idea_votes v join idea_authors a on a.idea_id = v.idea_id and a.person_id = v.person_id`;
      expect(await queryRows(handle.db, authorVotes)).toEqual([{ n: 1 }]);
      const newAuthorVote = sql`insert into idea_votes (idea_id, person_id)
        select a.idea_id, a.person_id from idea_authors a
        where not exists (select 1 from idea_votes v where v.idea_id = a.idea_id and v.person_id = a.person_id) limit 1`;
      expect(await expectDatabaseError(handle.db.execute(newAuthorVote))).toBe("23514");
      // The restored database still takes writes (sequences restored with the rows).
      await handle.db.insert(appSettings).values({ key: "after_restore", value: { ok: true } });
      await handle.db.execute(sql`insert into idea_comments (idea_id, author_person_id, body) select idea_id, author_person_id, 'หลังกู้คืน' from idea_comments limit 1`);
    });

    // What was replaced is kept: the old data folder aside (PGlite) or a dump of it (PostgreSQL).
    if (subject.dataDir) {
      const aside = readdirSync(workDir).filter((entry) => entry.startsWith("data.before-restore-"));
      expect(aside).toHaveLength(1);
      expect(existsSync(path.join(workDir, aside[0], "PG_VERSION"))).toBe(true);
      expect(existsSync(path.join(workDir, aside[0], ".nawat.lock"))).toBe(false);
    } else {
      expect(readdirSync(workDir).filter((entry) => /-before-restore\.dump$/.test(entry))).toHaveLength(1);
    }
  }, 90_000);

  it("refuses a database in use: backup (PGlite) and restore leave it untouched", async () => {
    const file = path.join(workDir, `refused.${testDatabaseUrl ? "dump" : "tar.gz"}`);
    const good = path.join(workDir, `backup.${testDatabaseUrl ? "dump" : "tar.gz"}`);
    expect(existsSync(good)).toBe(true);
    await withDatabase(async (handle) => {
      // postgres.js connects lazily: one query, and this handle is a session like a running app's.
      await handle.db.execute(sql`select 1`);
      if (subject.dataDir) {
        // The server (here: this process) holds the folder: a copy under it would not be a backup.
        const backup = await runCommand("backup", [file], subject.env);
        expect(backup.code).toBe(2);
        expect(backup.stderr).toMatch(/in use by another process \(pid \d+\)/);
        expect(backup.stderr).toMatch(/stop it, run db:backup/);
        expect(existsSync(file)).toBe(false);
      }
      const restore = await runCommand("restore", [good], subject.env);
      expect(restore.code).toBe(2);
      expect(restore.stderr).toMatch(subject.dataDir ? /Restore refused: stop the server first/ : /Restore refused: .* in use by \d+ other session/);
      // Untouched: the row written after the restore in the first test is still there.
      const rows = await handle.db.select().from(appSettings).where(eq(appSettings.key, "after_restore"));
      expect(rows).toHaveLength(1);
    });

    // A backup of the other engine is recognised by its first bytes and refused with the reason.
    const otherEngine = path.join(workDir, "other-engine.bak");
    writeFileSync(otherEngine, testDatabaseUrl ? gzipSync("not a data folder") : Buffer.from("PGDMP\u0001\u000e"));
    const wrongEngine = await runCommand("restore", [otherEngine], subject.env);
    expect(wrongEngine.code).toBe(2);
    expect(wrongEngine.stderr).toMatch(testDatabaseUrl ? /backup of the embedded database \(PGlite\), but DATABASE_URL is set/ : /is a PostgreSQL dump \(pg_dump\), but DATABASE_URL is not set/);
  }, 60_000);
});
