import { and, asc, eq, sql } from "drizzle-orm";
import {
  accountRoles,
  accounts,
  divisions,
  employmentPeriods,
  indicatorTargets,
  indicators,
  lpaScores,
  people,
  plans,
  projects,
  strategies,
} from "../../db/schema";
import { DEMO_TODAY, demoPeopleWithoutAccount, seedDemoData } from "../../db/seed/seed.server";
import { demoAccounts } from "../../db/seed/data/staff";
import { ROLES } from "../../app/domain/roles";
import { verifyPassword } from "../../app/auth/password.server";
import { DEMO_PASSWORD } from "../../db/seed/seed.server";
import { countEveryTable, createTestDatabase, engineName, queryRows, snapshotEveryTable, type TestDatabase } from "./test-database";

const SAKNGAM_PROJECTS = [
  "sakngam-care",
  "sakngam-herbs-green",
  "sakngam-infrastructure",
  "sakngam-life",
  "sakngam-smart-kids",
  "sakngam-sos",
];

describe(`seedDemoData (${engineName})`, () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase();
    await seedDemoData(test.handle.db);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("loads the plan: 3 strategies, 8 plans, the 6 Sakngam projects", async () => {
    const { db } = test.handle;
    const strategyRows = await db.select().from(strategies).orderBy(asc(strategies.sortOrder));
    expect(strategyRows.map((row) => row.code)).toEqual(["1", "2", "3"]);
    const planRows = await db.select().from(plans);
    expect(planRows.map((row) => row.code).sort()).toEqual(["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "3.1"]);
    // Each plan hangs under the strategy its code names.
    const strategyCodeById = new Map(strategyRows.map((row) => [row.id, row.code]));
    for (const plan of planRows) expect(strategyCodeById.get(plan.strategyId)).toBe(plan.code.split(".")[0]);

    const projectRows = await db.select().from(projects);
    const projectCodes = projectRows.map((row) => row.code);
    expect(projectCodes).toEqual(expect.arrayContaining(SAKNGAM_PROJECTS));
    expect(projectRows.every((row) => row.planId !== null && row.nameTh.length > 0)).toBe(true);
    const planCodeById = new Map(planRows.map((row) => [row.id, row.code]));
    const sakngamPlans = projectRows.filter((row) => SAKNGAM_PROJECTS.includes(row.code ?? "")).map((row) => planCodeById.get(row.planId!));
    expect(sakngamPlans.every((code) => code?.startsWith("2."))).toBe(true);
  });

  it("loads the 5 indicators with targets for FY 2566–2570 (LG1 40→80)", async () => {
    const { db } = test.handle;
    const indicatorRows = await db.select().from(indicators);
    expect(indicatorRows.map((row) => row.code).sort()).toEqual(
      ["ACTION_PLAN", "INNOVATIONS", "INNOVATION_PROJECTS", "LG1", "LPA"].sort(),
    );
    for (const indicator of indicatorRows) {
      const targets = await db
        .select()
        .from(indicatorTargets)
        .where(eq(indicatorTargets.indicatorId, indicator.id))
        .orderBy(asc(indicatorTargets.fiscalYear));
      expect(targets.map((row) => row.fiscalYear), indicator.code).toEqual([2566, 2567, 2568, 2569, 2570]);
    }
    const lg1 = await db
      .select({ year: indicatorTargets.fiscalYear, value: indicatorTargets.targetValue })
      .from(indicatorTargets)
      .innerJoin(indicators, eq(indicators.id, indicatorTargets.indicatorId))
      .where(eq(indicators.code, "LG1"))
      .orderBy(asc(indicatorTargets.fiscalYear));
    expect(lg1.map((row) => Number(row.value))).toEqual([40, 50, 60, 70, 80]);
  });

  it("loads the LPA history for FY 2561–2565 from the plan, and demo scores for 2566–2569", async () => {
    const rows = await test.handle.db.select().from(lpaScores).orderBy(asc(lpaScores.fiscalYear));
    expect(rows.map((row) => row.fiscalYear)).toEqual([2561, 2562, 2563, 2564, 2565, 2566, 2567, 2568, 2569]);
    expect(rows.slice(0, 5).map((row) => Number(row.score))).toEqual([90.59, 91.25, 92.45, 93.51, 94.15]);
    // Scores rise year on year (the LPA indicator compares with the previous year).
    for (let i = 1; i < rows.length; i++) expect(Number(rows[i].score)).toBeGreaterThan(Number(rows[i - 1].score));
  });

  it("loads about 40 people, each with an employment period and a division", async () => {
    const { db } = test.handle;
    const peopleRows = await db.select().from(people);
    expect(peopleRows.length).toBeGreaterThanOrEqual(35);
    expect(peopleRows.length).toBeLessThanOrEqual(45);
    const [{ withoutPeriod }] = await queryRows<{ withoutPeriod: number }>(
      db,
      sql`select count(*)::int as "withoutPeriod" from ${people} p where not exists (select 1 from ${employmentPeriods} e where e.person_id = p.id)`,
    );
    expect(Number(withoutPeriod)).toBe(0);
    const [{ withoutDivision }] = await queryRows<{ withoutDivision: number }>(
      db,
      sql`select count(*)::int as "withoutDivision" from ${people} p where not exists (select 1 from division_assignments d where d.person_id = p.id)`,
    );
    expect(Number(withoutDivision)).toBe(0);
    expect((await db.select().from(divisions)).length).toBeGreaterThanOrEqual(3);
  });

  it("makes accounts exactly for the people employed on DEMO_TODAY", async () => {
    const { db } = test.handle;
    const employed = await queryRows<{ code: string }>(
      db,
      sql`select p.employee_code as code from ${people} p
          where exists (select 1 from ${employmentPeriods} e where e.person_id = p.id
                        and e.start_date <= ${DEMO_TODAY} and (e.end_date is null or e.end_date >= ${DEMO_TODAY}))
          order by 1`,
    );
    const accountRows = await db
      .select({ username: accounts.username, code: people.employeeCode, mustChange: accounts.mustChangePassword })
      .from(accounts)
      .innerJoin(people, eq(people.id, accounts.personId))
      .orderBy(asc(people.employeeCode));
    expect(accountRows.map((row) => row.code)).toEqual(employed.map((row) => row.code));
    expect(accountRows.every((row) => row.username === row.code && row.mustChange === false)).toBe(true);
    // The people who left have no account (and there are some, or this test proves nothing).
    const leavers = demoPeopleWithoutAccount();
    expect(leavers.length).toBeGreaterThan(0);
    const usernames = new Set(accountRows.map((row) => row.username));
    for (const code of leavers) expect(usernames.has(code), code).toBe(false);
  });

  it("gives every account the staff role and one demo account per role, signing in with the demo password", async () => {
    const { db } = test.handle;
    const [{ withoutStaff }] = await queryRows<{ withoutStaff: number }>(
      db,
      sql`select count(*)::int as "withoutStaff" from ${accounts} a where not exists (select 1 from ${accountRoles} r where r.account_id = a.id and r.role = 'staff')`,
    );
    expect(Number(withoutStaff)).toBe(0);

    expect(demoAccounts.map((entry) => entry.role).sort()).toEqual([...ROLES].sort());
    for (const { role, employeeCode } of demoAccounts) {
      const [account] = await db
        .select({ id: accounts.id, hash: accounts.passwordHash, disabledAt: accounts.disabledAt })
        .from(accounts)
        .where(eq(accounts.username, employeeCode));
      expect(account, `${role} demo account ${employeeCode}`).toBeDefined();
      expect(account.disabledAt).toBeNull();
      const held = await db
        .select({ role: accountRoles.role })
        .from(accountRoles)
        .where(and(eq(accountRoles.accountId, account.id), eq(accountRoles.role, role)));
      expect(held, `${employeeCode} holds ${role}`).toHaveLength(1);
    }
    const [staffDemo] = await db.select().from(accounts).where(eq(accounts.username, demoAccounts[0].employeeCode));
    expect(await verifyPassword(staffDemo.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it("running it again changes no table: same counts, same rows", async () => {
    const { db } = test.handle;
    const countsBefore = await countEveryTable(db);
    const snapshotBefore = await snapshotEveryTable(db);
    expect(countsBefore.people).toBeGreaterThan(0);

    await seedDemoData(db);

    expect(await countEveryTable(db)).toEqual(countsBefore);
    expect(await snapshotEveryTable(db)).toEqual(snapshotBefore);
  });

  it("does not overwrite an administrator's edits when run again", async () => {
    const { db } = test.handle;
    const [lg1] = await db.select().from(indicators).where(eq(indicators.code, "LG1"));
    await db
      .update(indicatorTargets)
      .set({ targetValue: 45 })
      .where(and(eq(indicatorTargets.indicatorId, lg1.id), eq(indicatorTargets.fiscalYear, 2566)));
    await db.update(strategies).set({ nameEn: "Edited by admin" }).where(eq(strategies.code, "3"));

    await seedDemoData(db);

    const [target] = await db
      .select()
      .from(indicatorTargets)
      .where(and(eq(indicatorTargets.indicatorId, lg1.id), eq(indicatorTargets.fiscalYear, 2566)));
    expect(Number(target.targetValue)).toBe(45);
    const [strategy] = await db.select().from(strategies).where(eq(strategies.code, "3"));
    expect(strategy.nameEn).toBe("Edited by admin");
  });
});
