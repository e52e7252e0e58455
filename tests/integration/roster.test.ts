import type { ActionFunctionArgs } from "@remix-run/node";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { startSession } from "../../app/auth/session.server";
import { ROSTER_COLUMNS } from "../../app/domain/roster-import";
import { getPersonDetail } from "../../app/models/roster.server";
import { action as importAction } from "../../app/routes/roster_.import";
import { loader as exportLoader } from "../../app/routes/roster_.export";
import { loader as rosterLoader } from "../../app/routes/roster";
import { action as personAction, loader as personLoader } from "../../app/routes/roster_.$personId";
import { action as editAction, loader as editLoader } from "../../app/routes/roster_.$personId_.edit";
import { commitRosterImport, previewRosterImport } from "../../app/services/roster-import.server";
import { createPerson, createStaffAccount, endEmployment, moveDivision, startEmployment, updatePerson } from "../../app/services/roster-people.server";
import type { Database } from "../../db/client.server";
import { accountRoles, accounts, auditLog, divisionAssignments, divisions, employmentPeriods, people, staffCategories } from "../../db/schema";
import { callRoute, formBody, type RouteFunction } from "./route-client";
import { engineName, findPersonId, snapshotEveryTable, withDemoDatabaseForFile } from "./test-database";

const TODAY = "2026-11-25";
let db: Database;
let hrAccountId: string;
let hrCookie: string;
let actor: { accountId: string; ipAddress: string };
let divisionIdByCode: Map<string, number>;

withDemoDatabaseForFile(async (database) => {
  db = database.handle.db;
  const [hr] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, "LS004"));
  hrAccountId = hr.id;
  hrCookie = (await startSession(hr.id)).split(";")[0];
  actor = { accountId: hrAccountId, ipAddress: "127.0.0.1" };
  divisionIdByCode = new Map((await db.select({ id: divisions.id, code: divisions.code }).from(divisions)).map((row) => [row.code, row.id]));
});

type Row = Record<(typeof ROSTER_COLUMNS)[number], string>;
const person = (index: number, overrides: Partial<Row> = {}): Row => ({
  employee_code: `IM${String(index).padStart(3, "0")}`,
  prefix_th: index % 2 ? "นาย" : "นางสาว",
  first_name_th: ["สมชาย", "กนกพร", "ธนากร", "วาสนา", "อภิชาติ", "เพ็ญศรี"][index % 6],
  last_name_th: ["ใจดี", "ทองคำ", "ศรีสุข", "แก้วมณี"][index % 4],
  first_name_en: "",
  last_name_en: "",
  email: `im${index}@lumsum.go.th`,
  position_th: "ผู้ช่วยเจ้าหน้าที่ธุรการ",
  category_code: "general_employee",
  division_code: ["office", "finance", "engineering", "education", "welfare"][index % 5],
  employment_start: index % 3 === 0 ? "01/10/2568" : "2024-06-01",
  employment_end: "",
  ...overrides,
});
const csv = (rows: Row[]) => [ROSTER_COLUMNS.join(","), ...rows.map((row) => ROSTER_COLUMNS.map((column) => row[column]).join(","))].join("\r\n") + "\r\n";

async function previewAndCommit(text: string) {
  const preview = await previewRosterImport(db, text, TODAY);
  if (preview.status !== "preview") throw new Error(`expected a preview, got ${JSON.stringify(preview)}`);
  const committed = await commitRosterImport(db, actor, { text, fingerprint: preview.preview.fingerprint, today: TODAY, fileName: "roster.csv" });
  return { preview: preview.preview, committed };
}

const uploadRequest = (text: string) => {
  const form = new FormData();
  form.set("intent", "check");
  form.set("file", new File([text], "roster.csv", { type: "text/csv" }));
  return new Request("http://localhost/roster/import", { method: "POST", body: form, headers: { Cookie: hrCookie } });
};

