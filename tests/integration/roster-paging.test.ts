import { and, asc, desc, eq, inArray, like, sql } from "drizzle-orm";
import { compareThai } from "../../app/i18n/format";
import { loader as divisionLoader } from "../../app/routes/division";
import { loader as exportLoader } from "../../app/routes/roster_.export";
import { loader as rosterLoader } from "../../app/routes/roster";
import { findPeople } from "../../app/models/people.server";
import { personMatchesSearch, personNameContains } from "../../app/models/people-sql.server";
import { listRosterPage, requestedPage, ROSTER_PAGE_SIZE } from "../../app/services/roster-list.server";
import type { Database } from "../../db/client.server";
import { auditLog, divisionAssignments, divisions, employmentPeriods, people, staffCategories } from "../../db/schema";
import { routeClient } from "./route-client";
import { engineName, queryRows, withDemoDatabaseForFile } from "./test-database";

// HR's roster one page at a time (decision 018): ordered and paged in the database in Thai name
// order (first then last name, the order of Intl.Collator("th"), then id), searched by code or
// name, with the filters kept from page to page. The demo organisation (40 people) plus 257
// added here, so the list runs to three pages and ordering meets the hard cases of Thai: leading
// vowels, tone marks, ฤ/ฤๅ, spaces and punctuation inside a name, names that are the start of
// another, and people who share a whole name (kept apart by id).

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});
const { get } = routeClient(() => db);
const HR = "LS004";

type RosterData = {
  rows: { personId: number; employeeCode: string; nameTh: string }[];
  list: { total: number; page: number; pageCount: number; from: number; to: number };
  query: { show: string; division: string; category: string; q: string };
  exportHref: string;
};
const load = async (query: string): Promise<RosterData> => {
  const response = await get(rosterLoader, `/roster?${query}`, HR);
  expect(response.status).toBe(200);
  return (await response.json()) as RosterData;
};
/** Every page of a list, loaded one after another as the next links lead. */
async function everyPage(query: string): Promise<{ codes: string[]; pages: RosterData[] }> {
  const first = await load(query);
  const pages = [first];
  for (let page = 2; page <= first.list.pageCount; page++) pages.push(await load(`${query}&page=${page}`));
  return { codes: pages.flatMap((data) => data.rows.map((row) => row.employeeCode)), pages };
}

const FIRST_NAMES = ["กมล", "กมลา", "เกษม", "ไก่", "ก้อง", "กอง", "ขวัญ", "แดง", "โชค", "ฤดี", "ฤๅษี", "ใจ", "ณัฐ", "สมชาย", "สมชาย", "อรทัย", "ศักดิ์", "กำไร", "เพ็ญ", "กิ่ง-แก้ว"];
const LAST_NAMES = ["ใจดี", "ณ อยุธยา", "ณอยุธยา", "แก้วมณี", "ทองคำ", "เกียรติ", "ศรีสุข", "ไชยา", "ก ข", "กข"];
const ADDED = 257;
/** Everyone's Thai name as the reference order reads it: the app's own Thai comparison. */
type Named = { id: number; code: string; first: string; last: string };
/** PostgreSQL breaks a tie of a deterministic collation by the bytes; so does this, then by id. */
const bytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const thaiNameOrder = (a: Named, b: Named) => compareThai(a.first, b.first) || bytes(a.first, b.first) || compareThai(a.last, b.last) || bytes(a.last, b.last) || a.id - b.id;

async function everyoneInThaiOrder(): Promise<string[]> {
  const rows = await db.select({ id: people.id, code: people.employeeCode, first: people.firstNameTh, last: people.lastNameTh }).from(people);
  return rows.sort(thaiNameOrder).map((row) => row.code);
}
/** These people's codes in the reference order. */
async function inThaiOrder(codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.select({ id: people.id, code: people.employeeCode, first: people.firstNameTh, last: people.lastNameTh }).from(people).where(inArray(people.employeeCode, codes));
  return rows.sort(thaiNameOrder).map((row) => row.code);
}
/** The PG people (added here) by their number: odd ones are in finance, even in education; every 10th (…9) has left; every 4th is permanent. */
const pgIndex = (code: string) => Number(code.slice(2));

