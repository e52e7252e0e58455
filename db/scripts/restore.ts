import path from "node:path";
import { BackupError, backupTargetFromEnv, formatBytes, restoreDatabase } from "../backup.server";

// `npm run db:restore -- <file> [--force]`: replaces the database the app would use
// (DATABASE_URL, else DATA_DIR) with a backup from db:backup. The server must be stopped;
// --force (PostgreSQL only) restores although other sessions are connected.
const args = process.argv.slice(2);
const [file] = args.filter((arg) => !arg.startsWith("--"));
if (!file) {
  console.error("usage: npm run db:restore -- <backup file> [--force]");
  process.exit(2);
}

/** Relative to where the command ran when inside it, else absolute. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") ? relative : file;
}

try {
  const result = await restoreDatabase(backupTargetFromEnv(), file, { force: args.includes("--force") });
  console.log(`[db:restore] ${result.engine} ${result.source}`);
  console.log(`[db:restore] restored ${shown(result.file)} (${formatBytes(result.bytes)}) in ${result.ms} ms`);
  if (result.previous) {
    console.log(
      result.engine === "pglite"
        ? `[db:restore] the previous data folder is kept at ${shown(result.previous)} (delete it when satisfied)`
        : `[db:restore] the database as it was before is saved in ${shown(result.previous)}`,
    );
  }
} catch (error) {
  if (error instanceof BackupError) {
    console.error(`[db:restore] ${error.message}`);
    process.exit(2);
  }
  throw error;
}
