import type { Database, DatabaseHandle } from "./client.server";

// Kept on globalThis so that module re-evaluation (dev rebuilds, tests) finds the open database.
const holder = globalThis as typeof globalThis & { __nawatDatabase?: DatabaseHandle };

/** Make `handle` the database every request uses (called once at start-up, or by a test). */
export function setDatabase(handle: DatabaseHandle | undefined): void {
  holder.__nawatDatabase = handle;
}

export function databaseHandle(): DatabaseHandle {
  const handle = holder.__nawatDatabase;
  if (!handle) throw new Error("The database is not open: the server opens it at start-up");
  return handle;
}

/** The open database, for query functions called from loaders and actions. */
export function db(): Database {
  return databaseHandle().db;
}
