import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type DatabaseHandle } from "../../db/client.server";
import { DataDirLockedError, lockDataDir } from "../../db/data-dir-lock.server";
import { divisions } from "../../db/schema";

// Both sides use a short staleMs: the holder refreshes the lock every staleMs/2, so a waiting
// second caller never sees it go stale, and gives up after ~staleMs * 1.5.
const STALE_MS = 2000;

const folders: string[] = [];
function tempFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "nawat-lock-"));
  folders.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe("data folder lock", () => {
  it("refuses a second lock on a held folder, and locks again after release", async () => {
    const dir = tempFolder();
    const release = await lockDataDir(dir, STALE_MS);
    expect(existsSync(path.join(dir, ".nawat.lock"))).toBe(true);

    const started = Date.now();
    const second = lockDataDir(dir, STALE_MS);
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(dir);
    // The holder (this process) is alive: refused at once, without waiting for staleness.
    expect(Date.now() - started).toBeLessThan(STALE_MS);

    await release();
    expect(existsSync(path.join(dir, ".nawat.lock"))).toBe(false);
    const again = await lockDataDir(dir, STALE_MS);
    await again();
  });

  it("takes over a lock left by a process that died", async () => {
    const dir = tempFolder();
    const lockPath = path.join(dir, ".nawat.lock");
    mkdirSync(lockPath);
    // A pid that cannot be alive (above the kernel's maximum) and an old mtime: a killed holder.
    writeFileSync(`${lockPath}.pid`, "4194305");
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath, old, old);
    const release = await lockDataDir(dir, STALE_MS);
    expect(readFileSync(`${lockPath}.pid`, "utf8")).toBe(String(process.pid));
    await release();
  });

  it("refuses a lock that looks stale while its holder is alive (a holder whose event loop was blocked)", async () => {
    const dir = tempFolder();
    const lockPath = path.join(dir, ".nawat.lock");
    mkdirSync(lockPath);
    // The parent process is alive; the lock's mtime is older than staleMs, as when the holder
    // could not refresh it in time.
    writeFileSync(`${lockPath}.pid`, String(process.ppid));
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath, old, old);
    await expect(lockDataDir(dir, STALE_MS)).rejects.toBeInstanceOf(DataDirLockedError);
    expect(readFileSync(`${lockPath}.pid`, "utf8")).toBe(String(process.ppid));
  });

  it("a lock on one folder does not block another folder", async () => {
    const releaseA = await lockDataDir(tempFolder(), STALE_MS);
    const releaseB = await lockDataDir(tempFolder(), STALE_MS);
    await releaseB();
    await releaseA();
  });

  it("a second PGlite on the same data folder is refused; the first keeps working", async () => {
    const dir = path.join(tempFolder(), "data"); // openDatabase creates the folder itself
    let first: DatabaseHandle | undefined;
    let reopened: DatabaseHandle | undefined;
    try {
      first = await openDatabase({ dataDir: dir });
      await first.migrate();
      await first.db.insert(divisions).values({ code: "lock-test", nameTh: "ทดสอบ", nameEn: "Lock test" });

      // The holder is alive, so the second open is refused at once.
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);

      const rows = await first.db.select().from(divisions);
      expect(rows.map((row) => row.code)).toEqual(["lock-test"]);
      await first.close();
      first = undefined;

      reopened = await openDatabase({ dataDir: dir });
      expect((await reopened.db.select().from(divisions)).map((row) => row.code)).toEqual(["lock-test"]);
    } finally {
      await first?.close();
      await reopened?.close();
    }
  }, 90_000);
});
