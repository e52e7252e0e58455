import { openDatabase, openOptionsFromEnv, type DatabaseHandle } from "../client.server";
import { DataDirLockedError } from "../data-dir-lock.server";

/**
 * Run a db:* command against the database the app would use (DATABASE_URL, else DATA_DIR).
 * On the embedded database the folder lock refuses to run while the server holds it.
 */
export async function runDatabaseCommand(name: string, work: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  const options = openOptionsFromEnv();
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase(options);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`[${name}] ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const started = Date.now();
  try {
    await work(handle);
    console.log(`[${name}] done on ${handle.engine} in ${Date.now() - started} ms`);
  } finally {
    await handle.close();
  }
}
