import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** Units of the organisation (กอง / สำนัก). */
export const divisions = pgTable("divisions", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  nameTh: text("name_th").notNull(),
  nameEn: text("name_en").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
});

/** Staff categories (ข้าราชการ, ลูกจ้างประจำ, …); which count for participation is a per-year setting. */
export const staffCategories = pgTable("staff_categories", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  nameTh: text("name_th").notNull(),
  nameEn: text("name_en").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
});

/**
 * The collation that puts Thai names in Thai dictionary order, the order of Intl.Collator("th")
 * (decision 018). Created by migration 0008 on both engines; queries name it with THAI_COLLATION.
 */
export const THAI_COLLATION = "thai";

type PersonNameColumns = Record<"employeeCode" | "prefixTh" | "firstNameTh" | "lastNameTh" | "firstNameEn" | "lastNameEn", SQLWrapper>;

/**
 * Everything a roster search looks in, as one text: the code, the Thai name ("prefix+first
 * last") and the English name, joined by spaces. A search word has no spaces, so it never
 * matches across two of them. people_search_trgm_idx indexes this very expression; a query
 * must use it unchanged for PostgreSQL to use the index.
 */
export function personSearchText(t: PersonNameColumns): SQL<string> {
  return sql<string>`(${t.employeeCode} || ' ' || ${t.prefixTh} || ${t.firstNameTh} || ' ' || ${t.lastNameTh} || ' ' || coalesce(${t.firstNameEn}, '') || ' ' || coalesce(${t.lastNameEn}, ''))`;
}

/** A member of staff on the roster. */
export const people = pgTable("people", {
  id: serial("id").primaryKey(),
  employeeCode: text("employee_code").notNull().unique(),
  prefixTh: text("prefix_th").notNull(),
  firstNameTh: text("first_name_th").notNull(),
  lastNameTh: text("last_name_th").notNull(),
  firstNameEn: text("first_name_en"),
  lastNameEn: text("last_name_en"),
  email: text("email"),
  positionTh: text("position_th").notNull(),
  categoryId: integer("category_id")
    .notNull()
    .references(() => staffCategories.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  /** Raised by every change of the details (the edit form, a roster import): a save from an edit form showing an older version is refused. */
  version: integer("version").notNull().default(0),
}, (t) => [
  // The roster's order (first then last name in Thai order, then id), so that a page of it is
  // read from the index instead of sorting everyone (decision 018).
  index("people_thai_name_idx").on(sql`${t.firstNameTh} COLLATE ${sql.raw(THAI_COLLATION)}`, sql`${t.lastNameTh} COLLATE ${sql.raw(THAI_COLLATION)}`, t.id),
  // A roster search for a word of three letters or more reads this index instead of every person.
  index("people_search_trgm_idx").using("gin", sql`${personSearchText(t)} gin_trgm_ops`),
]);

/** Periods of employment; a person may leave and come back. end_date null = still employed. */
export const employmentPeriods = pgTable(
  "employment_periods",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
  },
  (t) => [
    index("employment_periods_person_idx").on(t.personId),
    check("employment_periods_end_after_start", sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
  ],
);

/**
 * Which division a person belonged to, and from when: kept as history so a past year's
 * figures use the division the person was in then. end_date null = current.
 */
export const divisionAssignments = pgTable(
  "division_assignments",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    divisionId: integer("division_id")
      .notNull()
      .references(() => divisions.id),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
  },
  (t) => [
    index("division_assignments_person_idx").on(t.personId),
    index("division_assignments_division_idx").on(t.divisionId),
    uniqueIndex("division_assignments_person_start_uq").on(t.personId, t.startDate),
    check(
      "division_assignments_end_after_start",
      sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`,
    ),
  ],
);
