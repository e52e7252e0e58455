import { sql } from "drizzle-orm";
import { check, date, index, integer, numeric, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { accounts } from "./auth";
import { people } from "./people";
import { plans } from "./plan";

/** A training session (one or more consecutive days). */
export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: serial("id").primaryKey(),
    title: text("title").notNull(),
    topic: text("topic").notNull().default(""),
    organiser: text("organiser").notNull().default(""),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    /** Hours of the whole session: each attendee's default. */
    hours: numeric("hours", { precision: 6, scale: 2, mode: "number" }).notNull(),
    planId: integer("plan_id").references(() => plans.id),
    location: text("location").notNull().default(""),
    notes: text("notes").notNull().default(""),
    /** Fiscal year (BE) of the first day, fixed when the session is saved. */
    fiscalYear: integer("fiscal_year").notNull(),
    createdByAccountId: text("created_by_account_id").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** A random token from the new-session form: a double submit creates one session. */
    submissionToken: text("submission_token").unique(),
    /** Raised by every save of the edit form: a save from a form showing an older version is refused. */
    version: integer("version").notNull().default(0),
  },
  (t) => [
    check("training_sessions_dates", sql`${t.endDate} >= ${t.startDate}`),
    check("training_sessions_hours", sql`${t.hours} > 0`),
    index("training_sessions_fiscal_year_idx").on(t.fiscalYear, t.startDate),
  ],
);

/** Who attended a session, and for how many hours. One row per person per session. */
export const trainingAttendance = pgTable(
  "training_attendance",
  {
    sessionId: integer("session_id")
      .notNull()
      .references(() => trainingSessions.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    hours: numeric("hours", { precision: 6, scale: 2, mode: "number" }).notNull(),
    recordedByAccountId: text("recorded_by_account_id").references(() => accounts.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.personId] }),
    index("training_attendance_person_idx").on(t.personId),
    check("training_attendance_hours", sql`${t.hours} > 0`),
  ],
);