async function callAction(fn: (args: ActionFunctionArgs) => Promise<unknown>, request: Request, params: Record<string, string> = {}): Promise<unknown> {
  try {
    return await fn({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe(`roster import (${engineName})`, () => {
  it("previews, then writes exactly what it previewed, with an audit entry per person", async () => {
    const rows = [person(1), person(2), person(3, { first_name_en: "Thanakorn", last_name_en: "Srisuk" })];
    const { preview, committed } = await previewAndCommit(csv(rows));
    expect(preview).toMatchObject({ addedCount: 3, changedCount: 0, unchangedCount: 0, rowCount: 3 });
    expect(committed).toEqual({ status: "committed", added: 3, changed: 0, unchanged: 0 });
    const imported = await db.select().from(people).where(inArray(people.employeeCode, ["IM001", "IM002", "IM003"])).orderBy(asc(people.employeeCode));
    expect(imported.map((row) => [row.employeeCode, row.firstNameTh, row.firstNameEn])).toEqual([
      ["IM001", "กนกพร", null],
      ["IM002", "ธนากร", null],
      ["IM003", "วาสนา", "Thanakorn"],
    ]);
    const im003 = (await getPersonDetail(db, imported[2].id))!;
    expect(im003.periods).toEqual([{ id: expect.any(Number), start: "2025-10-01", end: null }]);
    expect(im003.assignments.map((assignment) => [assignment.divisionCode, assignment.start, assignment.end])).toEqual([["education", "2025-10-01", null]]);
    const audit = await db.select().from(auditLog).where(inArray(auditLog.action, ["roster.imported", "roster.person_created"]));
    expect(audit.filter((entry) => entry.action === "roster.imported")).toHaveLength(1);
    expect(audit.filter((entry) => entry.action === "roster.person_created").map((entry) => entry.entityId).sort()).toEqual(imported.map((row) => String(row.id)).sort());
    expect(audit.every((entry) => entry.actorAccountId === hrAccountId)).toBe(true);
  });

  it("importing the same file twice changes nothing the second time (every table)", async () => {
    const text = csv([person(11), person(12), person(13)]);
    await previewAndCommit(text);
    const before = await snapshotEveryTable(db);
    const again = await previewAndCommit(text);
    expect(again.preview).toMatchObject({ addedCount: 0, changedCount: 0, unchangedCount: 3 });
    expect(again.committed).toEqual({ status: "committed", added: 0, changed: 0, unchanged: 3 });
    expect(await snapshotEveryTable(db)).toEqual(before);
  });

  it("a file with one bad row anywhere writes nothing and names that row", async () => {
    const good = [person(21), person(22), person(23), person(24)];
    const badRows: [Partial<Row>, string][] = [
      [{ division_code: "planning" }, "unknownDivision"],
      [{ category_code: "contractor" }, "unknownCategory"],
      [{ employment_start: "30/02/2567" }, "badDate"],
      [{ employment_start: "2024-05-02", employment_end: "2024-05-01" }, "endBeforeStart"],
      [{ employee_code: "IM022" }, "duplicateCode"],
      [{ last_name_th: "" }, "required"],
      [{ email: "not-an-email" }, "badEmail"],
    ];
    for (const [position, [change, problem]] of badRows.entries()) {
      const at = position % (good.length + 1);
      const rows = [...good.slice(0, at), person(29, change), ...good.slice(at)];
      const before = await snapshotEveryTable(db);
      const result = await commitRosterImport(db, actor, { text: csv(rows), fingerprint: "whatever", today: TODAY });
      expect(result.status, problem).toBe("invalid");
      if (result.status !== "invalid") continue;
      const badRow = problem === "duplicateCode" ? Math.max(at + 2, 3 + (at <= 1 ? 1 : 0)) : at + 2;
      expect(result.rowErrors.map((error) => [error.row, error.problem]), problem).toEqual([[badRow, problem]]);
      expect(await snapshotEveryTable(db)).toEqual(before);
    }
  });

  it("through the page: a bad row is listed with its number and reason (400), nothing stored", async () => {
    const before = await snapshotEveryTable(db);
    const response = (await callAction(importAction, uploadRequest(`\uFEFF${csv([person(31), person(32, { division_code: "กองคลัง" }), person(33)])}`))) as Response;
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ kind: "invalid", rowErrors: [{ row: 3, column: "division_code", problem: "unknownDivision", value: "กองคลัง" }] });
    expect(await snapshotEveryTable(db)).toEqual(before);

    // Fixed, it previews; the preview carries the file and a fingerprint; committing stores it.
    const fixed = (await callAction(importAction, uploadRequest(csv([person(31), person(32), person(33)])))) as Response;
    expect(fixed.status).toBe(200);
    const preview = await fixed.json();
    expect(preview).toMatchObject({ kind: "preview", stale: false, preview: { addedCount: 3 } });
    expect(await snapshotEveryTable(db)).toEqual(before);
    const commit = new Request("http://localhost/roster/import", {
      method: "POST",
      headers: { Cookie: hrCookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "commit", content: preview.content, fileName: preview.fileName, fingerprint: preview.preview.fingerprint }),
    });
    const committed = (await callAction(importAction, commit)) as Response;
    expect(committed.status).toBe(302);
    expect(committed.headers.get("Location")).toBe("/roster/import?added=3&changed=0&unchanged=0");
    expect(await findPersonId(db, "IM032")).toBeGreaterThan(0);
  });

  it("a file that is not UTF-8 is refused as such", async () => {
    const form = new FormData();
    form.set("file", new File([Uint8Array.from([0x65, 0x6d, 0x70, 0x0a, 0xe4, 0xb7, 0xc2])], "tis620.csv"));
    const response = (await callAction(importAction, new Request("http://localhost/roster/import", { method: "POST", body: form, headers: { Cookie: hrCookie } }))) as Response;
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ kind: "invalid", fileErrors: [{ problem: "notUtf8" }] });
  });

  it("refuses to commit when the roster changed after the preview, and writes nothing", async () => {
    await previewAndCommit(csv([person(41)]));
    const text = csv([person(41, { position_th: "เจ้าพนักงานธุรการ" })]);
    const preview = await previewRosterImport(db, text, TODAY);
    if (preview.status !== "preview") throw new Error("expected a preview");
    // Someone edits the person in between.
    await db.update(people).set({ positionTh: "นักจัดการงานทั่วไป" }).where(eq(people.employeeCode, "IM041"));
    const before = await snapshotEveryTable(db);
    const result = await commitRosterImport(db, actor, { text, fingerprint: preview.preview.fingerprint, today: TODAY });
    expect(result.status).toBe("stale");
    expect(await snapshotEveryTable(db)).toEqual(before);
  });

  it("the same file committed twice at once: one import writes, the other is told the roster changed", async () => {
    const text = csv([person(61), person(62)]);
    const preview = await previewRosterImport(db, text, TODAY);
    if (preview.status !== "preview") throw new Error("expected a preview");
    const results = await Promise.all([1, 2].map(() => commitRosterImport(db, actor, { text, fingerprint: preview.preview.fingerprint, today: TODAY })));
    expect(results.map((result) => result.status).sort()).toEqual(["committed", "stale"]);
    const rows = await db.select({ code: people.employeeCode }).from(people).where(inArray(people.employeeCode, ["IM061", "IM062"]));
    expect(rows).toHaveLength(2);
  });

  it("a changed division for someone employed is a move from today; history is kept; export → import changes nothing", async () => {
    await previewAndCommit(csv([person(51, { division_code: "office", employment_start: "2024-06-01" })]));
    const { committed, preview } = await previewAndCommit(csv([person(51, { division_code: "welfare", email: "new51@lumsum.go.th", employment_start: "2024-06-01" })]));
    expect(preview.changes[0].fields.map((field) => field.column)).toEqual(["email", "division_code"]);
    expect(committed).toMatchObject({ changed: 1 });
    const detail = (await getPersonDetail(db, await findPersonId(db, "IM051")))!;
    expect(detail.assignments.map((assignment) => [assignment.divisionCode, assignment.start, assignment.end])).toEqual([
      ["office", "2024-06-01", "2026-11-24"],
      ["welfare", TODAY, null],
    ]);
    const [updated] = await db.select().from(auditLog).where(and(eq(auditLog.action, "roster.person_updated"), eq(auditLog.entityId, String(detail.personId))));
    expect(updated.details).toMatchObject({ before: { division_code: "office", email: "im51@lumsum.go.th" }, after: { division_code: "welfare", email: "new51@lumsum.go.th" } });

    // The whole roster exported and imported back is a no-op.
    const response = await exportLoader({ request: new Request("http://localhost/roster/export?show=all", { headers: { Cookie: hrCookie } }), params: {}, context: {} });
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const exported = bytes.toString("utf8");
    expect(exported.startsWith("\uFEFFemployee_code,")).toBe(true);
    const again = await previewRosterImport(db, exported, TODAY);
    expect(again).toMatchObject({ status: "preview", preview: { addedCount: 0, changedCount: 0 } });
  });

  it("exports are formula-safe and keep Thai text", async () => {
    const personId = await findPersonId(db, "LS040");
    const detail = (await getPersonDetail(db, personId))!;
    await updatePerson(db, actor, personId, {
      prefixTh: detail.prefixTh,
      firstNameTh: detail.firstNameTh,
      lastNameTh: detail.lastNameTh,
      firstNameEn: "=HYPERLINK(\"http://x\")",
      lastNameEn: "@cmd",
      email: detail.email,
      positionTh: "+นักพัฒนาชุมชน",
      categoryId: detail.categoryId,
    });
    const response = await exportLoader({ request: new Request("http://localhost/roster/export", { headers: { Cookie: hrCookie } }), params: {}, context: {} });
    const text = await response.text();
    const line = text.split("\r\n").find((row) => row.startsWith("LS040,"))!;
    expect(line).toContain("ศศิธร");
    expect(line).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(line).toContain(",'@cmd,");
    expect(line).toContain(",'+นักพัฒนาชุมชน,");
    expect(text.split("\r\n").every((row) => row.split(",").every((cell) => !/^[=+\-@]/.test(cell)))).toBe(true);
    // …and that file imports back unchanged.
    expect(await previewRosterImport(db, text, TODAY)).toMatchObject({ status: "preview", preview: { changedCount: 0, addedCount: 0 } });
  });
});

