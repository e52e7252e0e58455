import { execFile } from "node:child_process";
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import postgres from "postgres";
import { openDatabase, type Engine } from "./client.server";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock.server";
import { projectRoot } from "./project-root.server";

const run = promisify(execFile);

/** A refusal or a missing prerequisite: the commands print the message and exit 2, no stack. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** Where the database is: the same rule as the app (DATABASE_URL, else DATA_DIR, else ./data). */
export type BackupTarget = { engine: "postgres"; databaseUrl: string } | { engine: "pglite"; dataDir: string };

export function backupTargetFromEnv(env: NodeJS.ProcessEnv = process.env): BackupTarget {
  if (env.DATABASE_URL) return { engine: "postgres", databaseUrl: env.DATABASE_URL };
  return { engine: "pglite", dataDir: path.resolve(env.DATA_DIR ?? path.join(projectRoot(), "data")) };
}

export type BackupResult = { engine: Engine; source: string; file: string; bytes: number; ms: number };
export type RestoreResult = BackupResult & {
  /** PGlite: the previous data folder, moved aside. PostgreSQL: a dump of the database as it was. */
  previous?: string;
};

const EXTENSION: Record<Engine, string> = { pglite: "tar.gz", postgres: "dump" };

/** backups/nawat-<engine>-<UTC timestamp>.<ext> under the project root. */
export function defaultBackupFile(engine: Engine, now = new Date(), suffix = ""): string {
  const stamp = timestamp(now);
  return path.join(projectRoot(), "backups", `nawat-${engine}-${stamp}${suffix}.${EXTENSION[engine]}`);
}

function timestamp(now: Date): string {
  // 2026-11-25T12-15-03Z: sortable, and legal in file names everywhere.
  return now.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
}

export async function backupDatabase(target: BackupTarget, file?: string): Promise<BackupResult> {
  const outFile = path.resolve(file ?? defaultBackupFile(target.engine));
  const started = Date.now();
  if (target.engine === "pglite") {
    await backupPglite(target.dataDir, outFile);
    return { engine: "pglite", source: target.dataDir, file: outFile, bytes: statSync(outFile).size, ms: Date.now() - started };
  }
  await backupPostgres(target.databaseUrl, outFile);
  return { engine: "postgres", source: describeUrl(target.databaseUrl), file: outFile, bytes: statSync(outFile).size, ms: Date.now() - started };
}

export async function restoreDatabase(target: BackupTarget, file: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  const inFile = path.resolve(file);
  if (!existsSync(inFile)) throw new BackupError(`No backup file at ${inFile}`);
  const started = Date.now();
  const kind = backupKind(inFile);
  if (kind !== target.engine) {
    throw new BackupError(
      kind === "pglite"
        ? `${inFile} is a backup of the embedded database (PGlite), but DATABASE_URL is set: unset it and set DATA_DIR to restore it.`
        : `${inFile} is a PostgreSQL dump (pg_dump), but DATABASE_URL is not set: set it to the database to restore into.`,
    );
  }
  const bytes = statSync(inFile).size;
  if (target.engine === "pglite") {
    const previous = await restorePglite(target.dataDir, inFile);
    return { engine: "pglite", source: target.dataDir, file: inFile, bytes, ms: Date.now() - started, previous };
  }
  const previous = await restorePostgres(target.databaseUrl, inFile, options.force ?? false);
  return { engine: "postgres", source: describeUrl(target.databaseUrl), file: inFile, bytes, ms: Date.now() - started, previous };
}

/** What a backup file holds, from its first bytes (pg_dump custom format starts with PGDMP, gzip with 1f 8b). */
function backupKind(file: string): Engine {
  const fd = openSync(file, "r");
  const head = Buffer.alloc(5);
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString("latin1") === "PGDMP") return "postgres";
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  throw new BackupError(`${file} is neither a PGlite data dump (.tar.gz) nor a pg_dump custom-format file.`);
}

