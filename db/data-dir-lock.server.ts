import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import lockfile from "proper-lockfile";

export class DataDirLockedError extends Error {
  constructor(dataDir: string, holderPid?: number) {
    super(
      `The embedded database in ${dataDir} is in use by another process${holderPid ? ` (pid ${holderPid})` : ""}: ` +
        `a running server or a db:* command. Stop it first: PGlite has no locking of its own, ` +
        `and two processes on one folder lose writes.`,
    );
    this.name = "DataDirLockedError";
  }
}

const LOCK_NAME = ".nawat.lock";

/**
 * Hold an exclusive lock on the PGlite data folder for the life of this process.
 * proper-lockfile refreshes the lock's mtime while we hold it, so a lock left by a killed
 * process goes stale (after `staleMs`) and is taken over, while a live holder is never robbed.
 * The holder's pid is written beside it so a second process is refused at once, without
 * waiting for staleness, when that holder is still alive.
 */
export async function lockDataDir(dataDir: string, staleMs = 10_000): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, LOCK_NAME);
  // Beside the lock, not inside it: proper-lockfile removes its folder with rmdir.
  const pidFile = `${lockPath}.pid`;
  let releasing = false;
  const options = {
    lockfilePath: lockPath,
    stale: staleMs,
    update: staleMs / 2,
    onCompromised: (error: Error) => {
      // A refresh already in flight when we release reports a "compromised" lock: not a loss.
      if (releasing) return;
      console.error("[db] lost the data folder lock:", error);
      process.exit(70);
    },
  };
  // A live holder is refused before proper-lockfile looks at the lock's age: a holder whose event
  // loop was blocked past staleMs (a long migration in PGlite's WASM, a loaded machine) has a lock
  // that looks stale, and taking it over would put two PGlite writers on one folder.
  const recordedHolder = existsSync(lockPath) ? readHolderPid(pidFile) : undefined;
  if (recordedHolder !== undefined && isAlive(recordedHolder)) throw new DataDirLockedError(dataDir, recordedHolder);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    const holderPid = readHolderPid(pidFile);
    if (holderPid !== undefined && isAlive(holderPid)) throw new DataDirLockedError(dataDir, holderPid);
    // The holder is gone (or unknown): wait just long enough for its lock to go stale.
    try {
      release = await lockfile.lock(dataDir, {
        ...options,
        retries: { retries: Math.ceil((staleMs * 1.5) / 1000), factor: 1, minTimeout: 1000, maxTimeout: 1000 },
      });
    } catch (retryError) {
      if ((retryError as NodeJS.ErrnoException).code === "ELOCKED") throw new DataDirLockedError(dataDir, holderPid);
      throw retryError;
    }
  }
  writeFileSync(pidFile, String(process.pid));
  return async () => {
    releasing = true;
    rmSync(pidFile, { force: true });
    await release();
  };
}

function readHolderPid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
