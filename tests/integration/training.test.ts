import { and, eq, inArray, sql } from "drizzle-orm";
import { startSession } from "../../app/auth/session.server";
import { fiscalYearDates, THAI_FISCAL_CALENDAR } from "../../app/domain/fiscal-year";
import { listPersonTraining } from "../../app/models/roster.server";
import { listSessionRoster, recordedHours } from "../../app/models/training.server";
import { action as sessionPageAction, loader as sessionPageLoader } from "../../app/routes/training.$sessionId";
import { action as attendanceAction, loader as attendanceLoader } from "../../app/routes/training.$sessionId_.attendance";
import { loader as sessionExportLoader } from "../../app/routes/training.$sessionId_.export";
import { loader as myTrainingLoader } from "../../app/routes/training.mine";
import { action as newSessionAction, loader as newSessionLoader } from "../../app/routes/training.new";
import { commitAttendanceImport, previewAttendanceImport, saveSessionAttendance } from "../../app/services/training-attendance.server";
import { trainingYearOverview } from "../../app/services/training-figures.server";
import { createSession, editSession, removeSession } from "../../app/services/training-sessions.server";
import { openDatabase, type Database, type DatabaseHandle } from "../../db/client.server";
import { accounts, auditLog, employmentPeriods, people, trainingAttendance, trainingSessions } from "../../db/schema";
import { routeClient } from "./route-client";
import { engineName, expectDatabaseError, findPersonId, queryRows, snapshotEveryTable, withDemoDatabaseForFile } from "./test-database";

const CHECK_VIOLATION = "23514";

let db: Database;
let raceHandle: DatabaseHandle | undefined;
let raceDb: Database;
let actor: { accountId: string; ipAddress: string };
let hrCookie: string;

withDemoDatabaseForFile(async (database) => {
  db = database.handle.db;
  raceHandle = database.databaseUrl ? await openDatabase({ databaseUrl: database.databaseUrl, maxConnections: 20 }) : undefined;
  raceDb = raceHandle?.db ?? db;
  const [hr] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, "LS004"));
  actor = { accountId: hr.id, ipAddress: "127.0.0.1" };
  hrCookie = (await startSession(hr.id)).split(";")[0];
});
afterAll(async () => {
  await raceHandle?.close();
});

const sessionInput = (overrides: Partial<Parameters<typeof createSession>[2]> = {}) => ({
  title: "การเขียนหนังสือราชการและการใช้ระบบสารบรรณอิเล็กทรอนิกส์",
  topic: "งานสารบรรณ",
  organiser: "สำนักปลัด",
  startDate: "2026-11-16",
  endDate: "2026-11-17",
  hours: 12,
  planId: null,
  location: "ห้องประชุม",
  notes: "",
  ...overrides,
});

const codesOf = async (personIds: number[]) =>
  new Map((await db.select({ id: people.id, code: people.employeeCode }).from(people).where(inArray(people.id, personIds))).map((row) => [row.id, row.code]));

async function attendanceRows(sessionId: number) {
  return queryRows<{ person_id: number; hours: string; n: number }>(
    db,
    sql`select person_id, hours::text as hours, count(*) over (partition by person_id)::int as n from ${trainingAttendance} where session_id = ${sessionId} order by person_id`,
  );
}