describe(`roster pages and changes (${engineName})`, () => {
  it("the list is HR's, in Thai order, filtered by fiscal year, division and category, and the read is audited", async () => {
    const load = async (query: string) => {
      const response = (await rosterLoader({ request: new Request(`http://localhost/roster?${query}`, { headers: { Cookie: hrCookie } }), params: {}, context: {} })) as Response;
      return (await response.json()) as { rows: { employeeCode: string; nameTh: string }[] };
    };
    const fy2566 = await load("show=2566");
    const codes = fy2566.rows.map((row) => row.employeeCode);
    // LS022 left on 2023-06-30 (inside FY 2566), LS028 on 2022-09-15 (before it), LS024 joined in 2025.
    expect(codes).toContain("LS022");
    expect(codes).not.toContain("LS028");
    expect(codes).not.toContain("LS024");
    const names = fy2566.rows.map((row) => row.nameTh.replace(/^(นางสาว|นาง|นาย|ว่าที่ร้อยตรีหญิง|ว่าที่ร้อยตรี|จ่าเอก)/, ""));
    expect(names).toEqual([...names].sort(new Intl.Collator("th").compare));
    const finance = await load(`show=all&division=${divisionIdByCode.get("finance")}`);
    expect(finance.rows.map((row) => row.employeeCode)).toEqual(expect.arrayContaining(["LS016", "LS009"]));
    const [category] = await db.select({ id: staffCategories.id }).from(staffCategories).where(eq(staffCategories.code, "permanent_employee"));
    const permanent = await load(`category=${category.id}`);
    expect(permanent.rows.map((row) => row.employeeCode).sort()).toEqual(["LS010", "LS011", "LS029"]);
    const [viewed] = await db.select().from(auditLog).where(eq(auditLog.action, "roster.viewed")).orderBy(desc(auditLog.id)).limit(1);
    expect(viewed.actorAccountId).toBe(hrAccountId);
  });

  it("opening a person is audited", async () => {
    const personId = await findPersonId(db, "LS025");
    const response = (await personLoader({ request: new Request(`http://localhost/roster/${personId}`, { headers: { Cookie: hrCookie } }), params: { personId: String(personId) }, context: {} })) as Response;
    expect(response.status).toBe(200);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, "roster.person_viewed"), eq(auditLog.entityId, String(personId))));
    expect(entry.actorAccountId).toBe(hrAccountId);
  });

  it("adding a person: a code already used (in any case) is refused; the new person is audited", async () => {
    const input = {
      employeeCode: "LS041",
      prefixTh: "นาย",
      firstNameTh: "ภูมิ",
      lastNameTh: "ใจงาม",
      firstNameEn: null,
      lastNameEn: null,
      email: null,
      positionTh: "นักวิชาการศึกษา",
      categoryId: (await db.select({ id: staffCategories.id }).from(staffCategories).limit(1))[0].id,
      divisionId: divisionIdByCode.get("education")!,
      employmentStart: "2026-11-01",
      employmentEnd: null,
    };
    const created = await createPerson(db, actor, input);
    expect(created.ok).toBe(true);
    expect(await createPerson(db, actor, { ...input, employeeCode: "ls041".toUpperCase() })).toEqual({ ok: false, fieldErrors: { employeeCode: "rosterHr.error.codeTaken" } });
    if (!created.ok) return;
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, "roster.person_created"), eq(auditLog.entityId, String(created.personId))));
    expect(entry.details).toMatchObject({ employeeCode: "LS041" });

    // HR opens a staff-only account for them; the password must be changed at first sign-in.
    const account = await createStaffAccount(db, actor, { personId: created.personId, initialPassword: "เริ่มต้นใหม่2569", today: TODAY });
    expect(account).toEqual({ ok: true, username: "LS041" });
    const [row] = await db.select().from(accounts).where(eq(accounts.personId, created.personId));
    expect(row.mustChangePassword).toBe(true);
    expect((await db.select({ role: accountRoles.role }).from(accountRoles).where(eq(accountRoles.accountId, row.id))).map((r) => r.role)).toEqual(["staff"]);
    expect(await createStaffAccount(db, actor, { personId: created.personId, initialPassword: "อีกครั้งหนึ่ง2569", today: TODAY })).toEqual({ ok: false, error: "accounts.personTaken" });
    // Someone who has left gets no account.
    expect(await createStaffAccount(db, actor, { personId: await findPersonId(db, "LS007"), initialPassword: "longenough1", today: TODAY })).toEqual({
      ok: false,
      error: "rosterHr.error.notEmployedToday",
    });
  });

  it("moving division closes the current assignment the day before and opens a new one; history and audit kept", async () => {
    const personId = await findPersonId(db, "LS027");
    const divisionCodeById = new Map([...divisionIdByCode].map(([code, id]) => [id, code]));
    expect(await moveDivision(db, actor, personId, { divisionId: divisionIdByCode.get("engineering")!, rawEffectiveDate: "01/12/2569", divisionCodeById })).toEqual({
      ok: false,
      field: "divisionId",
      error: "rosterHr.error.sameDivision",
    });
    expect(await moveDivision(db, actor, personId, { divisionId: divisionIdByCode.get("office")!, rawEffectiveDate: "01/02/2563", divisionCodeById })).toMatchObject({
      ok: false,
      error: "rosterHr.error.moveBeforeCurrent",
    });
    expect(await moveDivision(db, actor, personId, { divisionId: divisionIdByCode.get("office")!, rawEffectiveDate: "01/12/2569", divisionCodeById })).toEqual({ ok: true });
    const rows = await db
      .select({ code: divisions.code, start: divisionAssignments.startDate, end: divisionAssignments.endDate })
      .from(divisionAssignments)
      .innerJoin(divisions, eq(divisions.id, divisionAssignments.divisionId))
      .where(eq(divisionAssignments.personId, personId))
      .orderBy(asc(divisionAssignments.startDate));
    expect(rows).toEqual([
      { code: "engineering", start: "2020-02-01", end: "2026-11-30" },
      { code: "office", start: "2026-12-01", end: null },
    ]);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, "roster.division_moved"), eq(auditLog.entityId, String(personId))));
    expect(entry.details).toMatchObject({ before: { division: "engineering", since: "2020-02-01" }, after: { division: "office", since: "2026-12-01" } });
  });

  it("ending employment ends the last assignment too; coming back opens a new period and assignment", async () => {
    const personId = await findPersonId(db, "LS030");
    expect(await endEmployment(db, actor, personId, "2010-01-01")).toEqual({ ok: false, field: "endDate", error: "rosterHr.error.endBeforeStart" });
    expect(await endEmployment(db, actor, personId, "31/12/2569")).toEqual({ ok: true });
    const divisionCodeById = new Map([...divisionIdByCode].map(([code, id]) => [id, code]));
    expect(await startEmployment(db, actor, personId, { rawStartDate: "2026-12-15", divisionId: divisionIdByCode.get("welfare")!, divisionCodeById })).toMatchObject({
      ok: false,
      error: "rosterHr.error.startBeforeLastEnd",
    });
    expect(await startEmployment(db, actor, personId, { rawStartDate: "2027-02-01", divisionId: divisionIdByCode.get("welfare")!, divisionCodeById })).toEqual({ ok: true });
    const detail = (await getPersonDetail(db, personId))!;
    expect(detail.periods.map((period) => [period.start, period.end])).toEqual([
      ["2018-04-01", "2026-12-31"],
      ["2027-02-01", null],
    ]);
    expect(detail.assignments.map((assignment) => [assignment.divisionCode, assignment.start, assignment.end])).toEqual([
      ["engineering", "2018-04-01", "2026-12-31"],
      ["welfare", "2027-02-01", null],
    ]);
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(personId)))).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["roster.employment_ended", "roster.employment_started"]));
  });

  it("the person page's forms keep what was typed and say what is wrong (400)", async () => {
    const personId = await findPersonId(db, "LS033");
    const before = await snapshotEveryTable(db);
    const request = new Request(`http://localhost/roster/${personId}`, {
      method: "POST",
      headers: { Cookie: hrCookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "move", divisionId: String(divisionIdByCode.get("finance")), effectiveDate: "31/02/2569" }),
    });
    const response = (await callAction(personAction, request, { personId: String(personId) })) as Response;
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ intent: "move", field: "effectiveDate", error: "rosterHr.error.badDate", values: { effectiveDate: "31/02/2569" } });
    expect(await snapshotEveryTable(db)).toEqual(before);
  });

  it("the employment period constraint still holds underneath (end before start is refused by the database)", async () => {
    const personId = await findPersonId(db, "LS035");
    await expect(db.execute(sql`update ${employmentPeriods} set end_date = '2000-01-01' where person_id = ${personId}`)).rejects.toThrow();
  });
});

