import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { employmentPeriods, ideas, people, plans, projectMembers, projects, staffCategories } from "../../db/schema";
import { action as editProjectAction, loader as editProjectLoader } from "../../app/routes/projects.$projectId.edit";
import { action as newProjectAction, loader as newProjectLoader } from "../../app/routes/projects.new";
import { action as reviewAction, loader as reviewLoader } from "../../app/routes/committee.ideas.$ideaId";
import { listStaffOn } from "../../app/models/people.server";
import { emptyIdeaFormValues, parseIdeaForm } from "../../app/services/idea-form.server";
import { resolvePeople, resolvePerson, STAFF_DATALIST_LIMIT } from "../../app/services/person-lookup.server";
import { routeClient } from "./route-client";
import { engineName, findPersonId, withDemoDatabaseForFile } from "./test-database";

// The owner and team pickers of the project form and of the committee's approval: the whole
// staff is offered (a datalist, a checklist) while it is small, nothing past 500 people (the
// person types, and person-lookup.server resolves what was typed). Both sides of the limit, as
// in idea-form-options.test.ts. The routes use today's date, so employment here is relative to
// the real today (staff added below are employed from 2025 on; the leaver left in 2025).

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});

const { get, post } = routeClient(() => db);
const COMMITTEE = "LS005";

type ProjectFormData = {
  staffListed: boolean;
  staffOptions: { code: string; name: string }[];
  values: { owner: string; members: string[] };
  /** The edit form's version (the new-project form has none). */
  version?: number;
};
type ProjectActionData = { fieldErrors: Record<string, string>; memberProblems: { text: string; problem: string }[]; values: { owner: string; members: string[] } };

const today = () => new Date().toISOString().slice(0, 10);
const ideaIdOfKey = async (key: string) => (await db.select({ id: ideas.id }).from(ideas).where(eq(ideas.submissionToken, `seed:${key}`)))[0].id;
const planIdOf = async (code: string) => (await db.select({ id: plans.id }).from(plans).where(eq(plans.code, code)))[0].id;
const codesOf = async (personIds: number[]) =>
  personIds.length === 0 ? [] : (await db.select({ code: people.employeeCode }).from(people).where(sql`${people.id} in ${personIds}`)).map((row) => row.code).sort();

async function projectFields(overrides: Record<string, string | string[]>): Promise<Record<string, string | string[]>> {
  return { nameTh: "โครงการทดสอบตัวเลือกบุคลากร", planId: String(await planIdOf("2.1")), budget: "10000", startDate: "2027-01-04", endDate: "2027-09-30", ...overrides };
}

/** The new project's owner and team, by employee code. */
async function peopleOfProject(location: string | null): Promise<{ owner: string; members: string[] }> {
  const projectId = Number(/^\/projects\/(\d+)\?/.exec(location ?? "")?.[1]);
  const [project] = await db.select({ ownerPersonId: projects.ownerPersonId }).from(projects).where(eq(projects.id, projectId));
  const members = await db.select({ personId: projectMembers.personId }).from(projectMembers).where(eq(projectMembers.projectId, projectId));
  return { owner: (await codesOf([project.ownerPersonId!]))[0], members: await codesOf(members.map((member) => member.personId)) };
}

