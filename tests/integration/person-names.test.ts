import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { accounts, employmentPeriods, fiscalYearSettings, ideaStageEvents, ideas, innovationFollowUps, innovations, people, projects, trainingAttendance, trainingSessions } from "../../db/schema";
import { personNameEn, personNameTh } from "../../app/models/people-sql.server";
import { loader as accountsLoader } from "../../app/routes/admin.accounts._index";
import { loader as accountLoader } from "../../app/routes/admin.accounts.$accountId";
import { loader as participationLoader } from "../../app/routes/admin.participation";
import { loader as drillLoader } from "../../app/routes/dashboard.people";
import { loader as drillCsvLoader } from "../../app/routes/dashboard.people.csv";
import { loader as innovationLoader } from "../../app/routes/innovations.$innovationId._index";
import { loader as trailLoader } from "../../app/routes/innovations.$innovationId.trail";
import { loader as projectsLoader } from "../../app/routes/projects._index";
import { loader as attendanceLoader } from "../../app/routes/training.$sessionId_.attendance";
import { loader as sessionLoader } from "../../app/routes/training.$sessionId";
import { routeClient, type RouteFunction } from "./route-client";
import { engineName, findPersonId, withDemoDatabaseForFile } from "./test-database";

// In English, people show by their English name wherever the roster has one, else by their Thai
// name; in Thai always by their Thai name (PRODUCT.md §5, personDisplayName). Each page below is
// read by its loader as an English and as a Thai reader.

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});
const client = routeClient(() => db);

/** The piyanuch of the demo roster (LS005, committee), with an English name set here. */
const PIYANUCH = { code: "LS005", th: "นางสาวปิยะนุช บุญมา", en: "Piyanuch Boonma" };