describe(`training sessions (${engineName})`, () => {
  it("a session gets the fiscal year of its first day, and its changes are audited", async () => {
    const sessionId = await createSession(db, actor, sessionInput({ startDate: "2026-09-30", endDate: "2026-10-01" }));
    const [row] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
    expect(row.fiscalYear).toBe(2569);
    expect(await editSession(db, actor, sessionId, sessionInput({ startDate: "2026-10-01", endDate: "2026-10-01", hours: 6 }))).toBe("saved");
    const [edited] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
    expect([edited.fiscalYear, Number(edited.hours)]).toEqual([2570, 6]);
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "training_session"), eq(auditLog.entityId, String(sessionId))));
    expect(entries.map((entry) => entry.action)).toEqual(["training.session_created", "training.session_updated"]);
    expect(entries[1].details).toMatchObject({ before: { startDate: "2026-09-30", fiscalYear: 2569, hours: 12 }, after: { startDate: "2026-10-01", fiscalYear: 2570, hours: 6 } });
    expect(await removeSession(db, actor, sessionId)).toBe("deleted");
  });

  it("the checklist lists people employed during the session by their division then", async () => {
    // LS009 moved from สำนักปลัด to กองคลัง on 2024-10-01; LS007 left on 2025-03-31; LS024 joined on 2025-06-16.
    const before = await createSession(db, actor, sessionInput({ startDate: "2024-07-17", endDate: "2024-07-17", hours: 6 }));
    const after = await createSession(db, actor, sessionInput({ startDate: "2025-07-01", endDate: "2025-07-01", hours: 6 }));
    const rosterOf = async (sessionId: number, startDate: string) => {
      const rows = await listSessionRoster(db, { id: sessionId, startDate, endDate: startDate });
      return new Map(rows.map((row) => [row.employeeCode, row.divisionCode]));
    };
    const then = await rosterOf(before, "2024-07-17");
    const later = await rosterOf(after, "2025-07-01");
    expect(then.get("LS009")).toBe("office");
    expect(later.get("LS009")).toBe("finance");
    expect(then.has("LS007")).toBe(true);
    expect(later.has("LS007")).toBe(false);
    expect(then.has("LS024")).toBe(false);
    expect(later.has("LS024")).toBe(true);
    const search = await listSessionRoster(db, { id: after, startDate: "2025-07-01", endDate: "2025-07-01" }, { search: "ชัยมงคล" });
    expect(search.map((row) => row.employeeCode)).toEqual(["LS025"]);
  });
});