describe(`staff pickers with a small staff (${engineName})`, () => {
  it("the project form lists everyone employed today, as a datalist and a checklist", async () => {
    const response = await get(newProjectLoader, "/projects/new", COMMITTEE);
    const data = (await response.json()) as ProjectFormData;
    const employed = await listStaffOn(db, today());
    expect(data.staffListed).toBe(true);
    expect(data.staffOptions.map((person) => person.code).sort()).toEqual(employed.map((person) => person.employeeCode).sort());
    expect(data.staffOptions.some((person) => person.code === "LS007")).toBe(false); // left in 2025
    expect(data.staffOptions).toContainEqual({ code: "LS040", name: "นางสาวศศิธร ยิ้มแย้ม" });
  });

  it("a ticked checklist and a typed owner make the project; the owner ticked as well is folded", async () => {
    const created = await post(newProjectAction, "/projects/new", COMMITTEE, await projectFields({ owner: "LS039", member: ["LS040", "LS038", "LS039"] }));
    expect(created.status).toBe(302);
    expect(await peopleOfProject(created.headers.get("Location"))).toEqual({ owner: "LS039", members: ["LS038", "LS040"] });
  });

  it("the edit form is prefilled with “code name” for the owner and each member", async () => {
    const [project] = await db.select({ id: projects.id }).from(projects).where(eq(projects.ownerPersonId, await findPersonId(db, "LS040"))).limit(1);
    const response = await get(editProjectLoader, `/projects/${project.id}/edit`, COMMITTEE, { projectId: String(project.id) });
    const data = (await response.json()) as ProjectFormData;
    expect(data.values.owner).toBe("LS040 นางสาวศศิธร ยิ้มแย้ม");
    expect(data.values.members.length).toBeGreaterThan(0);
    for (const line of data.values.members) expect(line).toMatch(/^LS\d{3} \S/);
  });

  it("the review page offers the staff as the approval owner's datalist", async () => {
    const ideaId = await ideaIdOfKey("I044");
    const response = await get(reviewLoader, `/committee/ideas/${ideaId}`, COMMITTEE, { ideaId: String(ideaId) });
    const data = (await response.json()) as { moveOptions: { staff: string[] } };
    expect(data.moveOptions.staff).toContain("LS040 นางสาวศศิธร ยิ้มแย้ม");
  });
});

