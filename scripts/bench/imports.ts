/**
 * Times 10,000-row roster and attendance imports through the same service functions the import
 * pages use (check/preview, then commit), on a throwaway database.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npx tsx scripts/bench/imports.ts
 *
 * TEST_DATABASE_URL (or DATABASE_URL) names a PostgreSQL server: a database is created on it for
 * the run and dropped afterwards. With neither, it runs on an in-memory PGlite. ROWS=… changes
 * the size. Target: under 5 s per 10,000-row import on PostgreSQL.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { calendarDateIn } from "../../app/domain/calendar-date";
import { ROSTER_COLUMNS } from "../../app/domain/roster-import";
import { commitRosterImport, previewRosterImport } from "../../app/services/roster-import.server";
import { commitAttendanceImport, previewAttendanceImport } from "../../app/services/training-attendance.server";
import { createSession } from "../../app/services/training-sessions.server";
import { openDatabase, type DatabaseHandle } from "../../db/client.server";
import { accounts, people, staffCategories } from "../../db/schema";
import { seedPlanOnly } from "../../db/seed/seed.server";

const ROWS = Number(process.env.ROWS ?? 10_000);
const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
const today = calendarDateIn(new Date(), "Asia/Bangkok");
const actor = { accountId: "bench-hr", ipAddress: "127.0.0.1" };

const FIRST = ["สมชาย", "กนกวรรณ", "ณรงค์", "วิไลวรรณ", "ธีรวัฒน์", "ปิยะนุช", "เอกชัย", "ขวัญใจ", "ศศิธร", "ไพโรจน์"];
const LAST = ["ทองประเสริฐ", "ศรีสุข", "แก้วมณี", "พุ่มพวง", "บุญมา", "จันทร์หอม", "ชัยมงคล", "รุ่งเรือง"];
const DIVISIONS = ["office", "finance", "engineering", "education", "welfare"];
const CATEGORIES = ["civil_servant", "permanent_employee", "mission_employee", "general_employee"];

function rosterFile(rows: number, variant: number): string {
  const lines = [ROSTER_COLUMNS.join(",")];
  for (let index = 0; index < rows; index++) {
    const movedOrPromoted = variant > 0 && index % 5 === 0;
    lines.push(
      [
        `B${String(index + 1).padStart(6, "0")}`,
        index % 3 === 0 ? "นางสาว" : index % 3 === 1 ? "นาย" : "นาง",
        FIRST[index % FIRST.length],
        `${LAST[index % LAST.length]}${index}`,
        "",
        "",
        `b${index + 1}@example.go.th`,
        movedOrPromoted ? "หัวหน้าฝ่าย" : "เจ้าพนักงานธุรการ",
        CATEGORIES[index % CATEGORIES.length],
        DIVISIONS[(index + (movedOrPromoted ? 1 : 0)) % DIVISIONS.length],
        index % 2 === 0 ? "2020-01-02" : "01/10/2566",
        "",
      ].join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function attendanceFile(rows: number, hours: (index: number) => number): string {
  const lines = ["employee_code,hours"];
  for (let index = 0; index < rows; index++) lines.push(`B${String(index + 1).padStart(6, "0")},${hours(index)}`);
  return lines.join("\r\n") + "\r\n";
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await run();
  return { value, seconds: (performance.now() - started) / 1000 };
}

async function openThrowaway(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void>; engine: string }> {
  if (!serverUrl) {
    const handle = await openDatabase({ inMemory: true });
    await handle.migrate();
    return { handle, drop: () => handle.close(), engine: "PGlite (in memory)" };
  }
  const name = `nawat_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end({ timeout: 5 });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), maxConnections: 4 });
  await handle.migrate();
  return {
    handle,
    engine: `PostgreSQL (${url.host})`,
    async drop() {
      await handle.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end({ timeout: 5 });
    },
  };
}

type Line = { what: string; rows: number; checkSeconds: number; commitSeconds: number; result: string };

async function main() {
  const { handle, drop, engine } = await openThrowaway();
  const db = handle.db;
  const lines: Line[] = [];
  try {
    await seedPlanOnly(db);
    // The HR person the imports are recorded as (accounts are referenced by sessions and attendance).
    const [category] = await db.select({ id: staffCategories.id }).from(staffCategories).limit(1);
    const [hr] = await db
      .insert(people)
      .values({ employeeCode: "BENCH-HR", prefixTh: "นางสาว", firstNameTh: "ทดสอบ", lastNameTh: "ความเร็ว", positionTh: "นักทรัพยากรบุคคล", categoryId: category.id })
      .returning({ id: people.id });
    await db.insert(accounts).values({ id: actor.accountId, personId: hr.id, username: "BENCH-HR", passwordHash: "-", mustChangePassword: false });

    const roster = async (what: string, text: string) => {
      const preview = await timed(() => previewRosterImport(db, text, today));
      if (preview.value.status !== "preview") throw new Error(`${what}: ${JSON.stringify(preview.value).slice(0, 500)}`);
      const fingerprint = preview.value.preview.fingerprint;
      const commit = await timed(() => commitRosterImport(db, actor, { text, fingerprint, today }));
      lines.push({ what, rows: ROWS, checkSeconds: preview.seconds, commitSeconds: commit.seconds, result: JSON.stringify(commit.value) });
    };
    await roster("roster: new people", rosterFile(ROWS, 0));
    await roster("roster: same file again", rosterFile(ROWS, 0));
    await roster("roster: 1 in 5 moved/promoted", rosterFile(ROWS, 1));

    const sessionId = await createSession(db, actor, {
      title: "การใช้ Google Workspace ในสำนักงาน",
      topic: "",
      organiser: "",
      startDate: today,
      endDate: today,
      hours: 6,
      planId: null,
      location: "",
      notes: "",
    });
    const attendance = async (what: string, text: string) => {
      const preview = await timed(() => previewAttendanceImport(db, sessionId, text));
      if (preview.value.status !== "preview") throw new Error(`${what}: ${JSON.stringify(preview.value).slice(0, 500)}`);
      const fingerprint = preview.value.preview.fingerprint;
      const commit = await timed(() => commitAttendanceImport(db, actor, { sessionId, text, fingerprint }));
      lines.push({ what, rows: ROWS, checkSeconds: preview.seconds, commitSeconds: commit.seconds, result: JSON.stringify(commit.value) });
    };
    await attendance("attendance: new", attendanceFile(ROWS, () => 6));
    await attendance("attendance: same file again", attendanceFile(ROWS, () => 6));
    await attendance("attendance: half the hours changed", attendanceFile(ROWS, (index) => (index % 2 ? 3 : 6)));
  } finally {
    await drop();
  }

  console.log(`Imports on ${engine}, ${ROWS.toLocaleString("en")} rows each (check = the preview step, commit = the write)\n`);
  const header = ["import", "rows", "check s", "commit s", "total s", "rows/s"];
  const table = lines.map((line) => {
    const total = line.checkSeconds + line.commitSeconds;
    return [line.what, String(line.rows), line.checkSeconds.toFixed(2), line.commitSeconds.toFixed(2), total.toFixed(2), Math.round(line.rows / total).toLocaleString("en")];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...table.map((row) => row[column].length)));
  const format = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  console.log(format(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of table) console.log(format(row));
  console.log("");
  for (const line of lines) console.log(`${line.what}: ${line.result}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
