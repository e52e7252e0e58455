import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { MIGRATIONS_FOLDER, openDatabase } from "../../db/client.server";
import {
  accountRoles,
  accounts,
  employmentPeriods,
  ideaAuthors,
  ideas,
  ideaVotes,
  people,
  staffCategories,
  trainingAttendance,
} from "../../db/schema";
import {
  createTestDatabase,
  engineName,
  expectDatabaseError,
  migrateUpTo,
  queryRows,
  schemaTables,
  tableName,
  type TestDatabase,
} from "./test-database";

const CHECK_VIOLATION = "23514";

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
  entries: { tag: string }[];
};

describe(`migrations (${engineName})`, () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await test?.drop();
  });

  async function publicTables(): Promise<string[]> {
    const rows = await queryRows<{ table_name: string }>(
      test.handle.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    );
    return rows.map((row) => row.table_name);
  }

  async function appliedMigrations(): Promise<number> {
    const [row] = await queryRows<{ n: number | string }>(
      test.handle.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    return Number(row.n);
  }

  it("starts from an empty database", async () => {
    expect(await publicTables()).toEqual([]);
  });

  it("applies every migration from empty and creates every table and column of the schema", async () => {
    await test.handle.migrate();
    expect(await appliedMigrations()).toBe(journal.entries.length);

    const tables = await publicTables();
    const expected = schemaTables().map(tableName).sort();
    expect(expected.length).toBeGreaterThan(10);
    expect(tables).toEqual(expect.arrayContaining(expected));

    // A schema column without a migration would break at run time: every column must exist.
    const columns = await queryRows<{ table_name: string; column_name: string }>(
      test.handle.db,
      sql`select table_name, column_name from information_schema.columns where table_schema = 'public'`,
    );
    const present = new Set(columns.map((row) => `${row.table_name}.${row.column_name}`));
    const missing = schemaTables().flatMap((table) => {
      const config = getTableConfig(table);
      return config.columns.map((column) => `${config.name}.${column.name}`).filter((name) => !present.has(name));
    });
    expect(missing).toEqual([]);
  });

  it("migrating again is a no-op: no new migration rows, same tables, data kept", async () => {
    await test.handle.db.insert(staffCategories).values({ code: "keep_me", nameTh: "ทดสอบ", nameEn: "Test" });
    const tablesBefore = await publicTables();
    const appliedBefore = await appliedMigrations();

    await test.handle.migrate();
    await test.handle.migrate();

    expect(await appliedMigrations()).toBe(appliedBefore);
    expect(await publicTables()).toEqual(tablesBefore);
    const kept = await test.handle.db.select().from(staffCategories);
    expect(kept.map((row) => row.code)).toEqual(["keep_me"]);
  });

  // Two app instances starting together on one server: the advisory lock makes them take turns.
  it.runIf(engineName === "postgres")("two instances migrating one database at once both succeed, once", async () => {
    const fresh = await createTestDatabase({ migrate: false });
    const other = await openDatabase({ databaseUrl: fresh.databaseUrl! });
    try {
      await Promise.all([fresh.handle.migrate(), other.migrate(), fresh.handle.migrate()]);
      const [row] = await queryRows<{ n: number | string }>(
        fresh.handle.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(Number(row.n)).toBe(journal.entries.length);
      expect(await other.db.select().from(staffCategories)).toEqual([]);
    } finally {
      await other.close();
      await fresh.drop();
    }
  });

  describe("constraints", () => {
    let personId: number;
    let accountId: string;

    beforeAll(async () => {
      const [category] = await test.handle.db
        .insert(staffCategories)
        .values({ code: "constraint_test", nameTh: "ทดสอบ", nameEn: "Test" })
        .returning();
      const [person] = await test.handle.db
        .insert(people)
        .values({
          employeeCode: "CT001",
          prefixTh: "นาย",
          firstNameTh: "ทดสอบ",
          lastNameTh: "ข้อจำกัด",
          positionTh: "ทดสอบ",
          categoryId: category.id,
        })
        .returning();
      personId = person.id;
      accountId = "constraint-test-account";
      await test.handle.db.insert(accounts).values({ id: accountId, personId, username: "CT001", passwordHash: "x" });
    });

    it("account_roles accepts a known role and rejects an unknown one", async () => {
      await test.handle.db.insert(accountRoles).values({ accountId, role: "admin" });
      const code = await expectDatabaseError(
        test.handle.db.insert(accountRoles).values({ accountId, role: "superuser" as never }),
      );
      expect(code).toBe(CHECK_VIOLATION);
      const roles = await test.handle.db.select().from(accountRoles);
      expect(roles.map((row) => row.role)).toEqual(["admin"]);
    });

    it("an employment period may not end before it starts", async () => {
      await test.handle.db
        .insert(employmentPeriods)
        .values({ personId, startDate: "2024-01-01", endDate: "2024-01-01" });
      const code = await expectDatabaseError(
        test.handle.db.insert(employmentPeriods).values({ personId, startDate: "2024-01-02", endDate: "2024-01-01" }),
      );
      expect(code).toBe(CHECK_VIOLATION);
      const periods = await test.handle.db.select().from(employmentPeriods);
      expect(periods).toHaveLength(1);
    });

    it("an account's locale must be th or en", async () => {
      const code = await expectDatabaseError(
        test.handle.db.execute(sql`update ${accounts} set locale = 'fr' where id = ${accountId}`),
      );
      expect(code).toBe(CHECK_VIOLATION);
    });
  });
});

