import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import * as schema from "./schema";
import { lockDataDir } from "./data-dir-lock.server";
import { projectRoot } from "./project-root.server";

/** The database as every query function takes it: a drizzle instance or a transaction of one. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Engine = "pglite" | "postgres";

export type DatabaseHandle = {
  db: Database;
  engine: Engine;
  /** Apply the committed drizzle-kit migrations (idempotent). */
  migrate(): Promise<void>;
  /** Keep planner statistics fresh; PGlite never autovacuums, so the app does it. */
  vacuumAnalyze(): Promise<void>;
  close(): Promise<void>;
};

export type OpenOptions = (
  | { databaseUrl: string; maxConnections?: number }
  | { dataDir: string }
  | { inMemory: true }
) & {
  /** Called with every query drizzle sends (tests count queries per request with it). */
  onQuery?: (query: string) => void;
};

export const MIGRATIONS_FOLDER = path.join(projectRoot(), "db", "migrations");

// An arbitrary constant: two instances starting at once must not both run migrations.
const MIGRATION_LOCK_KEY = 72_617_001;

/**
 * Open the database: a PostgreSQL server through postgres.js when a URL is given, otherwise
 * an embedded PGlite kept in `dataDir` (locked to this process) or in memory (tests).
 */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  const logger = options.onQuery ? { logQuery: (query: string) => options.onQuery?.(query) } : undefined;
  if ("databaseUrl" in options) return openPostgres(options.databaseUrl, options.maxConnections, logger);
  return openPglite("dataDir" in options ? options.dataDir : undefined, logger);
}

/** Options from the environment: DATABASE_URL, else DATA_DIR (default ./data). */
export function openOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenOptions {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { dataDir: path.resolve(env.DATA_DIR ?? path.join(projectRoot(), "data")) };
}

type QueryLogger = { logQuery: (query: string) => void } | undefined;

async function openPostgres(databaseUrl: string, maxConnections = 10, logger: QueryLogger): Promise<DatabaseHandle> {
  const client = postgres(databaseUrl, {
    max: maxConnections,
    onnotice: () => {},
    // JIT compilation costs 20–40 ms per big statement and never pays back on queries that run
    // in a fraction of a second (the dashboard's participation query was 23 ms of JIT alone).
    connection: { jit: "off" },
    // Dates stay strings: a date column is a calendar date, not an instant.
    types: { date: { to: 1082, from: [1082], serialize: (v: string) => v, parse: (v: string) => v } },
  });
  const db = drizzlePostgres(client, { schema, logger }) as unknown as Database;
  return {
    db,
    engine: "postgres",
    async migrate() {
      // One dedicated connection holds a session-level advisory lock, so instances starting
      // together migrate one after another (drizzle's migrator needs a full client, not a
      // reserved connection).
      const migrationClient = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      try {
        await migrationClient`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres(migrationClient), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await migrationClient.end({ timeout: 5 });
      }
    },
    async vacuumAnalyze() {
      // The server's autovacuum does this; an explicit ANALYZE after bulk writes is still cheap.
      await db.execute(sql`ANALYZE`);
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

async function openPglite(dataDir: string | undefined, logger: QueryLogger): Promise<DatabaseHandle> {
  let releaseLock: (() => Promise<void>) | undefined;
  if (dataDir) {
    // Personal data (PDPA): the folder is the database; only the account running the app may read it.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    releaseLock = await lockDataDir(dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  } catch (error) {
    await releaseLock?.();
    throw error;
  }
  const db = drizzlePglite(client, { schema, logger }) as unknown as Database;
  let closed = false;
  return {
    db,
    engine: "pglite",
    async migrate() {
      await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async vacuumAnalyze() {
      await client.exec("VACUUM ANALYZE");
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        await releaseLock?.();
      }
    },
  };
}