let financeId: number;
let educationId: number;
let generalCategoryId: number;
let permanentCategoryId: number;

describe(`the thai collation (${engineName})`, () => {
  it("orders 3,000 generated Thai and Latin names exactly as Intl.Collator('th') does", async () => {
    // Consonants, leading vowels, tone and other marks, ฤ/ฤๅ, ๆ, ฯ, spaces, hyphens, dots, Latin and digits.
    const consonants = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮฤฦ";
    const after = ["", "", "า", "ิ", "ี", "ึ", "ื", "ุ", "ู", "ะ", "ั", "็", "ำ", "่", "้", "๊", "๋", "์", "ํ", "ๅ", "ฯ", "ๆ", "ฺ"];
    const before = ["", "", "", "เ", "แ", "โ", "ใ", "ไ"];
    let seed = 20_261_125;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor((seed / 2_147_483_648) * n);
    };
    const word = () => Array.from({ length: 1 + random(4) }, () => before[random(before.length)] + consonants[random(consonants.length)] + after[random(after.length)]).join("");
    const decorate = [(w: string) => w, (w: string) => w, (w: string) => w, (w: string) => `${w} ${word()}`, (w: string) => `${w}-${word()}`, (w: string) => `ณ ${w}`, (w: string) => `${w}.`, (w: string) => `Somchai${w}`, (w: string) => `${w}2`];
    const names = [...new Set(Array.from({ length: 3000 }, () => decorate[random(decorate.length)](word())).concat(["a", "A", "ä", "1", "๑", "กำ", "กํา", "ก ข", "กข", "ก-ข"]))];
    const values = names.map((name) => sql`(${name})`);
    const rows = await queryRows<{ name: string }>(db, sql`select name from (values ${sql.join(values, sql`, `)}) as v(name) order by name collate thai`);
    const expected = [...names].sort((a, b) => compareThai(a, b) || bytes(a, b));
    expect(rows.map((row) => row.name)).toEqual(expected);
  });
});