async function setEnglishName(code: string, first: string | null, last: string | null): Promise<void> {
  await db.update(people).set({ firstNameEn: first, lastNameEn: last }).where(eq(people.employeeCode, code));
}
async function thaiNameOf(code: string): Promise<string> {
  const [row] = await db.select({ name: personNameTh() }).from(people).where(eq(people.employeeCode, code));
  return row!.name;
}
async function accountIdOf(code: string): Promise<string> {
  const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, code));
  return row!.id;
}
/** The loader's data as `username` reads it in `locale` (the account's own choice of language). */
async function read<T>(fn: RouteFunction, path: string, username: string, locale: "th" | "en", params: Record<string, string> = {}): Promise<T> {
  await db.update(accounts).set({ locale }).where(eq(accounts.username, username));
  const response = await client.get(fn, path, username, params);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

beforeAll(async () => {
  await setEnglishName(PIYANUCH.code, "Piyanuch", "Boonma");
  expect(await thaiNameOf(PIYANUCH.code)).toBe(PIYANUCH.th);
});

describe(`people by their English name in English (${engineName})`, () => {
  it("the models build the English name one way: first and last, whichever the roster has; none without either", async () => {
    const personId = await findPersonId(db, "LS030");
    const englishOf = async (first: string | null, last: string | null) => {
      await db.update(people).set({ firstNameEn: first, lastNameEn: last }).where(eq(people.id, personId));
      const [row] = await db.select({ nameEn: personNameEn() }).from(people).where(eq(people.id, personId));
      return row!.nameEn;
    };
    expect(await englishOf("Somchai", "Jaidee")).toBe("Somchai Jaidee");
    expect(await englishOf("Somchai", null)).toBe("Somchai");
    expect(await englishOf(null, "Jaidee")).toBe("Jaidee");
    expect(await englishOf(" ", "")).toBeNull();
    expect(await englishOf(null, null)).toBeNull();
  });

  it("an innovation's page names who recorded it and each follow-up report", async () => {
    const [innovation] = await db.select({ id: innovations.id }).from(innovations).limit(1);
    const committeeAccount = await accountIdOf(PIYANUCH.code);
    await db.update(innovations).set({ createdByAccountId: committeeAccount }).where(eq(innovations.id, innovation!.id));
    await db.insert(innovationFollowUps).values({ innovationId: innovation!.id, reportedOn: "2026-11-01", observation: "ใช้งานได้ดี", beneficiaries: "", createdByAccountId: committeeAccount });
    type Page = { innovation: { byName: string | null; followUps: { byName: string | null }[] } };
    const path = `/innovations/${innovation!.id}`;
    const params = { innovationId: String(innovation!.id) };
    const english = await read<Page>(innovationLoader, path, "LS025", "en", params);
    expect(english.innovation.byName).toBe(PIYANUCH.en);
    expect(english.innovation.followUps.at(-1)?.byName).toBe(PIYANUCH.en);
    const thai = await read<Page>(innovationLoader, path, "LS025", "th", params);
    expect(thai.innovation.byName).toBe(PIYANUCH.th);
    expect(thai.innovation.followUps.at(-1)?.byName).toBe(PIYANUCH.th);
  });

  it("the evidence trail names who moved each idea and who reported each follow-up; Thai where there is no English name", async () => {
    // An innovation whose project has ideas: every move of them made by the committee member.
    const [row] = await db
      .select({ innovationId: innovations.id, projectId: innovations.projectId })
      .from(innovations)
      .where(sql`exists (select 1 from ${ideas} where ${ideas.projectId} = ${innovations.projectId})`)
      .limit(1);
    const ideaIds = (await db.select({ id: ideas.id }).from(ideas).where(eq(ideas.projectId, row!.projectId))).map((idea) => idea.id);
    await db.update(ideaStageEvents).set({ byAccountId: await accountIdOf(PIYANUCH.code) }).where(inArray(ideaStageEvents.ideaId, ideaIds));
    await db.insert(innovationFollowUps).values({ innovationId: row!.innovationId, reportedOn: "2026-11-02", observation: "ติดตามผล", beneficiaries: "", createdByAccountId: await accountIdOf("LS006") });
    await setEnglishName("LS006", null, null);
    type Event = { byName: string | null } | null;
    type Page = { ideas: { submitted: Event; screening: Event; presentation: Event }[]; innovation: { followUps: { byName: string | null }[] } };
    const path = `/innovations/${row!.innovationId}/trail`;
    const params = { innovationId: String(row!.innovationId) };
    const moversIn = (page: Page) => new Set(page.ideas.flatMap((idea) => [idea.submitted, idea.screening, idea.presentation]).filter((event) => event !== null).map((event) => event.byName));

    const english = await read<Page>(trailLoader, path, "LS025", "en", params);
    expect(moversIn(english)).toEqual(new Set([PIYANUCH.en]));
    expect(english.innovation.followUps.at(-1)?.byName).toBe(await thaiNameOf("LS006"));
    const thai = await read<Page>(trailLoader, path, "LS025", "th", params);
    expect(moversIn(thai)).toEqual(new Set([PIYANUCH.th]));
    expect(thai.innovation.followUps.at(-1)?.byName).toBe(await thaiNameOf("LS006"));
  });

  it("the project list's owner column", async () => {
    const [project] = await db.select({ id: projects.id }).from(projects).limit(1);
    await db.update(projects).set({ ownerPersonId: await findPersonId(db, PIYANUCH.code) }).where(eq(projects.id, project!.id));
    type Page = { projects: { id: number; ownerName: string | null }[] };
    const ownerIn = (page: Page) => page.projects.find((row) => row.id === project!.id)?.ownerName;
    expect(ownerIn(await read<Page>(projectsLoader, "/projects", "LS025", "en"))).toBe(PIYANUCH.en);
    expect(ownerIn(await read<Page>(projectsLoader, "/projects", "LS025", "th"))).toBe(PIYANUCH.th);
  });

  it("a training session's attendance list and its checklist", async () => {
    const [session] = await db
      .select({ id: trainingSessions.id })
      .from(trainingSessions)
      .where(sql`exists (select 1 from ${trainingAttendance} where ${trainingAttendance.sessionId} = ${trainingSessions.id})`)
      .limit(1);
    const [attendee] = await db
      .select({ code: people.employeeCode })
      .from(trainingAttendance)
      .innerJoin(people, eq(people.id, trainingAttendance.personId))
      .where(and(eq(trainingAttendance.sessionId, session!.id), isNotNull(people.id)))
      .limit(1);
    await setEnglishName(attendee!.code, "Attendee", "English");
    const thaiName = await thaiNameOf(attendee!.code);
    const params = { sessionId: String(session!.id) };

    type SessionPage = { attendees: { employeeCode: string; name: string }[] };
    const listed = (page: SessionPage) => page.attendees.find((row) => row.employeeCode === attendee!.code)?.name;
    expect(listed(await read<SessionPage>(sessionLoader, `/training/${session!.id}`, "LS004", "en", params))).toBe("Attendee English");
    expect(listed(await read<SessionPage>(sessionLoader, `/training/${session!.id}`, "LS004", "th", params))).toBe(thaiName);

    type Checklist = { groups: { people: { employeeCode: string; name: string }[] }[] };
    const ticked = (page: Checklist) => page.groups.flatMap((group) => group.people).find((row) => row.employeeCode === attendee!.code)?.name;
    const checklist = `/training/${session!.id}/attendance`;
    expect(ticked(await read<Checklist>(attendanceLoader, checklist, "LS004", "en", params))).toBe("Attendee English");
    expect(ticked(await read<Checklist>(attendanceLoader, checklist, "LS004", "th", params))).toBe(thaiName);
  });

  it("the admin's account list, an account's page and the people who have no account yet", async () => {
    type List = { accounts: { accountId: string; username: string; name: string }[]; peopleWithoutAccount: { employeeCode: string; name: string }[] };
    // Someone employed with no account yet, with an English first name only.
    const [category] = await db.select({ id: people.categoryId }).from(people).limit(1);
    const [newcomer] = await db
      .insert(people)
      .values({ employeeCode: "LS990", prefixTh: "นาย", firstNameTh: "มาใหม่", lastNameTh: "ยังไม่มีบัญชี", firstNameEn: "Newcomer", positionTh: "เจ้าหน้าที่", categoryId: category!.id })
      .returning({ id: people.id });
    await db.insert(employmentPeriods).values({ personId: newcomer!.id, startDate: "2000-01-01" });
    const withoutAccount = { employeeCode: "LS990" };
    const thaiOfNewcomer = "นายมาใหม่ ยังไม่มีบัญชี";

    const english = await read<List>(accountsLoader, "/admin/accounts", "LS006", "en");
    expect(english.accounts.find((row) => row.username === PIYANUCH.code)?.name).toBe(PIYANUCH.en);
    expect(english.peopleWithoutAccount.find((row) => row.employeeCode === withoutAccount!.employeeCode)?.name).toBe("Newcomer");
    const thai = await read<List>(accountsLoader, "/admin/accounts", "LS006", "th");
    expect(thai.accounts.find((row) => row.username === PIYANUCH.code)?.name).toBe(PIYANUCH.th);
    expect(thai.peopleWithoutAccount.find((row) => row.employeeCode === withoutAccount!.employeeCode)?.name).toBe(thaiOfNewcomer);

    // The notice after a create names a real account only: any other text in the address is not echoed.
    type Created = { created: string | null };
    expect((await read<Created>(accountsLoader, `/admin/accounts?created=${PIYANUCH.code}`, "LS006", "th")).created).toBe(PIYANUCH.code);
    expect((await read<Created>(accountsLoader, "/admin/accounts?created=%E0%B9%82%E0%B8%AD%E0%B8%99%E0%B9%80%E0%B8%87%E0%B8%B4%E0%B8%99", "LS006", "th")).created).toBeNull();
    expect((await read<Created>(accountsLoader, "/admin/accounts", "LS006", "th")).created).toBeNull();

    const accountId = await accountIdOf(PIYANUCH.code);
    type Detail = { account: { name: string } };
    expect((await read<Detail>(accountLoader, `/admin/accounts/${accountId}`, "LS006", "en", { accountId })).account.name).toBe(PIYANUCH.en);
    expect((await read<Detail>(accountLoader, `/admin/accounts/${accountId}`, "LS006", "th", { accountId })).account.name).toBe(PIYANUCH.th);
  });

  it("the participation settings name who closed a year", async () => {
    const [year] = await db.select({ fiscalYear: fiscalYearSettings.fiscalYear }).from(fiscalYearSettings).limit(1);
    await db.update(fiscalYearSettings).set({ closedAt: new Date("2026-10-05T03:00:00Z"), closedByAccountId: await accountIdOf(PIYANUCH.code) }).where(eq(fiscalYearSettings.fiscalYear, year!.fiscalYear));
    type Page = { years: { fiscalYearBE: number; closedByName: string | null }[] };
    const closerIn = (page: Page) => page.years.find((row) => row.fiscalYearBE === year!.fiscalYear)?.closedByName;
    expect(closerIn(await read<Page>(participationLoader, "/admin/participation", "LS006", "en"))).toBe(PIYANUCH.en);
    expect(closerIn(await read<Page>(participationLoader, "/admin/participation", "LS006", "th"))).toBe(PIYANUCH.th);
  });

  it("the dashboard's people behind the participation figure, on the page and in its CSV", async () => {
    type Drill = { counted: { employeeCode: string; name: string }[]; notCounted: { employeeCode: string; name: string }[] };
    const everyone = (page: Drill) => [...page.counted, ...page.notCounted];
    const [someone] = everyone(await read<Drill>(drillLoader, "/dashboard/people", "LS001", "th"));
    await setEnglishName(someone!.employeeCode, "Participant", "English");
    const thaiName = await thaiNameOf(someone!.employeeCode);
    const nameIn = (page: Drill) => everyone(page).find((row) => row.employeeCode === someone!.employeeCode)?.name;
    expect(nameIn(await read<Drill>(drillLoader, "/dashboard/people", "LS001", "en"))).toBe("Participant English");
    expect(nameIn(await read<Drill>(drillLoader, "/dashboard/people", "LS001", "th"))).toBe(thaiName);

    const csvAs = async (locale: "th" | "en") => {
      await db.update(accounts).set({ locale }).where(eq(accounts.username, "LS001"));
      const response = await client.get(drillCsvLoader, "/dashboard/people.csv", "LS001");
      expect(response.status).toBe(200);
      return (await response.text()).split("\n").find((line) => line.startsWith(someone!.employeeCode)) ?? "";
    };
    expect(await csvAs("en")).toContain("Participant English");
    expect(await csvAs("th")).toContain(thaiName);
  });
});
