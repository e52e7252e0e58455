import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, type Database } from "../../db/client.server";
import { auditLog, employmentPeriods, indicatorSnapshots, innovations, people, projects, staffCategories } from "../../db/schema";
import { participationDetails, planTrend, yearIndicators } from "../../app/services/indicators.server";
import { indicatorHistory } from "../../app/services/reports.server";
import { closeFiscalYear, reopenFiscalYear } from "../../app/services/year-close.server";
import { engineName, withDemoDatabaseForFile } from "./test-database";

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});

const NOW = new Date("2026-11-25T10:00:00+07:00");
const actor = { accountId: null, ipAddress: "127.0.0.1" };

async function addEmployee(code: string) {
  const [category] = await db.select().from(staffCategories).limit(1);
  const [person] = await db
    .insert(people)
    .values({ employeeCode: code, prefixTh: "นาย", firstNameTh: "ใหม่", lastNameTh: "ทดสอบ", positionTh: "เจ้าหน้าที่", categoryId: category.id })
    .returning({ id: people.id });
  await db.insert(employmentPeriods).values({ personId: person.id, startDate: "2025-01-01" });
}

describe(`indicators and year close (${engineName})`, () => {
  it("shows FY2569 participation against its 70% target, missed at 65.7%", async () => {
    const year = await yearIndicators(db, 2569, { now: NOW });
    const lg1 = year.figures.find((figure) => figure.code === "LG1");
    expect([lg1?.numerator, lg1?.denominator, lg1?.target]).toEqual([23, 35, 70]);
    expect(lg1?.value?.toFixed(1)).toBe("65.7");
    expect(lg1?.status).toBe("missed");
    expect(year.phase).toBe("past");
  });

  it("for the running year says how many more reach the target and projects the pace", async () => {
    const year = await yearIndicators(db, 2570, { now: NOW });
    expect(year.phase).toBe("running");
    expect(year.participation.target).toBe(80);
    const { numerator, denominator, needed, projectedPercent } = year.participation;
    expect(needed).toBe(Math.ceil(0.8 * denominator) - numerator);
    expect(projectedPercent).not.toBeNull();
    expect(projectedPercent!).toBeGreaterThan(year.participation.percent!);
  });

  it("a director's view counts only their division", async () => {
    const all = await yearIndicators(db, 2569, { now: NOW });
    const division = all.byDivision[0];
    const mine = await yearIndicators(db, 2569, { now: NOW, divisionId: division.divisionId! });
    expect([mine.participation.numerator, mine.participation.denominator]).toEqual([division.numerator, division.denominator]);
    expect(all.byDivision.reduce((sum, entry) => sum + entry.denominator, 0)).toBe(all.participation.denominator);
  });

  it("refuses to close a year still running", async () => {
    expect(await closeFiscalYear(db, actor, 2570, NOW)).toBe("notOver");
  });

  it("a closed year keeps its figures when the roster changes later; reopening needs a reason and is audited", async () => {
    expect(await closeFiscalYear(db, { ...actor, accountId: (await firstAccountId()) }, 2569, NOW)).toBe("closed");
    expect(await closeFiscalYear(db, actor, 2569, NOW)).toBe("alreadyClosed");
    await addEmployee("NEW01"); // employed since 2025: would join FY2569's population
    const closed = await yearIndicators(db, 2569, { now: NOW });
    expect(closed.closed).toBe(true);
    expect([closed.participation.numerator, closed.participation.denominator]).toEqual([23, 35]);

    expect(await reopenFiscalYear(db, actor, 2569, "  ")).toBe("reasonRequired");
    expect(await reopenFiscalYear(db, actor, 2569, "แก้ข้อมูลบุคลากรที่บันทึกตกหล่น")).toBe("reopened");
    const reopened = await yearIndicators(db, 2569, { now: NOW });
    expect(reopened.closed).toBe(false);
    expect(reopened.participation.denominator).toBe(36);
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityType, "fiscal_year"));
    expect(audits.map((row) => row.action)).toEqual(["fiscal_year.closed", "fiscal_year.reopened"]);
  });

  it("a year closed before the people had their own column reads the same after migration 0004 moves them", async () => {
    expect(await closeFiscalYear(db, actor, 2568, NOW)).toBe("closed");
    const fresh = await yearIndicators(db, 2568, { now: NOW });
    const drill = await participationDetails(db, 2568, { now: NOW });
    const lg1 = and(eq(indicatorSnapshots.fiscalYear, 2568), eq(indicatorSnapshots.indicatorCode, "LG1"));
    const [stored] = await db.select().from(indicatorSnapshots).where(lg1);
    expect((stored.people as unknown[]).length).toBe(fresh.participation.denominator);
    expect(stored.details).not.toHaveProperty("rows");

    // The shape a year closed before 0004 has: people inside details, no per-division sums.
    const { divisions: _divisions, ...oldDetails } = stored.details as Record<string, unknown>;
    await db.update(indicatorSnapshots).set({ details: { ...oldDetails, rows: stored.people }, people: null }).where(lg1);

    const migration = readFileSync(path.join(MIGRATIONS_FOLDER, "0004_snapshot_people.sql"), "utf8");
    const update = migration.split("--> statement-breakpoint").find((statement) => statement.includes("UPDATE"));
    await db.execute(sql.raw(update!));
    const [moved] = await db.select().from(indicatorSnapshots).where(lg1);
    expect(moved.people).toEqual(stored.people);
    expect(moved.details).not.toHaveProperty("rows");
    expect(await yearIndicators(db, 2568, { now: NOW })).toEqual(fresh);
    expect(await participationDetails(db, 2568, { now: NOW })).toEqual(drill);
  });

  it("a project and an innovation dated into a closed year later leave the later years' cumulative counts as they were", async () => {
    expect(await closeFiscalYear(db, actor, 2566, NOW)).toBe("closed");
    const countsOf = async () => {
      const history = await indicatorHistory(db, NOW);
      const figure = (fiscalYearBE: number, code: string) => history.find((year) => year.fiscalYearBE === fiscalYearBE)!.figures.find((entry) => entry.code === code)!;
      return [2566, 2567].map((fiscalYearBE) => [figure(fiscalYearBE, "INNOVATION_PROJECTS"), figure(fiscalYearBE, "INNOVATIONS")].map((entry) => [entry.perYear, entry.cumulative]));
    };
    const before = await countsOf();
    const trendBefore = await planTrend(db, { now: NOW });

    // Dated into FY2566 after it was closed.
    const [project] = await db
      .insert(projects)
      .values({ nameTh: "โครงการย้อนหลัง", startDate: "2023-01-01", endDate: "2023-06-30", status: "completed", progress: 100, fiscalYear: 2566 })
      .returning({ id: projects.id });
    await db.insert(innovations).values({ projectId: project.id, nameTh: "นวัตกรรมย้อนหลัง", deliveredOn: "2023-03-01", fiscalYear: 2566 });

    const after = await countsOf();
    expect(after).toEqual(before);
    // Cumulative = the closed year's snapshot + the open year's own count.
    const [[projects2566, innovations2566], [projects2567, innovations2567]] = after;
    expect(projects2567[1]).toBe(projects2566[0]! + projects2567[0]!);
    expect(innovations2567[1]).toBe(innovations2566[0]! + innovations2567[0]!);
    expect(await planTrend(db, { now: NOW })).toEqual(trendBefore);
  });
});

async function firstAccountId(): Promise<string> {
  const { accounts } = await import("../../db/schema");
  const [row] = await db.select({ id: accounts.id }).from(accounts).limit(1);
  return row.id;
}