describe(`the roster, one page at a time (${engineName})`, () => {
  beforeAll(async () => {
    const divisionRows = await db.select({ id: divisions.id, code: divisions.code }).from(divisions);
    financeId = divisionRows.find((row) => row.code === "finance")!.id;
    educationId = divisionRows.find((row) => row.code === "education")!.id;
    const categories = await db.select({ id: staffCategories.id, code: staffCategories.code }).from(staffCategories);
    generalCategoryId = categories.find((row) => row.code === "general_employee")!.id;
    permanentCategoryId = categories.find((row) => row.code === "permanent_employee")!.id;
    const added = await db
      .insert(people)
      .values(
        Array.from({ length: ADDED }, (_, index) => ({
          employeeCode: `PG${String(index).padStart(4, "0")}`,
          prefixTh: index % 2 ? "นาย" : "นางสาว",
          firstNameTh: FIRST_NAMES[index % FIRST_NAMES.length],
          lastNameTh: LAST_NAMES[(index * 7) % LAST_NAMES.length],
          // Every third person has an English name; PG0003 is "Kanokporn Thongkham".
          firstNameEn: index % 3 === 0 ? (index === 3 ? "Kanokporn" : `Given${index}`) : null,
          lastNameEn: index % 3 === 0 ? (index === 3 ? "Thongkham" : "Family") : null,
          positionTh: "เจ้าหน้าที่",
          categoryId: index % 4 === 0 ? permanentCategoryId : generalCategoryId,
        })),
      )
      .returning({ id: people.id, code: people.employeeCode });
    // Every tenth has left (before today); the rest are employed.
    await db.insert(employmentPeriods).values(added.map((row, index) => ({ personId: row.id, startDate: "2024-01-01", endDate: index % 10 === 9 ? "2025-06-30" : null })));
    await db.insert(divisionAssignments).values(added.map((row, index) => ({ personId: row.id, divisionId: index % 2 ? financeId : educationId, startDate: "2024-01-01" })));
  });

  it("concatenated, the pages are the whole roster in Thai order: no one twice, no one missing", async () => {
    const expected = await everyoneInThaiOrder();
    expect(expected.length).toBeGreaterThan(2 * ROSTER_PAGE_SIZE);
    const { codes, pages } = await everyPage("show=all");
    expect(codes).toEqual(expected);
    expect(new Set(codes).size).toBe(codes.length);
    // Every page but the last is full; each says where it stands.
    expect(pages.map((page) => page.rows.length)).toEqual([ROSTER_PAGE_SIZE, ROSTER_PAGE_SIZE, expected.length - 2 * ROSTER_PAGE_SIZE]);
    expect(pages.map((page) => [page.list.page, page.list.from, page.list.to, page.list.total, page.list.pageCount])).toEqual([
      [1, 1, 100, expected.length, 3],
      [2, 101, 200, expected.length, 3],
      [3, 201, expected.length, expected.length, 3],
    ]);
  });

  it("page 2 of a list of more than 100 is exactly the 101st to the 200th person, read as one page", async () => {
    const expected = await everyoneInThaiOrder();
    const page = await listRosterPage(db, { onDate: "2026-11-25" }, 2);
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((row) => row.employeeCode)).toEqual(expected.slice(100, 200));
    // The rows of the page carry their joins (category, latest employment, division).
    const someone = page.rows.find((row) => row.employeeCode.startsWith("PG"))!;
    expect(someone.categoryCode).toMatch(/employee$/);
    expect(someone.employmentStart).toBe("2024-01-01");
    expect(["finance", "education"]).toContain(someone.divisionCode);
  });

  it("people with the same name keep one order (by id) on every load", async () => {
    const twins = (await db.select({ id: people.id, code: people.employeeCode }).from(people).where(and(eq(people.firstNameTh, "สมชาย"), eq(people.lastNameTh, "ณ อยุธยา"), like(people.employeeCode, "PG%"))).orderBy(asc(people.id))).map((row) => row.code);
    expect(twins.length).toBeGreaterThan(1);
    const first = (await everyPage("show=all&q=สมชาย อยุธยา")).codes;
    const again = (await everyPage("show=all&q=สมชาย อยุธยา")).codes;
    expect(first).toEqual(again);
    expect(first.filter((code) => twins.includes(code))).toEqual(twins);
  });

  it("searches by code, Thai name and English name, in any case, with % and _ taken literally", async () => {
    const codes = async (q: string) => (await everyPage(`show=all&q=${encodeURIComponent(q)}`)).codes;
    expect(await codes("pg0003")).toEqual(["PG0003"]);
    expect(await codes("kanokPORN")).toEqual(["PG0003"]);
    expect(await codes("kanokporn thongkham")).toEqual(["PG0003"]);
    // The demo organisation's LS040 is นางสาวศศิธร ยิ้มแย้ม: with or without the prefix, and by last name.
    expect(await codes("ศศิธร")).toEqual(["LS040"]);
    expect(await codes("นางสาวศศิธร ยิ้มแย้ม")).toEqual(["LS040"]);
    const ruedee = await codes("ฤดี");
    expect(ruedee.length).toBeGreaterThan(0);
    expect(ruedee.every((code) => code.startsWith("PG"))).toBe(true);
    // A Thai search of more than a page: in Thai order like the whole list.
    const withLastName = await codes("ใจดี");
    const everyone = await everyoneInThaiOrder();
    const named = new Set((await db.select({ code: people.employeeCode }).from(people).where(like(people.lastNameTh, "%ใจดี%"))).map((row) => row.code));
    expect(withLastName).toEqual(everyone.filter((code) => named.has(code)));
    // Pattern characters are text: "%" and "_" match nothing here, not everyone.
    expect(await codes("%")).toEqual([]);
    expect(await codes("_")).toEqual([]);
    expect(await codes("PG_003")).toEqual([]);
    // Only spaces: no search.
    expect((await load("show=all&q=%20%20")).list.total).toBe(everyone.length);
  });

  it("search, filters and paging together: the pages of the filtered search are that subset in Thai order", async () => {
    // Employed today, in finance, general employees, named with "ก" somewhere: known from what was inserted.
    const addedRows = await db.select({ id: people.id, code: people.employeeCode, first: people.firstNameTh, last: people.lastNameTh }).from(people).where(like(people.employeeCode, "PG%"));
    const expected = addedRows
      .filter((row) => {
        const index = pgIndex(row.code);
        return index % 10 !== 9 && index % 2 === 1 && index % 4 !== 0 && `${row.first} ${row.last}`.includes("ก");
      })
      .sort(thaiNameOrder)
      .map((row) => row.code);
    // …and the demo organisation's own finance staff who match, who are not PG people.
    const query = `show=active&division=${financeId}&category=${generalCategoryId}&q=${encodeURIComponent("ก")}`;
    const { codes, pages } = await everyPage(query);
    expect(pages.length).toBeGreaterThan(0);
    expect(codes.filter((code) => code.startsWith("PG"))).toEqual(expected);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(await inThaiOrder(codes));
    // Every page keeps the filters and the search for its links and the export.
    for (const page of pages) {
      expect(page.query).toEqual({ show: "active", division: String(financeId), category: String(generalCategoryId), q: "ก" });
      expect(page.exportHref).toBe(`/roster/export?show=active&division=${financeId}&category=${generalCategoryId}&q=%E0%B8%81`);
    }
    // Filters without a search, over more than one page: the PG part is known exactly.
    const finance = await everyPage(`show=active&division=${financeId}`);
    expect(finance.pages.length).toBe(2);
    expect(finance.codes).toEqual(await inThaiOrder(finance.codes));
    expect(finance.codes.filter((code) => code.startsWith("PG")).sort()).toEqual(
      addedRows
        .map((row) => row.code)
        .filter((code) => pgIndex(code) % 2 === 1 && pgIndex(code) % 10 !== 9)
        .sort(),
    );
  });

  it("a page number that is junk or out of range shows the first or the last page, never an error", async () => {
    const all = await load("show=all");
    const last = all.list.pageCount;
    const pageOf = async (value: string) => (await load(`show=all&page=${value}`)).list.page;
    for (const junk of ["abc", "-1", "0", "1e99", "2.5", "", "%00", "١", "+2", "0x2"]) expect(await pageOf(encodeURIComponent(junk)), junk).toBe(1);
    expect(await pageOf("2")).toBe(2);
    expect(await pageOf("002")).toBe(2);
    expect(await pageOf(String(last + 1))).toBe(last);
    expect(await pageOf("999999999999999999999999999999")).toBe(last);
    const beyond = await load(`show=all&page=${last + 5}`);
    expect(beyond.rows.map((row) => row.employeeCode)).toEqual((await load(`show=all&page=${last}`)).rows.map((row) => row.employeeCode));
    // No one matches: one empty page.
    const none = await load("show=all&q=ไม่มีใครชื่อนี้แน่นอน&page=3");
    expect(none.rows).toEqual([]);
    expect(none.list).toEqual({ total: 0, page: 1, pageCount: 1, from: 0, to: 0 });
    expect(requestedPage(null)).toBe(1);
  });

  it("viewing a page is audited with the page and whether a search was made, never what was searched", async () => {
    await load(`show=all&q=${encodeURIComponent("ศศิธร")}`);
    const [searched] = await db.select().from(auditLog).where(eq(auditLog.action, "roster.viewed")).orderBy(desc(auditLog.id)).limit(1);
    expect(searched.details).toEqual({ show: "all", divisionId: null, categoryId: null, searched: true, page: 1, rows: 1, total: 1 });
    expect(JSON.stringify(searched)).not.toContain("ศศิธร");
    await load("show=all&page=2");
    const [paged] = await db.select().from(auditLog).where(eq(auditLog.action, "roster.viewed")).orderBy(desc(auditLog.id)).limit(1);
    expect(paged.details).toMatchObject({ searched: false, page: 2, rows: ROSTER_PAGE_SIZE });
  });

  it("the export is every page of the filtered list, in the same order", async () => {
    const query = `show=active&division=${educationId}`;
    const { codes } = await everyPage(query);
    expect(codes.length).toBeGreaterThan(ROSTER_PAGE_SIZE);
    const response = await get(exportLoader, `/roster/export?${query}`, HR);
    const lines = (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n").slice(1);
    // The export shows each person's latest division; these have had only one.
    expect(lines.map((line) => line.split(",")[0])).toEqual(codes);
    const [exported] = await db.select().from(auditLog).where(eq(auditLog.action, "roster.exported")).orderBy(desc(auditLog.id)).limit(1);
    expect(exported.details).toMatchObject({ searched: false, rows: codes.length });
  });

  it("a director's division page is paged the same way, in Thai order", async () => {
    // LS016 directs finance, which now has more than a page of staff employed today.
    const first = await get(divisionLoader, "/division", "LS016");
    const page1 = (await first.json()) as { rows: { employeeCode: string }[]; list: RosterData["list"] };
    const second = await get(divisionLoader, "/division?page=2", "LS016");
    const page2 = (await second.json()) as { rows: { employeeCode: string }[]; list: RosterData["list"] };
    const codes = [...page1.rows, ...page2.rows].map((row) => row.employeeCode);
    expect(page1.list).toMatchObject({ page: 1, pageCount: 2, from: 1, to: ROSTER_PAGE_SIZE });
    expect(page2.list).toMatchObject({ page: 2, pageCount: 2, from: ROSTER_PAGE_SIZE + 1, to: codes.length, total: codes.length });
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(await inThaiOrder(codes));
    const pgFinance = Array.from({ length: ADDED }, (_, index) => index).filter((index) => index % 2 === 1 && index % 10 !== 9);
    expect(codes.filter((code) => code.startsWith("PG")).length).toBe(pgFinance.length);
    // Junk is the first page here too.
    const junk = (await (await get(divisionLoader, "/division?page=abc", "LS016")).json()) as { list: RosterData["list"] };
    expect(junk.list.page).toBe(1);
  });

  it("a search reads the trigram index: the search's expression is exactly the indexed one", async () => {
    // With sequential scans priced out, PostgreSQL uses the index if and only if the expressions match.
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return queryRows<Record<string, string>>(tx as unknown as Database, sql`explain select ${people.id} from ${people} where ${personMatchesSearch("ศรีสวัสดิ์ ls0")}`);
    });
    expect(plan.map((row) => Object.values(row).join(" ")).join("\n")).toContain("people_search_trgm_idx");
  });

  it("a name typed in a staff field is found through the same index, and only within one name", async () => {
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return queryRows<Record<string, string>>(tx as unknown as Database, sql`explain select ${people.id} from ${people} where ${personNameContains("ศศิธร ยิ้มแย้ม")}`);
    });
    expect(plan.map((row) => Object.values(row).join(" ")).join("\n")).toContain("people_search_trgm_idx");

    const codeOf = async (personIds: number[]) =>
      (await db.select({ code: people.employeeCode }).from(people).where(inArray(people.id, personIds.length > 0 ? personIds : [-1]))).map((row) => row.code);
    const found = async (name: string) => codeOf((await findPeople(db, { name }, { limit: 5 })).map((match) => match.personId));
    // The Thai name with its prefix, part of it in any case, and the English name.
    expect(await found("นางสาวศศิธร ยิ้มแย้ม")).toEqual(["LS040"]);
    expect(await found("ศศิธร ยิ้ม")).toEqual(["LS040"]);
    const [ls001] = await db.select().from(people).where(eq(people.employeeCode, "LS001"));
    expect(await found("sompong THONG")).toEqual(["LS001"]);
    // The search text runs code, Thai name and English name together; a name never matches across them.
    expect(await found(`LS001 ${ls001.prefixTh}`)).toEqual([]);
    expect(await found(`${ls001.lastNameTh} ${ls001.firstNameEn}`)).toEqual([]);
    // LIKE's wildcards are taken literally.
    expect(await found("%")).toEqual([]);
  });
});
