import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { employmentPeriods, people, staffCategories } from "../../db/schema";
import { listStaffOn } from "../../app/models/people.server";
import { loadIdeaFormOptions } from "../../app/services/idea-form.server";
import { engineName, findPersonId, withDemoDatabaseForFile } from "./test-database";

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});

const TODAY = "2026-12-07";

describe(`the idea form's co-author choices (${engineName})`, () => {
  it("list everyone employed today but the author, in Thai order, while the staff is small", async () => {
    const author = await findPersonId(db, "LS025");
    const { staffOptions } = await loadIdeaFormOptions(db, { locale: "th", today: TODAY, excludePersonId: author });
    const employed = await listStaffOn(db, TODAY);
    expect(staffOptions).toHaveLength(employed.length - 1);
    expect(staffOptions.some((option) => option.value.startsWith("LS025 "))).toBe(false);
    // Thai order of first and last name (Intl.Collator("th"), not code points).
    const collator = new Intl.Collator("th");
    const expected = employed
      .filter((person) => person.personId !== author)
      .sort((a, b) => collator.compare(`${a.firstNameTh} ${a.lastNameTh}`, `${b.firstNameTh} ${b.lastNameTh}`))
      .map((person) => person.employeeCode);
    expect(staffOptions.map((option) => option.value.split(" ")[0])).toEqual(expected);
  });

  it("are left out past 500 people (the author types a code); the staff query stops at 501 rows", async () => {
    const [category] = await db.select({ id: staffCategories.id }).from(staffCategories).limit(1);
    const added = await db
      .insert(people)
      .values(
        Array.from({ length: 500 }, (_, index) => ({
          employeeCode: `BIG${String(index).padStart(4, "0")}`,
          prefixTh: "นาย",
          firstNameTh: `พนักงาน${index}`,
          lastNameTh: "ทดสอบ",
          positionTh: "เจ้าหน้าที่",
          categoryId: category.id,
        })),
      )
      .returning({ id: people.id });
    await db.insert(employmentPeriods).values(added.map((person) => ({ personId: person.id, startDate: "2025-01-01" })));
    expect((await listStaffOn(db, TODAY)).length).toBeGreaterThan(501);
    expect(await listStaffOn(db, TODAY, { limit: 501 })).toHaveLength(501);
    const { staffOptions } = await loadIdeaFormOptions(db, { locale: "th", today: TODAY, excludePersonId: added[0].id });
    expect(staffOptions).toEqual([]);
    await db.execute(sql`delete from people where employee_code like 'BIG%'`);
  });
});
