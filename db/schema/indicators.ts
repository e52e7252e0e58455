import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { accounts } from "./auth";
import { plans } from "./plan";

export const ACTIVITY_STATUSES = ["planned", "in_progress", "done", "cancelled"] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** The year's action plan under the master plan: completion = done ÷ (all − cancelled). */
export const actionPlanActivities = pgTable(
  "action_plan_activities",
  {
    id: serial("id").primaryKey(),
    fiscalYear: integer("fiscal_year").notNull(),
    title: text("title").notNull(),
    planId: integer("plan_id").references(() => plans.id),
    status: text("status").$type<ActivityStatus>().notNull().default("planned"),
    sortOrder: integer("sort_order").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** A random token from the add form: a double submit adds one activity. */
    submissionToken: text("submission_token").unique(),
  },
  (t) => [
    index("action_plan_activities_year_idx").on(t.fiscalYear, t.sortOrder),
    check("action_plan_activities_status_valid", sql`${t.status} IN ('planned','in_progress','done','cancelled')`),
  ],
);

/**
 * A closed year's figures, frozen: value, numerator, denominator, the rule in force and who
 * was counted, so past figures never move when the roster changes later.
 */
export const indicatorSnapshots = pgTable(
  "indicator_snapshots",
  {
    fiscalYear: integer("fiscal_year").notNull(),
    indicatorCode: text("indicator_code").notNull(),
    value: numeric("value", { precision: 12, scale: 2, mode: "number" }),
    numerator: numeric("numerator", { precision: 12, scale: 2, mode: "number" }),
    denominator: numeric("denominator", { precision: 12, scale: 2, mode: "number" }),
    rule: jsonb("rule"),
    details: jsonb("details").notNull().default({}),
    /** LG1 only: the people in the population and what each did (drill-down). Kept out of
     * `details` so reading a closed year's figures never loads the whole list. */
    people: jsonb("people"),
    closedAt: timestamp("closed_at", { withTimezone: true }).notNull().defaultNow(),
    closedByAccountId: text("closed_by_account_id").references(() => accounts.id),
  },
  (t) => [primaryKey({ columns: [t.fiscalYear, t.indicatorCode] })],
);

/** What the committee writes for the Mayor's quarterly report: problems and next steps. */
export const quarterlyReports = pgTable(
  "quarterly_reports",
  {
    fiscalYear: integer("fiscal_year").notNull(),
    quarter: integer("quarter").notNull(),
    problems: text("problems").notNull().default(""),
    nextSteps: text("next_steps").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedByAccountId: text("updated_by_account_id").references(() => accounts.id),
  },
  (t) => [primaryKey({ columns: [t.fiscalYear, t.quarter] }), check("quarterly_reports_quarter", sql`${t.quarter} BETWEEN 1 AND 4`)],
);

/**
 * One row, one number, moved by triggers (migration 0009) when a transaction that changed
 * anything the participation query or the funnel reads commits. A cached figure is only used
 * under the version it was computed at (decision 019).
 */
export const participationDataVersion = pgTable(
  "participation_data_version",
  {
    singleton: boolean("singleton").primaryKey().default(true),
    version: bigint("version", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("participation_data_version_one_row", sql`${t.singleton}`)],
);

/**
 * An open year's LG1 sums per division and idea funnel, the last computed, with everything they
 * depend on: data version, rule, window (start, first and last day) and the window ends they
 * hold for — from valid_from up to valid_until, the first idea or comment stamped at or after
 * valid_from (null: none yet). Decision 019.
 */
export const openYearFiguresCache = pgTable("open_year_figures_cache", {
  fiscalYear: integer("fiscal_year").primaryKey(),
  dataVersion: bigint("data_version", { mode: "number" }).notNull(),
  rule: jsonb("rule").notNull(),
  yearStart: timestamp("year_start", { withTimezone: true }).notNull(),
  firstDay: date("first_day", { mode: "string" }).notNull(),
  lastDay: date("last_day", { mode: "string" }).notNull(),
  validFrom: timestamp("valid_from", { withTimezone: true }).notNull(),
  validUntil: timestamp("valid_until", { withTimezone: true }),
  divisions: jsonb("divisions").notNull(),
  funnel: jsonb("funnel").notNull(),
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
});
