import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "../../db/client.server";
import { appSettings, divisions } from "../../db/schema";
import { projectRoot } from "../../db/project-root.server";
import { testDatabaseUrl } from "./test-database";

const here = path.dirname(fileURLToPath(import.meta.url));
const folders: string[] = [];
function tempFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "nawat-restart-"));
  folders.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe("the embedded database survives a restart", () => {
  it("a row written before close() is there after reopening the data folder", async () => {
    const dataDir = path.join(tempFolder(), "data");
    let handle: DatabaseHandle | undefined = await openDatabase({ dataDir });
    try {
      await handle.migrate();
      await handle.db.insert(divisions).values({ code: "restart", nameTh: "ทดสอบการเริ่มใหม่", nameEn: "Restart test" });
      await handle.db.insert(appSettings).values({ key: "restart_test", value: { n: 1, text: "ไทย" } });
      await handle.close();

      handle = await openDatabase({ dataDir });
      await handle.migrate(); // a restart migrates again: must not disturb the data
      const [division] = await handle.db.select().from(divisions).where(eq(divisions.code, "restart"));
      expect(division).toMatchObject({ nameTh: "ทดสอบการเริ่มใหม่", nameEn: "Restart test" });
      const [setting] = await handle.db.select().from(appSettings).where(eq(appSettings.key, "restart_test"));
      expect(setting.value).toEqual({ n: 1, text: "ไทย" });
    } finally {
      await handle.close();
    }
  });

  // PGlite-specific: the process holds the data folder; a real server has its own durability.
  it.skipIf(Boolean(testDatabaseUrl))(
    "a server process stopped with SIGTERM closes the database, exits 0 and keeps what it wrote",
    async () => {
      const dataDir = path.join(tempFolder(), "data");
      const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "fixtures", "write-then-wait.ts"), dataDir, "child_row"], {
        cwd: projectRoot(),
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, NODE_ENV: "test" },
      });
      let stdout = "";
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on("exit", (code, signal) => resolve({ code, signal })),
      );
      try {
        await new Promise<void>((resolve, reject) => {
          child.stdout.on("data", (chunk: Buffer) => {
            stdout += chunk.toString();
            if (stdout.includes("written")) resolve();
          });
          void exited.then(({ code }) => reject(new Error(`child exited (${code}) before writing:\n${stdout}\n${stderr}`)));
        });

        expect(child.kill("SIGTERM")).toBe(true);
        const { code, signal } = await exited;
        expect({ code, signal }, stderr).toEqual({ code: 0, signal: null });
        expect(stderr).not.toMatch(/error|lost the data folder lock/i);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      }

      // The lock was released on close: the folder opens at once, and the row is there.
      const started = Date.now();
      const handle = await openDatabase({ dataDir });
      try {
        expect(Date.now() - started).toBeLessThan(10_000);
        const [row] = await handle.db.select().from(appSettings).where(eq(appSettings.key, "child_row"));
        expect(row?.value).toMatchObject({ writtenBy: "child", pid: child.pid });
      } finally {
        await handle.close();
      }
    },
    90_000,
  );
});
