import lockfile from "proper-lockfile";

export class DataDirLockedError extends Error {
  constructor(dataDir: string) {
    super(
      `The embedded database in ${dataDir} is in use by another process (a running server or a db:* command). ` +
        `Stop it first: PGlite has no locking of its own, and two processes on one folder lose writes.`,
    );
    this.name = "DataDirLockedError";
  }
}

/**
 * Hold an exclusive lock on the PGlite data folder for the life of this process.
 * proper-lockfile refreshes the lock's mtime while we hold it, so a lock left by a killed
 * process goes stale (after `staleMs`) and is taken over, while a live holder is never robbed.
 */
export async function lockDataDir(dataDir: string, staleMs = 10_000): Promise<() => Promise<void>> {
  try {
    const release = await lockfile.lock(dataDir, {
      lockfilePath: `${dataDir}/.nawat.lock`,
      stale: staleMs,
      update: staleMs / 2,
      // Wait just long enough for a killed holder's lock to go stale, no longer.
      retries: { retries: Math.ceil((staleMs * 1.5) / 1000), factor: 1, minTimeout: 1000, maxTimeout: 1000 },
      onCompromised: (error) => {
        console.error("[db] lost the data folder lock:", error);
        process.exit(70);
      },
    });
    return release;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") throw new DataDirLockedError(dataDir);
    throw error;
  }
}
