import { sql } from "drizzle-orm";
import {
  check,
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import type { ProjectStatus } from "../../app/domain/project-status";
import { people } from "./people";

/** ยุทธศาสตร์ of the innovation master plan. */
export const strategies = pgTable("strategies", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  nameTh: text("name_th").notNull(),
  nameEn: text("name_en").notNull(),
  descriptionTh: text("description_th").notNull().default(""),
  sortOrder: integer("sort_order").notNull().default(0),
});

/** แผนงาน under a strategy. */
export const plans = pgTable("plans", {
  id: serial("id").primaryKey(),
  strategyId: integer("strategy_id")
    .notNull()
    .references(() => strategies.id, { onDelete: "restrict" }),
  code: text("code").notNull().unique(),
  nameTh: text("name_th").notNull(),
  nameEn: text("name_en").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
});

/** โครงการ: the plan's named projects; the pipeline adds projects born from ideas. */
export { PROJECT_STATUSES, type ProjectStatus } from "../../app/domain/project-status";

export const projects = pgTable(
  "projects",
  {
    id: serial("id").primaryKey(),
    planId: integer("plan_id").references(() => plans.id, { onDelete: "restrict" }),
    code: text("code").unique(),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull().default(""),
    descriptionTh: text("description_th").notNull().default(""),
    /** The person (roster) responsible for the project. */
    ownerPersonId: integer("owner_person_id").references(() => people.id),
    budget: numeric("budget", { precision: 14, scale: 2, mode: "number" }),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    /** 0–100, as the committee reports it. */
    progress: integer("progress").notNull().default(0),
    status: text("status").$type<ProjectStatus>().notNull().default("planned"),
    /** Fiscal year (BE) the project started in, for the indicator (null: not started). */
    fiscalYear: integer("fiscal_year"),
    /** The day the project was set to completed (the organisation's date); null while not completed. */
    completedOn: date("completed_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Raised by every save of the edit form: a save from a form showing an older version is refused. */
    version: integer("version").notNull().default(0),
    /** A random token from the new-project form: a double submit creates one project. */
    submissionToken: text("submission_token").unique(),
  },
  (t) => [
    check("projects_progress_range", sql`${t.progress} BETWEEN 0 AND 100`),
    check("projects_status_valid", sql`${t.status} IN ('planned','active','completed','cancelled')`),
    check("projects_dates", sql`${t.endDate} IS NULL OR ${t.startDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
  ],
);

export const INDICATOR_UNITS = ["percent", "count", "score"] as const;
export const INDICATOR_COMPARISONS = ["at_least", "above_previous"] as const;
export const COUNT_MODES = ["per_year", "cumulative"] as const;

/** An indicator (ตัวชี้วัด) of the plan. */
export const indicators = pgTable(
  "indicators",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull().unique(),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull(),
    descriptionTh: text("description_th").notNull().default(""),
    kind: text("kind").$type<"output" | "outcome">().notNull(),
    unit: text("unit").$type<(typeof INDICATOR_UNITS)[number]>().notNull(),
    comparison: text("comparison").$type<(typeof INDICATOR_COMPARISONS)[number]>().notNull(),
    countMode: text("count_mode").$type<(typeof COUNT_MODES)[number]>(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [
    check("indicators_kind_valid", sql`${t.kind} IN ('output', 'outcome')`),
    check("indicators_unit_valid", sql`${t.unit} IN ('percent', 'count', 'score')`),
    check("indicators_comparison_valid", sql`${t.comparison} IN ('at_least', 'above_previous')`),
    check(
      "indicators_count_mode_valid",
      sql`${t.countMode} IS NULL OR ${t.countMode} IN ('per_year', 'cumulative')`,
    ),
  ],
);

/** Which strategies an indicator measures (one indicator may serve two). */
export const indicatorStrategies = pgTable(
  "indicator_strategies",
  {
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    strategyId: integer("strategy_id")
      .notNull()
      .references(() => strategies.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.strategyId] })],
);

/** Target of an indicator for one fiscal year (BE). A null value: the plan sets none. */
export const indicatorTargets = pgTable(
  "indicator_targets",
  {
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    fiscalYear: integer("fiscal_year").notNull(),
    targetValue: numeric("target_value", { precision: 12, scale: 2, mode: "number" }),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.fiscalYear] })],
);

/** LPA (Local Performance Assessment) score per fiscal year, with its source. */
export const lpaScores = pgTable("lpa_scores", {
  fiscalYear: integer("fiscal_year").primaryKey(),
  score: numeric("score", { precision: 6, scale: 2, mode: "number" }).notNull(),
  source: text("source").notNull().default(""),
  /** Optional scores of the assessment's five areas: { areaCode: score }. */
  areas: jsonb("areas"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Per fiscal year: the participation rule in force (data, not code) and whether the year is
 * closed. The rule's shape is defined and validated in app/domain.
 */
export const fiscalYearSettings = pgTable("fiscal_year_settings", {
  fiscalYear: integer("fiscal_year").primaryKey(),
  participationRule: jsonb("participation_rule").notNull(),
  closedAt: timestamp("closed_at", { withTimezone: true }),
  closedByAccountId: text("closed_by_account_id"),
  /** Why an admin reopened a closed year (audited too). */
  reopenReason: text("reopen_reason"),
});

/** Organisation-wide settings as key → JSON value (fiscal calendar, plan period, name). */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
