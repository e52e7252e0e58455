import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { THAI_FISCAL_CALENDAR } from "../../app/domain/fiscal-year";
import { organisationToday, saveFiscalCalendar } from "../../app/models/settings.server";
import { loader as divisionLoader } from "../../app/routes/division";
import type { Database } from "../../db/client.server";
import { divisionAssignments, divisions, employmentPeriods, people, staffCategories } from "../../db/schema";
import { routeClient } from "./route-client";
import { engineName, withDemoDatabaseForFile } from "./test-database";

// "Today" is the organisation's, from the time zone in its settings (admin → settings), not
// Bangkok's: who is employed today, and so who a director sees, turns on it at midnight.

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});
const { get } = routeClient(() => db);

/** 18:00 on 7 December in Bangkok (UTC+7); already 01:00 on the 8th at UTC+14. */
const INSTANT = new Date("2026-12-07T11:00:00Z");
const EAST_OF_BANGKOK = { startMonth: 10, timeZone: "Pacific/Kiritimati" };

afterEach(async () => {
  vi.useRealTimers();
  await saveFiscalCalendar(db, THAI_FISCAL_CALENDAR);
});

describe(`today in the organisation's time zone (${engineName})`, () => {
  it("organisationToday reads the time zone from the settings", async () => {
    expect(await organisationToday(db, INSTANT)).toBe("2026-12-07");
    await saveFiscalCalendar(db, EAST_OF_BANGKOK);
    expect(await organisationToday(db, INSTANT)).toBe("2026-12-08");
  });

  it("a director's division page lists someone from the day they start there, by the organisation's clock", async () => {
    const [finance] = await db.select({ id: divisions.id }).from(divisions).where(eq(divisions.code, "finance"));
    const [category] = await db.select({ id: staffCategories.id }).from(staffCategories).limit(1);
    const [newcomer] = await db
      .insert(people)
      .values({ employeeCode: "TZ0001", prefixTh: "นาย", firstNameTh: "เริ่มงาน", lastNameTh: "พรุ่งนี้", positionTh: "เจ้าหน้าที่", categoryId: category.id })
      .returning({ id: people.id });
    await db.insert(employmentPeriods).values({ personId: newcomer.id, startDate: "2026-12-08" });
    await db.insert(divisionAssignments).values({ personId: newcomer.id, divisionId: finance.id, startDate: "2026-12-08" });
    // Only Date is faked: the database's timers keep running.
    vi.useFakeTimers({ toFake: ["Date"], now: INSTANT });
    const codesOnDivisionPage = async () => {
      const response = await get(divisionLoader, "/division", "LS016"); // LS016 directs finance
      expect(response.status).toBe(200);
      return ((await response.json()) as { rows: { employeeCode: string }[] }).rows.map((row) => row.employeeCode);
    };
    expect(await codesOnDivisionPage()).not.toContain("TZ0001");
    await saveFiscalCalendar(db, EAST_OF_BANGKOK);
    expect(await codesOnDivisionPage()).toContain("TZ0001");
  });
});