describe(`the new-session form, sent twice (${engineName})`, () => {
  const { get, post } = routeClient(() => db);
  // What a browser without JavaScript sends: the form's fields and the token the page carried.
  const fields = (title: string, submissionToken: string) => ({ intent: "save", title, startDate: "10/11/2569", endDate: "10/11/2569", hours: "3", submissionToken });
  const newForm = async () => ((await (await get(newSessionLoader, "/training/new", "LS004")).json()) as { submissionToken: string }).submissionToken;
  const sessionsTitled = (title: string) => db.select({ id: trainingSessions.id }).from(trainingSessions).where(eq(trainingSessions.title, title));
  const createdAudits = async (sessionIds: number[]) =>
    db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "training.session_created"), inArray(auditLog.entityId, sessionIds.map(String))));

  it("the second post of the same form lands on the session the first created", async () => {
    const title = "ทดสอบการอบรม ส่งซ้ำ";
    const token = await newForm();
    const first = await post(newSessionAction, "/training/new", "LS004", fields(title, token));
    const second = await post(newSessionAction, "/training/new", "LS004", fields(title, token));
    const sessions = await sessionsTitled(title);
    expect(sessions).toHaveLength(1);
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(first.headers.get("Location")).toBe(`/training/${sessions[0].id}?saved=created`);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(await createdAudits([sessions[0].id])).toHaveLength(1);
    expect(token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("posts of the same form at the same moment make one session", async () => {
    const title = "ทดสอบการอบรม ส่งพร้อมกัน";
    const token = await newForm();
    const answers = await Promise.all([1, 2, 3].map(() => post(newSessionAction, "/training/new", "LS004", fields(title, token))));
    const sessions = await sessionsTitled(title);
    expect(sessions).toHaveLength(1);
    expect(answers.map((answer) => [answer.status, answer.headers.get("Location")])).toEqual(answers.map(() => [302, `/training/${sessions[0].id}?saved=created`]));
    expect(await createdAudits([sessions[0].id])).toHaveLength(1);
  });

  it("a form shown again (a new token) makes another session, even with the same fields", async () => {
    const title = "ทดสอบการอบรม สองรุ่น";
    for (let run = 0; run < 2; run++) expect((await post(newSessionAction, "/training/new", "LS004", fields(title, await newForm()))).status).toBe(302);
    expect(await sessionsTitled(title)).toHaveLength(2);
  });

  it("the database refuses a second session with the same token, whatever the code does", async () => {
    const token = await newForm();
    const row = { title: "ทดสอบ", startDate: "2026-11-10", endDate: "2026-11-10", hours: 3, fiscalYear: 2570, submissionToken: token };
    await db.insert(trainingSessions).values(row);
    await expect(db.insert(trainingSessions).values(row)).rejects.toThrow();
    await db.delete(trainingSessions).where(eq(trainingSessions.submissionToken, token));
  });
});

describe(`attendance (${engineName})`, () => {
  it("a save writes the difference among the people shown, in one go, with an audit entry", async () => {
    const sessionId = await createSession(db, actor, sessionInput());
    const [a, b, c, d] = await Promise.all(["LS025", "LS027", "LS029", "LS030"].map((code) => findPersonId(db, code)));
    expect(await saveSessionAttendance(db, actor, { sessionId, shown: [a, b, c], ticked: new Map([[a, 12], [b, 6]]) })).toEqual({ status: "saved", added: 2, changed: 0, removed: 0 });
    // A filtered list (c, d shown) leaves a and b alone.
    expect(await saveSessionAttendance(db, actor, { sessionId, shown: [c, d], ticked: new Map([[d, 12]]) })).toEqual({ status: "saved", added: 1, changed: 0, removed: 0 });
    expect(await saveSessionAttendance(db, actor, { sessionId, shown: [a, b, c, d], ticked: new Map([[a, 12], [b, 12]]) })).toEqual({
      status: "saved",
      added: 0,
      changed: 1,
      removed: 1,
    });
    expect([...(await recordedHours(db, sessionId)).entries()].sort()).toEqual([[a, 12], [b, 12]].sort());
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.action, "attendance.saved"), eq(auditLog.entityId, String(sessionId))));
    expect(entries).toHaveLength(3);
    expect(entries[2].details).toMatchObject({ changed: [{ code: "LS027", before: 6, after: 12 }], removed: [{ code: "LS030", hours: 12 }] });
    // Saving the same again writes nothing, not even an audit entry.
    const snapshot = await snapshotEveryTable(db);
    expect(await saveSessionAttendance(db, actor, { sessionId, shown: [a, b, c, d], ticked: new Map([[a, 12], [b, 12]]) })).toMatchObject({ added: 0, changed: 0, removed: 0 });
    expect(await snapshotEveryTable(db)).toEqual(snapshot);
  });

  it("0 hours is not attendance: the checklist refuses it next to the person, saves nothing, and keeps what was typed", async () => {
    const sessionId = await createSession(db, actor, sessionInput({ hours: 6, startDate: "2026-11-19", endDate: "2026-11-19" }));
    const [zero, other] = await Promise.all(["LS012", "LS013"].map((code) => findPersonId(db, code)));
    const body = new URLSearchParams();
    for (const id of [zero, other]) {
      body.append("shown", String(id));
      body.append("attended", String(id));
    }
    body.append(`hours-${zero}`, "0");
    body.append(`hours-${other}`, "6");
    const before = await snapshotEveryTable(db);
    const response = await attendanceAction({
      request: new Request(`http://localhost/training/${sessionId}/attendance`, { method: "POST", headers: { Cookie: hrCookie }, body }),
      params: { sessionId: String(sessionId) },
      context: {},
    });
    expect(response.status).toBe(400);
    const data = (await response.json()) as { errors: Record<string, string>; hoursTyped: Record<string, string> };
    expect(data.errors).toEqual({ [zero]: "training.error.badHours" });
    expect(data.hoursTyped[zero]).toBe("0");
    expect(await snapshotEveryTable(db)).toEqual(before);
  });

  it("someone not employed during the session cannot be recorded", async () => {
    const sessionId = await createSession(db, actor, sessionInput());
    const leaver = await findPersonId(db, "LS007");
    const before = await snapshotEveryTable(db);
    expect(await saveSessionAttendance(db, actor, { sessionId, shown: [leaver], ticked: new Map([[leaver, 12]]) })).toEqual({ status: "notEmployed", personIds: [leaver] });
    expect(await snapshotEveryTable(db)).toEqual(before);
  });

  it("the database refuses 0 hours (or less) written with SQL, past the services: inserted or updated", async () => {
    const sessionId = await createSession(db, actor, sessionInput());
    const personId = await findPersonId(db, "LS026");
    for (const hours of ["0", "-1"]) {
      const code = await expectDatabaseError(
        db.execute(sql`insert into training_attendance (session_id, person_id, hours) values (${sessionId}, ${personId}, ${hours}::numeric)`),
      );
      expect(code, `${hours} hours`).toBe(CHECK_VIOLATION);
    }
    await db.execute(sql`insert into training_attendance (session_id, person_id, hours) values (${sessionId}, ${personId}, 0.25)`);
    const code = await expectDatabaseError(db.execute(sql`update training_attendance set hours = 0 where session_id = ${sessionId} and person_id = ${personId}`));
    expect(code).toBe(CHECK_VIOLATION);
    expect(await attendanceRows(sessionId)).toEqual([{ person_id: personId, hours: "0.25", n: 1 }]);
  });

  it("the database refuses a second row for the same person and session", async () => {
    const sessionId = await createSession(db, actor, sessionInput());
    const personId = await findPersonId(db, "LS025");
    await db.insert(trainingAttendance).values({ sessionId, personId, hours: 6 });
    await expect(db.insert(trainingAttendance).values({ sessionId, personId, hours: 3 })).rejects.toThrow();
  });

  it("20 saves of one session at once: no duplicate rows, no error, and the result is one of the saves", async () => {
    const sessionId = await createSession(db, actor, sessionInput());
    const rows = await listSessionRoster(db, { id: sessionId, startDate: "2026-11-16", endDate: "2026-11-17" });
    const shown = rows.filter((row) => row.employed).map((row) => row.personId);
    const saves = Array.from({ length: 20 }, (_, index) => {
      const ticked = new Map(shown.filter((_, position) => (position + index) % 3 !== 0).map((id) => [id, (index % 12) + 1]));
      return { shown, ticked };
    });
    const results = await Promise.allSettled(saves.map((save) => saveSessionAttendance(raceDb, actor, { sessionId, ...save })));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const stored = await attendanceRows(sessionId);
    expect(stored.every((row) => row.n === 1)).toBe(true);
    const final = new Map(stored.map((row) => [row.person_id, Number(row.hours)]));
    expect(saves.some((save) => save.ticked.size === final.size && [...save.ticked].every(([id, hours]) => final.get(id) === hours))).toBe(true);
  });

  it("20 posts of the attendance page at once: every one is answered with a redirect, never a 5xx", async () => {
    const sessionId = await createSession(db, actor, sessionInput());
    const rows = await listSessionRoster(db, { id: sessionId, startDate: "2026-11-16", endDate: "2026-11-17" });
    const shown = rows.filter((row) => row.employed).slice(0, 12);
    const post = (index: number) => {
      const body = new URLSearchParams({ intent: "save" });
      for (const [position, row] of shown.entries()) {
        body.append("shown", String(row.personId));
        if ((position + index) % 2 === 0) body.append("attended", String(row.personId));
        body.append(`hours-${row.personId}`, String((index % 6) + 1));
      }
      return new Request(`http://localhost/training/${sessionId}/attendance`, {
        method: "POST",
        headers: { Cookie: hrCookie, "Content-Type": "application/x-www-form-urlencoded" },
        body,
      });
    };
    const responses = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        try {
          return (await attendanceAction({ request: post(index), params: { sessionId: String(sessionId) }, context: {} })) as Response;
        } catch (thrown) {
          if (thrown instanceof Response) return thrown;
          throw thrown;
        }
      }),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(302));
    expect((await attendanceRows(sessionId)).every((row) => row.n === 1)).toBe(true);
  });

  it("'select the whole division' ticks it without saving", async () => {
    const sessionId = await createSession(db, actor, sessionInput());
    const rows = await listSessionRoster(db, { id: sessionId, startDate: "2026-11-16", endDate: "2026-11-17" });
    const welfare = rows.filter((row) => row.divisionCode === "welfare");
    const body = new URLSearchParams({ selectDivision: String(welfare[0].divisionId) });
    for (const row of rows) body.append("shown", String(row.personId));
    const before = await snapshotEveryTable(db);
    const response = (await attendanceAction({
      request: new Request(`http://localhost/training/${sessionId}/attendance`, { method: "POST", headers: { Cookie: hrCookie, "Content-Type": "application/x-www-form-urlencoded" }, body }),
      params: { sessionId: String(sessionId) },
      context: {},
    })) as Response;
    const data = await response.json();
    expect([...data.checked].sort()).toEqual(welfare.map((row) => row.personId).sort());
    expect(data.notice).toBe("training.attendance.notSavedYet");
    expect(await snapshotEveryTable(db)).toEqual(before);
  });
});

