import path from "node:path";
import { backupDatabase, backupTargetFromEnv, BackupError, formatBytes } from "../backup.server";

// `npm run db:backup [-- <file>]`: the database the app would use (DATABASE_URL, else DATA_DIR)
// to backups/nawat-<engine>-<time>.<tar.gz|dump>, or to <file>.
const [file] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));

/** Relative to where the command ran when inside it, else absolute. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") ? relative : file;
}

try {
  const result = await backupDatabase(backupTargetFromEnv(), file);
  console.log(`[db:backup] ${result.engine} ${result.source}`);
  console.log(`[db:backup] wrote ${shown(result.file)} (${formatBytes(result.bytes)}) in ${result.ms} ms`);
} catch (error) {
  if (error instanceof BackupError) {
    console.error(`[db:backup] ${error.message}`);
    process.exit(2);
  }
  throw error;
}