describe(`staff pickers past ${STAFF_DATALIST_LIMIT} people (${engineName})`, () => {
  let leaverId = 0;
  beforeAll(async () => {
    const [category] = await db.select({ id: staffCategories.id }).from(staffCategories).limit(1);
    const person = (code: string, firstNameTh: string, lastNameTh: string, english?: [string, string]) => ({
      employeeCode: code,
      prefixTh: "นาย",
      firstNameTh,
      lastNameTh,
      firstNameEn: english?.[0] ?? null,
      lastNameEn: english?.[1] ?? null,
      positionTh: "เจ้าหน้าที่",
      categoryId: category.id,
    });
    const added = await db
      .insert(people)
      .values([
        ...Array.from({ length: STAFF_DATALIST_LIMIT }, (_, index) => person(`BIG${String(index).padStart(4, "0")}`, `พนักงาน${index}`, "ทดสอบ")),
        person("TWIN0001", "สมหมาย", "ชื่อซ้ำกัน"),
        person("TWIN0002", "สมหมาย", "ชื่อซ้ำกัน"),
        person("ENG0001", "เซฟีรีน", "ควอกกา", ["Zephyrine", "Quokka"]),
        // Codes the roster takes that are not letters-then-digits.
        person("10234", "รหัส", "ตัวเลขล้วน"),
        person("E2E-A01", "รหัส", "มีขีดกลาง"),
      ])
      .returning({ id: people.id });
    await db.insert(employmentPeriods).values(added.map((row) => ({ personId: row.id, startDate: "2025-01-01" })));
    const [leaver] = await db.insert(people).values(person("OLD0001", "ลาออก", "ไปแล้ว")).returning({ id: people.id });
    leaverId = leaver.id;
    await db.insert(employmentPeriods).values({ personId: leaver.id, startDate: "2020-01-01", endDate: "2025-06-30" });
    expect((await listStaffOn(db, today())).length).toBeGreaterThan(STAFF_DATALIST_LIMIT + 1);
  });

  it("the project form sends no staff: no datalist, no checklist, only a typed team", async () => {
    const response = await get(newProjectLoader, "/projects/new", COMMITTEE);
    const body = await response.text();
    const data = JSON.parse(body) as ProjectFormData;
    expect(data.staffListed).toBe(false);
    expect(data.staffOptions).toEqual([]);
    expect(body).not.toContain("BIG0");
    expect(body).not.toContain("LS040");
  });

  it("the edit form sends no staff either, and still shows the project's own people as typed lines", async () => {
    const [project] = await db.select({ id: projects.id }).from(projects).where(eq(projects.ownerPersonId, await findPersonId(db, "LS040"))).limit(1);
    const response = await get(editProjectLoader, `/projects/${project.id}/edit`, COMMITTEE, { projectId: String(project.id) });
    const data = (await response.json()) as ProjectFormData;
    expect(data.staffListed).toBe(false);
    expect(data.staffOptions).toEqual([]);
    expect(data.values.owner).toBe("LS040 นางสาวศศิธร ยิ้มแย้ม");
  });

  it("the review page sends no staff for the approval owner", async () => {
    const ideaId = await ideaIdOfKey("I044");
    const response = await get(reviewLoader, `/committee/ideas/${ideaId}`, COMMITTEE, { ideaId: String(ideaId) });
    const body = await response.text();
    expect((JSON.parse(body) as { moveOptions: { staff: string[] } }).moveOptions.staff).toEqual([]);
    expect(body).not.toContain("BIG0");
  });

  it("resolves a code, “code name”, a unique Thai or English name; refuses an ambiguous name, an unknown one and a leaver", async () => {
    const employed = { employedOn: today() };
    const big7 = await findPersonId(db, "BIG0007");
    expect(await resolvePerson(db, "BIG0007", employed)).toEqual({ ok: true, personId: big7 });
    expect(await resolvePerson(db, " big0007 ", employed)).toEqual({ ok: true, personId: big7 });
    expect(await resolvePerson(db, "BIG0007 นายพนักงาน7 ทดสอบ", employed)).toEqual({ ok: true, personId: big7 });
    expect(await resolvePerson(db, "พนักงาน123  ทดสอบ", employed)).toEqual({ ok: true, personId: await findPersonId(db, "BIG0123") });
    expect(await resolvePerson(db, "นายพนักงาน123 ทดสอบ", employed)).toEqual({ ok: true, personId: await findPersonId(db, "BIG0123") });
    expect(await resolvePerson(db, "zephyrine quokka", employed)).toEqual({ ok: true, personId: await findPersonId(db, "ENG0001") });
    // Any code the roster takes can be typed; a code-shaped word that is nobody's code is a name.
    expect(await resolvePerson(db, "10234", employed)).toEqual({ ok: true, personId: await findPersonId(db, "10234") });
    expect(await resolvePerson(db, "10234 นายรหัส ตัวเลขล้วน", employed)).toEqual({ ok: true, personId: await findPersonId(db, "10234") });
    expect(await resolvePerson(db, "e2e-a01 นายรหัส มีขีดกลาง", employed)).toEqual({ ok: true, personId: await findPersonId(db, "E2E-A01") });
    expect(await resolvePerson(db, "Zephyrine", employed)).toEqual({ ok: true, personId: await findPersonId(db, "ENG0001") });
    expect(await resolvePerson(db, "สมหมาย ชื่อซ้ำกัน", employed)).toEqual({ ok: false, problem: "ambiguous" });
    expect(await resolvePerson(db, "พนักงาน12", employed)).toEqual({ ok: false, problem: "ambiguous" });
    expect(await resolvePerson(db, "ไม่มีใครชื่อนี้", employed)).toEqual({ ok: false, problem: "unknown" });
    expect(await resolvePerson(db, "XYZ9999", employed)).toEqual({ ok: false, problem: "unknown" });
    expect(await resolvePerson(db, "100%_", employed)).toEqual({ ok: false, problem: "unknown" });
    expect(await resolvePerson(db, "OLD0001", employed)).toEqual({ ok: false, problem: "notEmployed" });
    expect(await resolvePerson(db, "ลาออก ไปแล้ว", employed)).toEqual({ ok: false, problem: "notEmployed" });
    // Someone already on the project may stay; without a day (co-authors), anyone on the roster.
    expect(await resolvePerson(db, "OLD0001", { ...employed, alsoPersonIds: [leaverId] })).toEqual({ ok: true, personId: leaverId });
    expect(await resolvePerson(db, "OLD0001")).toEqual({ ok: true, personId: leaverId });
    // Lines: blanks skipped, the same person once however typed.
    expect(await resolvePeople(db, ["BIG0001", "", "  ", "big0001", "BIG0001 นายพนักงาน1 ทดสอบ", "ไม่มีใครชื่อนี้"], employed)).toEqual({
      personIds: [await findPersonId(db, "BIG0001")],
      problems: [{ text: "ไม่มีใครชื่อนี้", problem: "unknown" }],
    });
  });

  it("the idea form's co-authors go through the same resolver, with its own messages (anyone on the roster, as before)", async () => {
    const values = {
      ...emptyIdeaFormValues(),
      title: "ไอเดียทดสอบผู้ร่วมเสนอ",
      problem: "ปัญหาที่ต้องแก้ไขให้ได้",
      solution: "วิธีแก้ปัญหาที่เสนอไว้",
      benefit: "ประโยชน์ที่ประชาชนจะได้รับ",
    };
    const submitter = await findPersonId(db, "LS025");
    const ok = await parseIdeaForm(db, { ...values, coAuthors: ["big0005 นายพนักงาน5 ทดสอบ", "Zephyrine Quokka", "OLD0001"] }, submitter);
    expect(ok).toMatchObject({ ok: true, input: { coAuthorPersonIds: [await findPersonId(db, "BIG0005"), await findPersonId(db, "ENG0001"), leaverId] } });
    const refused = await parseIdeaForm(db, { ...values, coAuthors: ["สมหมาย ชื่อซ้ำกัน", "ไม่มีใครชื่อนี้", "LS025"] }, submitter);
    expect(refused).toEqual({
      ok: false,
      fieldErrors: { coAuthor0: "ideas.error.coAuthorAmbiguous", coAuthor1: "ideas.error.coAuthorUnknown", coAuthor2: "ideas.error.coAuthorSelf" },
    });
  });

  it("a typed owner and a typed team make the project: blank lines skipped, duplicates and the owner folded", async () => {
    const created = await post(
      newProjectAction,
      "/projects/new",
      COMMITTEE,
      await projectFields({ owner: "BIG0010 นายพนักงาน10 ทดสอบ", members: "BIG0011\r\n\r\nพนักงาน123 ทดสอบ\r\nbig0011\r\nBIG0010\r\nZephyrine Quokka\r\n" }),
    );
    expect(created.status).toBe(302);
    expect(await peopleOfProject(created.headers.get("Location"))).toEqual({ owner: "BIG0010", members: ["BIG0011", "BIG0123", "ENG0001"] });
  });

  it("refuses an unknown, ambiguous or departed owner, and names each bad team line; what was typed comes back", async () => {
    const before = (await db.select({ count: sql<number>`count(*)::int` }).from(projects))[0].count;
    const typedMembers = "BIG0001\nสมหมาย ชื่อซ้ำกัน\nไม่มีใครชื่อนี้\nOLD0001";
    for (const [owner, error] of [
      ["OLD0001", "projects.error.personNotEmployed"],
      ["สมหมาย ชื่อซ้ำกัน", "projects.error.personAmbiguous"],
      ["ไม่มีใครชื่อนี้", "projects.error.personUnknown"],
    ] as const) {
      const refused = await post(newProjectAction, "/projects/new", COMMITTEE, await projectFields({ owner, members: typedMembers }));
      expect(refused.status).toBe(400);
      const data = (await refused.json()) as ProjectActionData;
      expect(data.fieldErrors.owner).toBe(error);
      expect(data.fieldErrors.members).toBe("projects.error.memberLines");
      expect(data.memberProblems).toEqual([
        { text: "สมหมาย ชื่อซ้ำกัน", problem: "projects.error.personAmbiguous" },
        { text: "ไม่มีใครชื่อนี้", problem: "projects.error.personUnknown" },
        { text: "OLD0001", problem: "projects.error.personNotEmployed" },
      ]);
      expect(data.values).toMatchObject({ owner, members: typedMembers.split("\n") });
    }
    const blank = await post(newProjectAction, "/projects/new", COMMITTEE, await projectFields({ owner: "  ", members: "" }));
    expect(((await blank.json()) as ProjectActionData).fieldErrors).toEqual({ owner: "projects.error.ownerRequired" });
    const tooMany = await post(newProjectAction, "/projects/new", COMMITTEE, await projectFields({ owner: "BIG0010", members: Array.from({ length: 40 }, (_, index) => `BIG02${String(index).padStart(2, "0")}`).join("\n") }));
    expect(((await tooMany.json()) as ProjectActionData).fieldErrors).toEqual({ members: "projects.error.tooManyMembers" });
    expect((await db.select({ count: sql<number>`count(*)::int` }).from(projects))[0].count).toBe(before);
  });

  it("an edit keeps an owner and a member who have since left; a new leaver is refused", async () => {
    const created = await post(newProjectAction, "/projects/new", COMMITTEE, await projectFields({ owner: "BIG0020", members: "BIG0021" }));
    const projectId = Number(/^\/projects\/(\d+)\?/.exec(created.headers.get("Location") ?? "")?.[1]);
    // The owner and the member leave after the project was set up.
    await db.update(projects).set({ ownerPersonId: leaverId }).where(eq(projects.id, projectId));
    await db.insert(projectMembers).values({ projectId, personId: await findPersonId(db, "LS007") });
    const path = `/projects/${projectId}/edit`;
    const params = { projectId: String(projectId) };
    const form = (await (await get(editProjectLoader, path, COMMITTEE, params)).json()) as ProjectFormData;
    expect(form.values.owner).toBe("OLD0001 นายลาออก ไปแล้ว");
    // Each save carries the version its form showed (a stale one is refused: edit-conflicts.test.ts).
    const saved = await post(editProjectAction, path, COMMITTEE, await projectFields({ owner: form.values.owner, members: form.values.members.join("\n"), progress: "0", status: "planned", version: String(form.version) }), params);
    expect(saved.status).toBe(302);
    expect(await peopleOfProject(`/projects/${projectId}?done=saved`)).toEqual({ owner: "OLD0001", members: ["BIG0021", "LS007"] });
    // The owner listed as a member too is folded.
    const savedForm = (await (await get(editProjectLoader, path, COMMITTEE, params)).json()) as ProjectFormData;
    const folded = await post(editProjectAction, path, COMMITTEE, await projectFields({ owner: "OLD0001", members: "LS007\nOLD0001", progress: "0", status: "planned", version: String(savedForm.version) }), params);
    expect(folded.status).toBe(302);
    expect(await peopleOfProject(`/projects/${projectId}?done=saved`)).toEqual({ owner: "OLD0001", members: ["LS007"] });

    // On another project, the same leavers cannot be added.
    const other = await post(newProjectAction, "/projects/new", COMMITTEE, await projectFields({ owner: "BIG0030", members: "" }));
    const otherId = Number(/^\/projects\/(\d+)\?/.exec(other.headers.get("Location") ?? "")?.[1]);
    const refused = await post(
      editProjectAction,
      `/projects/${otherId}/edit`,
      COMMITTEE,
      await projectFields({ owner: "OLD0001", members: "LS007", progress: "0", status: "planned", version: "0" }),
      { projectId: String(otherId) },
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      fieldErrors: { owner: "projects.error.personNotEmployed", members: "projects.error.memberLines" },
      memberProblems: [{ text: "LS007", problem: "projects.error.personNotEmployed" }],
    });
  });

  it("the approval owner is typed: a leaver is refused beside the field, a unique name makes the project", async () => {
    const ideaId = await ideaIdOfKey("I036");
    const path = `/committee/ideas/${ideaId}`;
    const params = { ideaId: String(ideaId) };
    const fields = {
      intent: "move",
      from: "committee_review",
      to: "approved",
      projectMode: "new",
      nameTh: "โครงการจากการอนุมัติ ทดสอบเจ้าของพิมพ์ชื่อ",
      planId: String(await planIdOf("2.1")),
      budget: "5000",
      startDate: "2026-12-01",
      endDate: "2027-05-31",
      meetingNumber: "ครั้งที่ 9/2569",
      meetingDate: "2026-11-24",
    };
    const leaver = await post(reviewAction, path, COMMITTEE, { ...fields, owner: "OLD0001 นายลาออก ไปแล้ว" }, params);
    expect(leaver.status).toBe(400);
    expect(await leaver.json()).toMatchObject({ fieldErrors: { owner: "projects.error.personNotEmployed" }, values: { owner: "OLD0001 นายลาออก ไปแล้ว" } });
    const ambiguous = await post(reviewAction, path, COMMITTEE, { ...fields, owner: "สมหมาย ชื่อซ้ำกัน" }, params);
    expect(await ambiguous.json()).toMatchObject({ fieldErrors: { owner: "projects.error.personAmbiguous" } });
    const missing = await post(reviewAction, path, COMMITTEE, { ...fields, owner: "" }, params);
    expect(await missing.json()).toMatchObject({ fieldErrors: { owner: "projects.error.ownerRequired" } });
    const ok = await post(reviewAction, path, COMMITTEE, { ...fields, owner: "Zephyrine Quokka" }, params);
    expect(ok.status).toBe(302);
    const [idea] = await db.select({ projectId: ideas.projectId }).from(ideas).where(eq(ideas.id, ideaId));
    const [project] = await db.select({ ownerPersonId: projects.ownerPersonId }).from(projects).where(eq(projects.id, idea.projectId!));
    expect(project.ownerPersonId).toBe(await findPersonId(db, "ENG0001"));
  });
});