describe(`attendance import (${engineName})`, () => {
  it("all or nothing: a bad row anywhere writes nothing and is listed; a good file imports; twice changes nothing", async () => {
    const sessionId = await createSession(db, actor, sessionInput({ hours: 6, startDate: "2026-11-18", endDate: "2026-11-18" }));
    const good = ["LS032,6", "ls033,3", "LS034,", "LS035,6"];
    const bads = ["LS007,6", "LS999,6", "LS036,7", "LS036,x", "LS032,6"];
    for (const [index, bad] of bads.entries()) {
      const at = index % (good.length + 1);
      const text = ["employee_code,hours", ...good.slice(0, at), bad, ...good.slice(at)].join("\n");
      const before = await snapshotEveryTable(db);
      const result = await commitAttendanceImport(db, actor, { sessionId, text, fingerprint: "x" });
      expect(result.status, bad).toBe("invalid");
      if (result.status === "invalid") {
        const expectedRow = bad === "LS032,6" ? Math.max(at + 2, at === 0 ? 3 : 2) : at + 2;
        expect(new Set(result.rowErrors.map((error) => error.row)), bad).toEqual(new Set([expectedRow]));
      }
      expect(await snapshotEveryTable(db)).toEqual(before);
    }

    const text = `\uFEFF${["employee_code,hours", ...good].join("\r\n")}\r\n`;
    const preview = await previewAttendanceImport(db, sessionId, text);
    expect(preview).toMatchObject({ status: "preview", preview: { addedCount: 4, changedCount: 0, unchangedCount: 0 } });
    if (preview.status !== "preview") return;
    expect(await commitAttendanceImport(db, actor, { sessionId, text, fingerprint: preview.preview.fingerprint })).toEqual({ status: "committed", added: 4, changed: 0, unchanged: 0 });
    const hours = await recordedHours(db, sessionId);
    const byCode = await codesOf([...hours.keys()]);
    expect(Object.fromEntries([...hours].map(([id, value]) => [byCode.get(id), value]))).toEqual({ LS032: 6, LS033: 3, LS034: 6, LS035: 6 });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, "attendance.imported"), eq(auditLog.entityId, String(sessionId))));
    expect(entry.details).toMatchObject({ rows: 4, unchanged: 0 });

    const snapshot = await snapshotEveryTable(db);
    const again = await previewAttendanceImport(db, sessionId, text);
    expect(again).toMatchObject({ status: "preview", preview: { addedCount: 0, changedCount: 0, unchangedCount: 4 } });
    if (again.status !== "preview") return;
    expect(await commitAttendanceImport(db, actor, { sessionId, text, fingerprint: again.preview.fingerprint })).toEqual({ status: "committed", added: 0, changed: 0, unchanged: 4 });
    expect(await snapshotEveryTable(db)).toEqual(snapshot);

    // The session's export (BOM, Thai, extra columns) imports back as a no-op.
    const response = await sessionExportLoader({ request: new Request(`http://localhost/training/${sessionId}/export`, { headers: { Cookie: hrCookie } }), params: { sessionId: String(sessionId) }, context: {} });
    const exported = Buffer.from(await response.arrayBuffer());
    expect([...exported.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(exported.toString("utf8")).toContain("อัมพร");
    expect(await previewAttendanceImport(db, sessionId, exported.toString("utf8"))).toMatchObject({ status: "preview", preview: { addedCount: 0, changedCount: 0, unchangedCount: 4 } });
  });

  it("0 hours in a file is not attendance: the import refuses the row, as the checklist does", async () => {
    const sessionId = await createSession(db, actor, sessionInput({ hours: 6, startDate: "2026-11-19", endDate: "2026-11-19" }));
    const text = "employee_code,hours\nLS013,6\nLS012,0\n";
    const before = await snapshotEveryTable(db);
    const preview = await previewAttendanceImport(db, sessionId, text);
    expect(preview).toMatchObject({ status: "invalid", rowErrors: [{ row: 3, column: "hours", problem: "badHours" }] });
    expect(await commitAttendanceImport(db, actor, { sessionId, text, fingerprint: "x" })).toMatchObject({ status: "invalid" });
    expect(await snapshotEveryTable(db)).toEqual(before);
  });

  it("a stale preview is refused: the attendance changed in between", async () => {
    const sessionId = await createSession(db, actor, sessionInput());
    const text = "employee_code,hours\nLS038,12\n";
    const preview = await previewAttendanceImport(db, sessionId, text);
    if (preview.status !== "preview") throw new Error("expected a preview");
    await saveSessionAttendance(db, actor, { sessionId, shown: [await findPersonId(db, "LS038")], ticked: new Map([[await findPersonId(db, "LS038"), 6]]) });
    expect(await commitAttendanceImport(db, actor, { sessionId, text, fingerprint: preview.preview.fingerprint })).toMatchObject({ status: "stale" });
  });
});