// Rules added to the database after data was stored under the older, looser ones: the migrations
// must apply to such a database and keep what it holds; new rows follow the rules.
describe(`migrating a database that holds rows from before a rule (${engineName})`, () => {
  let test: TestDatabase;
  let personId: number;
  let otherPersonId: number;
  let sessionId: number;
  let ideaId: number;

  beforeAll(async () => {
    test = await createTestDatabase({ migrate: false });
    await migrateUpTo(test, "0011_training_session_submission_token");
    const db = test.handle.db;
    const [category] = await db.insert(staffCategories).values({ code: "before_rules", nameTh: "ทดสอบ", nameEn: "Test" }).returning();
    // Rows written as SQL naming their columns: the schema in code has columns (a later
    // migration's) that this database does not have yet.
    const [first, second] = await queryRows<{ id: number }>(
      db,
      sql`insert into people (employee_code, prefix_th, first_name_th, last_name_th, position_th, category_id)
          values ('BR001', 'นาง', 'บันทึก', 'ก่อนกฎ', 'ทดสอบ', ${category.id}), ('BR002', 'นาง', 'บันทึก', 'ก่อนกฎ', 'ทดสอบ', ${category.id}) returning id`,
    );
    [personId, otherPersonId] = [first.id, second.id];
    const [session] = await queryRows<{ id: number }>(
      db,
      sql`insert into training_sessions (title, start_date, end_date, hours, fiscal_year) values ('อบรมก่อนกฎ', '2025-06-02', '2025-06-02', 6, 2568) returning id`,
    );
    sessionId = session.id;
    // Allowed until 0012 (the check was hours >= 0).
    await db.insert(trainingAttendance).values({ sessionId, personId, hours: 0 });
    // Allowed until 0013 in the database (only the code refused it): an author's vote on their idea.
    const [idea] = await queryRows<{ id: number }>(
      db,
      sql`insert into ideas (title, problem, solution, benefit, fiscal_year, vote_count) values ('ไอเดียก่อนกฎ', 'ปัญหา', 'วิธีแก้', 'ประโยชน์', 2568, 1) returning id`,
    );
    ideaId = idea.id;
    await db.insert(ideaAuthors).values({ ideaId, personId, isSubmitter: true });
    await db.insert(ideaVotes).values({ ideaId, personId });

    await test.handle.migrate();
  });
  afterAll(async () => {
    await test?.drop();
  });

  it("applies every later migration", async () => {
    expect(await queryRows(test.handle.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`)).toEqual([{ n: journal.entries.length }]);
  });

  it("0012: attendance of 0 hours typed before the rule stays; a new 0-hour row is refused", async () => {
    const db = test.handle.db;
    const kept = await db.select({ hours: trainingAttendance.hours }).from(trainingAttendance);
    expect(kept).toEqual([{ hours: 0 }]);
    // The constraint is there, checks new rows, and says it has not checked the old ones.
    const [constraint] = await queryRows<{ definition: string; validated: boolean }>(
      db,
      sql`select pg_get_constraintdef(oid) as definition, convalidated as validated from pg_constraint where conname = 'training_attendance_hours'`,
    );
    expect(constraint).toEqual({ definition: "CHECK ((hours > (0)::numeric)) NOT VALID", validated: false });
    const code = await expectDatabaseError(
      db.execute(sql`insert into training_attendance (session_id, person_id, hours) values (${sessionId}, ${otherPersonId}, 0)`),
    );
    expect(code).toBe(CHECK_VIOLATION);
    // The old row can be corrected as any other (the checklist's upsert), and then the
    // constraint can be validated.
    await db.execute(sql`update training_attendance set hours = 6 where session_id = ${sessionId} and person_id = ${personId}`);
    await db.execute(sql`alter table training_attendance validate constraint training_attendance_hours`);
  });

  it("0013: an author's vote stored before the rule stays, counted; a new one is refused", async () => {
    const db = test.handle.db;
    expect(await db.select({ personId: ideaVotes.personId }).from(ideaVotes).where(eq(ideaVotes.ideaId, ideaId))).toEqual([{ personId }]);
    expect(await db.select({ voteCount: ideas.voteCount }).from(ideas).where(eq(ideas.id, ideaId))).toEqual([{ voteCount: 1 }]);
    await db.insert(ideaAuthors).values({ ideaId, personId: otherPersonId });
    expect(await expectDatabaseError(db.insert(ideaVotes).values({ ideaId, personId: otherPersonId }))).toBe(CHECK_VIOLATION);
  });
});