describe(`two HR members (or a tab and an import) change the same person's details (${engineName})`, () => {
  type EditPage = { values: Record<string, string>; version: number };
  type EditAnswer = { values: Record<string, string>; version: number | null; conflict: Record<string, string> | null };
  const editRequest = (personId: number, fields?: Record<string, string>) =>
    new Request(`http://localhost/roster/${personId}/edit`, fields ? { method: "POST", headers: { Cookie: hrCookie }, body: formBody(fields) } : { headers: { Cookie: hrCookie } });
  const shown = async (personId: number) =>
    (await (await callRoute(editLoader as RouteFunction, editRequest(personId), { personId: String(personId) })).json()) as EditPage;
  const save = (personId: number, fields: Record<string, string>) => callRoute(editAction as RouteFunction, editRequest(personId, fields), { personId: String(personId) });
  const detailsOf = async (personId: number) => (await db.select().from(people).where(eq(people.id, personId)))[0];
  const posted = (page: EditPage, change: Record<string, string>, version: number | null = page.version) => ({
    ...page.values,
    ...change,
    ...(version === null ? {} : { version: String(version) }),
  });

  it("a save from a form shown before another save is refused (409): nothing written, what was typed kept, what is saved shown; saving again works", async () => {
    await previewAndCommit(csv([person(71)]));
    const personId = await findPersonId(db, "IM071");
    const tabA = await shown(personId);
    const tabB = await shown(personId);
    expect((await save(personId, posted(tabA, { positionTh: "นักวิชาการคอมพิวเตอร์" }))).status).toBe(302);
    const saved = await detailsOf(personId);
    expect(saved.positionTh).toBe("นักวิชาการคอมพิวเตอร์");

    const stale = await save(personId, posted(tabB, { email: "typed71@lumsum.go.th" }));
    expect(stale.status).toBe(409);
    const answer = (await stale.json()) as EditAnswer;
    expect(await detailsOf(personId)).toEqual(saved);
    expect(answer.values).toMatchObject({ email: "typed71@lumsum.go.th", positionTh: tabB.values.positionTh });
    expect(answer.conflict).toMatchObject({ positionTh: "นักวิชาการคอมพิวเตอร์", email: tabB.values.email });
    expect(answer.version).toBe(saved.version);

    expect((await save(personId, { ...answer.values, version: String(answer.version) })).status).toBe(302);
    expect(await detailsOf(personId)).toMatchObject({ email: "typed71@lumsum.go.th", version: saved.version + 1 });
    // A post without a version (a form from before versions) is refused the same way.
    expect((await save(personId, posted(await shown(personId), { email: "x71@lumsum.go.th" }, null))).status).toBe(409);
  });

  it("a roster import that changes the person makes an edit form shown before it stale", async () => {
    await previewAndCommit(csv([person(72)]));
    const personId = await findPersonId(db, "IM072");
    const form = await shown(personId);
    await previewAndCommit(csv([person(72, { position_th: "เจ้าพนักงานพัสดุ" })]));
    const imported = await detailsOf(personId);
    expect(imported.positionTh).toBe("เจ้าพนักงานพัสดุ");
    // Saved from the form as shown, this would silently put the old position back.
    expect((await save(personId, posted(form, { email: "im72.new@lumsum.go.th" }))).status).toBe(409);
    expect(await detailsOf(personId)).toEqual(imported);
  });

  it("two saves from forms showing the same version, at the same moment: one is written, the other refused", async () => {
    await previewAndCommit(csv([person(73)]));
    const personId = await findPersonId(db, "IM073");
    const form = await shown(personId);
    const answers = await Promise.all([save(personId, posted(form, { positionTh: "ตำแหน่งจากแท็บแรก" })), save(personId, posted(form, { positionTh: "ตำแหน่งจากแท็บที่สอง" }))]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([302, 409]);
    const winner = answers[0].status === 302 ? "ตำแหน่งจากแท็บแรก" : "ตำแหน่งจากแท็บที่สอง";
    expect(await detailsOf(personId)).toMatchObject({ positionTh: winner, version: form.version + 1 });
  });
});