describe(`attendance only for a session that has begun (${engineName})`, () => {
  // 06:30 on 21 November in Bangkok, still 20 November in UTC: "today" is the organisation's day.
  const now = new Date("2026-11-20T23:30:00Z");
  const attend = async (sessionId: number, personId: number) => saveSessionAttendance(db, actor, { sessionId, shown: [personId], ticked: new Map([[personId, 6]]), now });

  it("the checklist refuses anyone for a session whose first day is after today, and writes nothing", async () => {
    const person = await findPersonId(db, "LS032");
    const tomorrow = await createSession(db, actor, sessionInput({ hours: 6, startDate: "2026-11-22", endDate: "2026-11-22" }));
    const before = await snapshotEveryTable(db);
    expect(await attend(tomorrow, person)).toEqual({ status: "notBegun", startDate: "2026-11-22" });
    expect(await snapshotEveryTable(db)).toEqual(before);
    // Today in Bangkok (yesterday in UTC) has begun; so has a session that started before today and runs on.
    const today = await createSession(db, actor, sessionInput({ hours: 6, startDate: "2026-11-21", endDate: "2026-11-21" }));
    expect(await attend(today, person)).toEqual({ status: "saved", added: 1, changed: 0, removed: 0 });
    const running = await createSession(db, actor, sessionInput({ hours: 6, startDate: "2026-11-20", endDate: "2026-11-24" }));
    expect(await attend(running, person)).toEqual({ status: "saved", added: 1, changed: 0, removed: 0 });
    // Attendance left on a future session (recorded before this rule) can still be taken away.
    await db.insert(trainingAttendance).values({ sessionId: tomorrow, personId: person, hours: 6 });
    expect(await saveSessionAttendance(db, actor, { sessionId: tomorrow, shown: [person], ticked: new Map(), now })).toEqual({ status: "saved", added: 0, changed: 0, removed: 1 });
  });

  it("the attendance page refuses the save with the message, keeps the ticks, and says so before anyone types", async () => {
    // The page reads the real clock: a session far ahead has not begun whatever the day.
    const sessionId = await createSession(db, actor, sessionInput({ hours: 6, startDate: "2199-01-10", endDate: "2199-01-10" }));
    const person = await findPersonId(db, "LS033");
    const before = await snapshotEveryTable(db);
    const response = (await attendanceAction({
      request: new Request(`http://localhost/training/${sessionId}/attendance`, {
        method: "POST",
        headers: { Cookie: hrCookie },
        body: new URLSearchParams([["intent", "save"], ["shown", String(person)], ["attended", String(person)], [`hours-${person}`, "6"]]),
      }),
      params: { sessionId: String(sessionId) },
      context: {},
    })) as Response;
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ refusal: "training.attendance.notBegun", checked: [person] });
    expect(await snapshotEveryTable(db)).toEqual(before);
    const page = (await attendanceLoader({ request: new Request(`http://localhost/training/${sessionId}/attendance`, { headers: { Cookie: hrCookie } }), params: { sessionId: String(sessionId) }, context: {} })) as Response;
    expect(await page.json()).toMatchObject({ begun: false });
  });

  it("an import for a session that has not begun is refused as a whole, naming its first day", async () => {
    const sessionId = await createSession(db, actor, sessionInput({ hours: 6, startDate: "2026-11-23", endDate: "2026-11-23" }));
    const text = ["employee_code,hours", "LS034,6", "LS035,3"].join("\n");
    const refused = { status: "invalid", fileErrors: [{ problem: "sessionNotBegun", params: { date: "2026-11-23" } }], rowErrors: [] };
    expect(await previewAttendanceImport(db, sessionId, text, now)).toEqual(refused);
    const before = await snapshotEveryTable(db);
    expect(await commitAttendanceImport(db, actor, { sessionId, text, fingerprint: "x", now })).toEqual(refused);
    expect(await snapshotEveryTable(db)).toEqual(before);
    // On its first day the same file imports.
    const onTheDay = new Date("2026-11-23T02:00:00+07:00");
    const preview = await previewAttendanceImport(db, sessionId, text, onTheDay);
    if (preview.status !== "preview") throw new Error(preview.status);
    expect(await commitAttendanceImport(db, actor, { sessionId, text, fingerprint: preview.preview.fingerprint, now: onTheDay })).toEqual({ status: "committed", added: 2, changed: 0, unchanged: 0 });
  });

  it("a session with attendance cannot move its first day after today; one without can", async () => {
    const person = await findPersonId(db, "LS035");
    const held = await createSession(db, actor, sessionInput({ hours: 6, startDate: "2026-11-19", endDate: "2026-11-19" }));
    expect(await attend(held, person)).toMatchObject({ status: "saved", added: 1 });
    const before = await snapshotEveryTable(db);
    expect(await editSession(db, actor, held, sessionInput({ hours: 6, startDate: "2026-11-22", endDate: "2026-11-22" }), { now })).toBe("startAfterAttendance");
    expect(await snapshotEveryTable(db)).toEqual(before);
    expect(await editSession(db, actor, held, sessionInput({ hours: 6, startDate: "2026-11-21", endDate: "2026-11-21" }), { now })).toBe("saved");
    const empty = await createSession(db, actor, sessionInput({ hours: 6, startDate: "2026-11-19", endDate: "2026-11-19" }));
    expect(await editSession(db, actor, empty, sessionInput({ hours: 6, startDate: "2026-12-01", endDate: "2026-12-01" }), { now })).toBe("saved");
  });
});