/** Write atomically: a half-written file must never look like a backup. */
function writeFileDurably(file: string, data: Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  // Backups hold password hashes and personal data: readable by the owner only.
  writeFileSync(partial, data, { mode: 0o600 });
  const fd = openSync(partial, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
}

// --- PGlite ---------------------------------------------------------------------------------------

const LOCK_ENTRIES = [".nawat.lock", ".nawat.lock.pid"];

function holdsDatabase(dataDir: string): boolean {
  return existsSync(path.join(dataDir, "PG_VERSION"));
}

/**
 * The data folder is opened under its lock, exactly as the server opens it: a folder a running
 * server holds is refused (a copy of files PGlite is writing would not be a backup).
 */
async function backupPglite(dataDir: string, outFile: string): Promise<void> {
  if (!holdsDatabase(dataDir)) throw new BackupError(`No embedded database in ${dataDir} (DATA_DIR): nothing to back up.`);
  let handle;
  try {
    handle = await openDatabase({ dataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      throw new BackupError(
        `${error.message}\nA backup of the embedded database needs the server stopped for the few seconds it takes: ` +
          `stop it, run db:backup, start it again.`,
      );
    }
    throw error;
  }
  try {
    // drizzle keeps the PGlite instance it wraps as $client; the handle does not expose it.
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    // A checkpoint first: the data files then hold everything, and a restore replays no WAL.
    await client.exec("CHECKPOINT");
    const dump = await client.dumpDataDir("gzip");
    writeFileDurably(outFile, new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await handle.close();
  }
}

/**
 * A new data folder is built from the dump beside the old one, checked, then swapped in; the
 * old folder is kept as <dataDir>.before-restore-<time>. The old folder's lock is held
 * throughout, so a server cannot start on it meanwhile, and a folder in use is refused.
 */
async function restorePglite(dataDir: string, inFile: string): Promise<string | undefined> {
  const stamp = timestamp(new Date());
  let release: (() => Promise<void>) | undefined;
  if (existsSync(dataDir)) {
    try {
      release = await lockDataDir(dataDir);
    } catch (error) {
      if (error instanceof DataDirLockedError) {
        throw new BackupError(`${error.message}\nRestore refused: stop the server first, then run db:restore again.`);
      }
      throw error;
    }
  }
  const building = `${dataDir}.restoring-${stamp}`;
  const aside = `${dataDir}.before-restore-${stamp}`;
  try {
    // PGlite writes its files world-writable (0666): a private folder keeps other users out.
    mkdirSync(building, { recursive: true, mode: 0o700 });
    const dump = new File([readFileSync(inFile)], path.basename(inFile), { type: "application/x-gzip" });
    const client = await PGlite.create({ dataDir: building, loadDataDir: dump, extensions: { pg_trgm } });
    try {
      // Proof the restored folder is a working database with the app's tables in it.
      await client.query("select count(*) from people");
    } finally {
      await client.close();
    }
    // The dump carries the lock of the process that made it: a restored folder starts unlocked.
    for (const entry of LOCK_ENTRIES) rmSync(path.join(building, entry), { recursive: true, force: true });

    const hadData = existsSync(dataDir) && readdirSync(dataDir).some((entry) => !LOCK_ENTRIES.includes(entry));
    if (existsSync(dataDir)) renameSync(dataDir, aside); // our lock moves with it, still held
    try {
      renameSync(building, dataDir);
    } catch (error) {
      if (existsSync(aside)) renameSync(aside, dataDir); // put the old folder back
      throw error;
    }
    await release?.(); // the lock path is gone from dataDir now: proper-lockfile ignores that
    release = undefined;
    for (const entry of LOCK_ENTRIES) rmSync(path.join(aside, entry), { recursive: true, force: true });
    if (!hadData && existsSync(aside)) {
      rmSync(aside, { recursive: true, force: true });
      return undefined;
    }
    return existsSync(aside) ? aside : undefined;
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Restore failed, ${dataDir} is unchanged: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await release?.();
  }
}

// --- PostgreSQL -----------------------------------------------------------------------------------

/** host:port/database, without the password. */
function describeUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}

async function serverMajorVersion(databaseUrl: string): Promise<number> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const [row] = await client<{ server_version_num: string }[]>`show server_version_num`;
    return Math.floor(Number(row.server_version_num) / 10_000);
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function toolMajorVersion(tool: string): Promise<number | undefined> {
  try {
    const { stdout } = await run(tool, ["--version"]);
    const match = /\b(\d+)(?:\.\d+)?/.exec(stdout.replace(/^[^)]*\)/, ""));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * pg_dump / pg_restore able to talk to a server of `serverMajor`: on PATH first, then Debian's
 * /usr/lib/postgresql/<major>/bin. A tool older than the server refuses to dump it, so it is
 * skipped, and the error names the version to install.
 */
export async function findPgTool(name: "pg_dump" | "pg_restore", serverMajor: number, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const candidates: string[] = [];
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) candidates.push(path.join(dir, name));
  }
  const debianRoot = "/usr/lib/postgresql";
  if (existsSync(debianRoot)) {
    const majors = readdirSync(debianRoot).filter((entry) => /^\d+$/.test(entry)).sort((a, b) => Number(b) - Number(a));
    for (const major of majors) {
      const tool = path.join(debianRoot, major, "bin", name);
      if (existsSync(tool)) candidates.push(tool);
    }
  }
  if (candidates.length === 0) {
    throw new BackupError(`${name} not found on PATH nor in /usr/lib/postgresql/*/bin: install postgresql-client-${serverMajor}.`);
  }
  const found: string[] = [];
  // /bin and /usr/bin are often one folder: each real file once.
  const unique = [...new Map(candidates.map((tool) => [realpathSync(tool), tool])).values()];
  for (const tool of unique) {
    const major = await toolMajorVersion(tool);
    if (major !== undefined && major >= serverMajor) return tool;
    found.push(`${tool} (${major ?? "unknown version"})`);
  }
  throw new BackupError(
    `The server runs PostgreSQL ${serverMajor}, newer than every ${name} found: ${found.join(", ")}. ` +
      `Install postgresql-client-${serverMajor} (${name} must be at least the server's major version).`,
  );
}

