import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { eq, is, sql, type SQL } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { MIGRATIONS_FOLDER, openDatabase, type Database, type DatabaseHandle } from "../../db/client.server";
import { setDatabase } from "../../db/runtime.server";
import * as schema from "../../db/schema";
import { people } from "../../db/schema";
import { seedDemoData } from "../../db/seed/seed.server";

/** A PostgreSQL server to test against (a fresh database is created on it per test file), or none for PGlite. */
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;

/** For test titles: which engine this run uses. */
export const engineName: "postgres" | "pglite" = testDatabaseUrl ? "postgres" : "pglite";

export type TestDatabase = {
  handle: DatabaseHandle;
  drop(): Promise<void>;
  /** The created database's URL (PostgreSQL only), to open more handles on it. */
  databaseUrl?: string;
};

/**
 * A new, empty database, migrated unless `migrate: false`: on the TEST_DATABASE_URL server a
 * uniquely named database (dropped by `drop()`), otherwise an in-memory PGlite.
 */
export async function createTestDatabase(options: { migrate?: boolean; onQuery?: (query: string) => void } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (!testDatabaseUrl) {
    const handle = await openDatabase({ inMemory: true, onQuery: options.onQuery });
    if (migrate) await handle.migrate();
    return { handle, drop: () => handle.close() };
  }

  const name = `nawat_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await withAdminConnection(testDatabaseUrl, (admin) => admin.unsafe(`CREATE DATABASE "${name}"`));
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ databaseUrl: url.toString(), maxConnections: 5, onQuery: options.onQuery });
    if (migrate) await handle.migrate();
  } catch (error) {
    await withAdminConnection(testDatabaseUrl, (admin) => admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    throw error;
  }
  let dropped = false;
  return {
    handle,
    databaseUrl: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await handle.close();
      await withAdminConnection(testDatabaseUrl, (admin) => admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/**
 * Apply the committed migrations up to and including `lastTag` (e.g. "0011_…"), as a database
 * made before the later ones has them: data written then can be put in before `handle.migrate()`
 * applies the rest. Works on a database created with `migrate: false`.
 */
export async function migrateUpTo(database: Pick<TestDatabase, "handle" | "databaseUrl">, lastTag: string): Promise<void> {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  const entries = journal.entries.slice(0, last + 1);
  const folder = mkdtempSync(path.join(tmpdir(), "nawat-migrations-"));
  try {
    mkdirSync(path.join(folder, "meta"));
    writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
    for (const { tag } of entries) copyFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`), path.join(folder, `${tag}.sql`));
    if (!database.databaseUrl) {
      // drizzle keeps the PGlite instance it wraps as $client (as db/backup.server.ts reads it).
      const client = (database.handle.db as unknown as { $client: PGlite }).$client;
      await migratePglite(drizzlePglite(client), { migrationsFolder: folder });
      return;
    }
    const client = postgres(database.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await migratePostgres(drizzlePostgres(client), { migrationsFolder: folder });
    } finally {
      await client.end({ timeout: 5 });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function withAdminConnection<T>(url: string, run: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await run(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/**
 * Make `handle` the app's database (what `db()` returns, used by routes and auth) for code that
 * cannot be given one. With `run`: for the duration of `run`. Without: until the returned
 * function is called (e.g. from afterAll).
 */
export function withAppDatabase(handle: DatabaseHandle): () => void;
export function withAppDatabase<T>(handle: DatabaseHandle, run: () => Promise<T>): Promise<T>;
export function withAppDatabase<T>(handle: DatabaseHandle, run?: () => Promise<T>): (() => void) | Promise<T> {
  setDatabase(handle);
  const clear = () => setDatabase(undefined);
  if (!run) return clear;
  return run().finally(clear);
}

/** Rows of a raw query, whichever driver ran it (PGlite returns { rows }, postgres.js an array). */
export async function queryRows<T = Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return [...result] as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** Every table the drizzle schema declares. */
export function schemaTables(): PgTable[] {
  const values: unknown[] = Object.values(schema);
  return values.filter((value): value is PgTable => is(value, PgTable));
}

export function tableName(table: PgTable): string {
  return getTableConfig(table).name;
}

/** Row counts of every schema table, by name. */
export async function countEveryTable(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of schemaTables()) {
    const [row] = await queryRows<{ n: number | string }>(db, sql`select count(*)::int as n from ${table}`);
    counts[tableName(table)] = Number(row.n);
  }
  return counts;
}

/** Every row of every schema table, as sorted JSON lines: equal snapshots mean equal contents. */
export async function snapshotEveryTable(db: Database): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of schemaTables()) {
    const rows: unknown[] = await db.select().from(table);
    snapshot[tableName(table)] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}

/** The SQLSTATE of a database error, looking through drizzle's wrapper (`cause`). */
export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Await a promise that must fail with a database error; returns its SQLSTATE. */
export async function expectDatabaseError(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return pgErrorCode(error);
  }
  throw new Error("expected the database to refuse the statement, but it succeeded");
}

/**
 * For a test file: a fresh database with the demo organisation, made the app's database for
 * the file's tests (routes and auth use it through db()), dropped afterwards. `onOpen` receives
 * it before the first test, e.g. to keep `db` in a variable.
 *
 * `appConnections`: on PostgreSQL the app's database is instead a handle with that many
 * connections, so posts sent at once really overlap (race tests); PGlite has one connection.
 */
export function withDemoDatabaseForFile(
  onOpen: (database: TestDatabase) => void | Promise<void>,
  options: { appConnections?: number } = {},
): void {
  let database: TestDatabase | undefined;
  let appPool: DatabaseHandle | undefined;
  let clearAppDatabase: (() => void) | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.handle.db);
    if (options.appConnections && database.databaseUrl) {
      appPool = await openDatabase({ databaseUrl: database.databaseUrl, maxConnections: options.appConnections });
    }
    clearAppDatabase = withAppDatabase(appPool ?? database.handle);
    await onOpen(database);
  });
  afterAll(async () => {
    clearAppDatabase?.();
    await appPool?.close();
    await database?.drop();
  });
}

export async function findPersonId(db: Database, employeeCode: string): Promise<number> {
  const [row] = await db.select({ id: people.id }).from(people).where(eq(people.employeeCode, employeeCode));
  if (!row) throw new Error(`no person ${employeeCode}`);
  return row.id;
}