describe(`training figures (${engineName})`, () => {
  it("share trained in a fiscal year = people trained that year ÷ people employed during it, also by division", async () => {
    const fiscalYear = 2568;
    const overview = await trainingYearOverview(db, fiscalYear);
    const { firstDay, lastDay } = fiscalYearDates(fiscalYear, THAI_FISCAL_CALENDAR);
    const employed = await queryRows<{ id: number }>(
      db,
      sql`select distinct person_id as id from ${employmentPeriods} where start_date <= ${lastDay} and (end_date is null or end_date >= ${firstDay})`,
    );
    const trained = await queryRows<{ id: number }>(
      db,
      sql`select distinct ta.person_id as id from ${trainingAttendance} ta join ${trainingSessions} ts on ts.id = ta.session_id where ts.fiscal_year = ${fiscalYear}`,
    );
    const employedIds = new Set(employed.map((row) => Number(row.id)));
    const trainedInPopulation = trained.filter((row) => employedIds.has(Number(row.id))).length;
    expect(overview.employed).toBe(employedIds.size);
    expect(overview.employed).toBe(37); // the demo's headcount for FY 2568 (db/seed/data/staff.ts)
    expect(overview.trained).toBe(trainedInPopulation);
    expect(overview.share).toBeCloseTo((trainedInPopulation / employedIds.size) * 100, 10);
    expect(overview.divisions.reduce((sum, division) => sum + division.employed, 0)).toBe(overview.employed);
    expect(overview.divisions.reduce((sum, division) => sum + division.trained, 0)).toBe(overview.trained);
    expect(overview.sessions.length).toBeGreaterThanOrEqual(4);
  });

  it("a person sees their own training and hours per fiscal year", async () => {
    const [account] = await db.select({ id: accounts.id, personId: accounts.personId }).from(accounts).where(eq(accounts.username, "LS025"));
    const cookie = (await startSession(account.id)).split(";")[0];
    const response = (await myTrainingLoader({ request: new Request("http://localhost/training/mine", { headers: { Cookie: cookie } }), params: {}, context: {} })) as Response;
    const data = await response.json();
    expect(data.rows).toEqual(await listPersonTraining(db, account.personId));
    expect(data.rows.length).toBeGreaterThan(0);
    const hours = data.rows.reduce((sum: number, row: { hours: number }) => sum + row.hours, 0);
    expect(data.totals.reduce((sum: number, total: { hours: number }) => sum + total.hours, 0)).toBeCloseTo(hours, 6);
  });
});