/** The URL for --dbname without its password, which goes in PGPASSWORD: argv is visible to `ps`. */
function toolConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  return { dbname: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

async function runTool(tool: string, args: string[], databaseUrl: string): Promise<void> {
  const connection = toolConnection(databaseUrl);
  try {
    await run(tool, [...args, `--dbname=${connection.dbname}`], { maxBuffer: 16 * 1024 * 1024, env: connection.env });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new BackupError(`${path.basename(tool)} failed: ${stderr || (error instanceof Error ? error.message : String(error))}`);
  }
}

async function backupPostgres(databaseUrl: string, outFile: string): Promise<void> {
  const pgDump = await findPgTool("pg_dump", await serverMajorVersion(databaseUrl));
  mkdirSync(path.dirname(outFile), { recursive: true });
  const partial = `${outFile}.partial`;
  try {
    // Custom format: compressed, and pg_restore can clean and restore it selectively.
    await runTool(pgDump, ["--format=custom", `--file=${partial}`], databaseUrl);
    chmodSync(partial, 0o600);
    const fd = openSync(partial, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, outFile);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Sessions on the database other than ours: a running app would block, or race, the restore. */
async function otherSessions(databaseUrl: string): Promise<string[]> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const rows = await client<{ who: string }[]>`
      select coalesce(nullif(application_name, ''), 'unnamed') || ' from ' || coalesce(host(client_addr), 'local socket') || ' (pid ' || pid || ')' as who
      from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`;
    return rows.map((row) => row.who);
  } finally {
    await client.end({ timeout: 5 });
  }
}

/**
 * pg_restore --clean --if-exists in one transaction: every object in the dump is dropped and
 * recreated, or nothing changes. A dump of the database as it was is taken first.
 */
async function restorePostgres(databaseUrl: string, inFile: string, force: boolean): Promise<string> {
  const sessions = await otherSessions(databaseUrl);
  if (sessions.length > 0 && !force) {
    throw new BackupError(
      `Restore refused: ${describeUrl(databaseUrl)} is in use by ${sessions.length} other session(s): ${sessions.join("; ")}.\n` +
        `Stop the app first (or pass --force to restore anyway).`,
    );
  }
  const serverMajor = await serverMajorVersion(databaseUrl);
  const pgRestore = await findPgTool("pg_restore", serverMajor);
  // Beside the file restored from (usually backups/): where someone restoring will look.
  const previous = path.join(path.dirname(inFile), path.basename(defaultBackupFile("postgres", new Date(), "-before-restore")));
  await backupPostgres(databaseUrl, previous);
  await runTool(pgRestore, ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", inFile], databaseUrl);
  return previous;
}

// --- printing ---------------------------------------------------------------------------------------

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