describe(`a session's edit form, two HR members at once (${engineName})`, () => {
  const { get, post } = routeClient(() => db);
  type Page = { values: Record<string, string>; session: { version: number } };
  const path = (sessionId: number) => `/training/${sessionId}`;
  const shown = async (sessionId: number) => (await (await get(sessionPageLoader, path(sessionId), "LS004", { sessionId: String(sessionId) })).json()) as Page;
  const save = (sessionId: number, page: Page, change: Record<string, string>, version: number | null = page.session.version) =>
    post(sessionPageAction, path(sessionId), "LS004", { ...page.values, intent: "save", ...change, ...(version === null ? {} : { version: String(version) }) }, { sessionId: String(sessionId) });
  const rowOf = async (sessionId: number) => (await db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)))[0];
  const aSession = () => createSession(db, actor, sessionInput({ title: "การอบรมแก้พร้อมกัน" }));

  it("a save from a form shown before another save is refused (409): nothing written, what was typed kept; saving again works", async () => {
    const sessionId = await aSession();
    const first = await shown(sessionId);
    const second = await shown(sessionId);
    expect((await save(sessionId, first, { hours: "6" })).status).toBe(302);
    const saved = await rowOf(sessionId);
    expect(Number(saved.hours)).toBe(6);

    const stale = await save(sessionId, second, { organiser: "กองคลัง" });
    expect(stale.status).toBe(409);
    const answer = (await stale.json()) as { values: Record<string, string>; refusal: string; version: number };
    expect(await rowOf(sessionId)).toEqual(saved);
    expect(answer).toMatchObject({ refusal: "training.conflict", version: saved.version, values: { organiser: "กองคลัง", hours: second.values.hours } });

    expect((await save(sessionId, { ...second, values: answer.values, session: { version: answer.version } }, { hours: "6" })).status).toBe(302);
    expect(await rowOf(sessionId)).toMatchObject({ organiser: "กองคลัง", version: saved.version + 1 });
    expect((await save(sessionId, await shown(sessionId), { organiser: "สำนักปลัด" }, null)).status).toBe(409);
  });

  it("two saves from forms showing the same version, at the same moment: one is written, the other refused", async () => {
    const sessionId = await aSession();
    const page = await shown(sessionId);
    const answers = await Promise.all([save(sessionId, page, { organiser: "กองช่าง" }), save(sessionId, page, { organiser: "กองการศึกษา" })]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([302, 409]);
    expect(await rowOf(sessionId)).toMatchObject({ organiser: answers[0].status === 302 ? "กองช่าง" : "กองการศึกษา", version: page.session.version + 1 });
  });
});
