import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { accounts } from "./auth";
import { ideas } from "./ideas";
import { people } from "./people";
import { projects } from "./plan";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Review criteria (default: benefit to citizens, novelty, feasibility, cost, fit with the plan). */
export const scoringCriteria = pgTable("scoring_criteria", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  nameTh: text("name_th").notNull(),
  nameEn: text("name_en").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
  active: boolean("active").notNull().default(true),
});

/** One score per committee member per criterion per idea: the primary key is the rule. */
export const ideaScores = pgTable(
  "idea_scores",
  {
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    criterionId: integer("criterion_id")
      .notNull()
      .references(() => scoringCriteria.id),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    score: integer("score").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.criterionId, t.personId] }), check("idea_scores_range", sql`${t.score} BETWEEN 1 AND 5`)],
);

/** Committee-only discussion on an idea (threaded); never shown to staff or authors. */
export const committeeNotes = pgTable(
  "committee_notes",
  {
    id: serial("id").primaryKey(),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    parentNoteId: integer("parent_note_id").references((): AnyPgColumn => committeeNotes.id, { onDelete: "cascade" }),
    authorPersonId: integer("author_person_id")
      .notNull()
      .references(() => people.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("committee_notes_idea_idx").on(t.ideaId, t.createdAt)],
);

/** People working on a project besides its owner. */
export const projectMembers = pgTable(
  "project_members",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.personId] })],
);

export const projectMilestones = pgTable(
  "project_milestones",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    dueDate: date("due_date", { mode: "string" }),
    doneOn: date("done_on", { mode: "string" }),
    sortOrder: integer("sort_order").notNull().default(0),
    /** Raised by every change (edit form, done, reopen): a save from a form showing an older version is refused. */
    version: integer("version").notNull().default(0),
    /** A random token from the add form: a double submit adds one milestone. */
    submissionToken: text("submission_token").unique(),
  },
  (t) => [index("project_milestones_project_idx").on(t.projectId)],
);

export const IP_STATUSES = [
  "none",
  "copyright_notified",
  "petty_patent_filed",
  "petty_patent_granted",
  "patent_filed",
  "patent_granted",
] as const;
export type IpStatus = (typeof IP_STATUSES)[number];

/** An innovation (ชิ้นงานนวัตกรรม) delivered by a project. */
export const innovations = pgTable(
  "innovations",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    nameTh: text("name_th").notNull(),
    nameEn: text("name_en").notNull().default(""),
    description: text("description").notNull().default(""),
    deliveredOn: date("delivered_on", { mode: "string" }).notNull(),
    /** Fiscal year (BE) of delivery, for the indicator. */
    fiscalYear: integer("fiscal_year").notNull(),
    beneficiaries: text("beneficiaries").notNull().default(""),
    ipStatus: text("ip_status").$type<IpStatus>().notNull().default("none"),
    ipNumber: text("ip_number").notNull().default(""),
    ipFiledOn: date("ip_filed_on", { mode: "string" }),
    ipGrantedOn: date("ip_granted_on", { mode: "string" }),
    createdByAccountId: text("created_by_account_id").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Raised by every save of the edit form: a save from a form showing an older version is refused. */
    version: integer("version").notNull().default(0),
    /** A random token from the delivery form: a double submit records one innovation. */
    submissionToken: text("submission_token").unique(),
  },
  (t) => [
    index("innovations_project_idx").on(t.projectId),
    index("innovations_fiscal_year_idx").on(t.fiscalYear),
    check(
      "innovations_ip_status_valid",
      sql`${t.ipStatus} IN ('none','copyright_notified','petty_patent_filed','petty_patent_granted','patent_filed','patent_granted')`,
    ),
  ],
);

/** A follow-up report on an innovation's use. */
export const innovationFollowUps = pgTable(
  "innovation_follow_ups",
  {
    id: serial("id").primaryKey(),
    innovationId: integer("innovation_id")
      .notNull()
      .references(() => innovations.id, { onDelete: "cascade" }),
    reportedOn: date("reported_on", { mode: "string" }).notNull(),
    observation: text("observation").notNull(),
    beneficiaries: text("beneficiaries").notNull().default(""),
    createdByAccountId: text("created_by_account_id").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** A random token from the follow-up form: a double submit records one report. */
    submissionToken: text("submission_token").unique(),
  },
  (t) => [index("innovation_follow_ups_innovation_idx").on(t.innovationId)],
);

export const ATTACHMENT_OWNERS = ["idea", "stage_event", "project", "innovation", "follow_up"] as const;
export type AttachmentOwner = (typeof ATTACHMENT_OWNERS)[number];

/** Evidence files, stored in the database so one backup holds everything. */
export const attachments = pgTable(
  "attachments",
  {
    id: serial("id").primaryKey(),
    ownerType: text("owner_type").$type<AttachmentOwner>().notNull(),
    ownerId: integer("owner_id").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    data: bytea("data").notNull(),
    uploadedByAccountId: text("uploaded_by_account_id").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("attachments_owner_idx").on(t.ownerType, t.ownerId),
    check("attachments_owner_valid", sql`${t.ownerType} IN ('idea','stage_event','project','innovation','follow_up')`),
    check("attachments_size", sql`${t.sizeBytes} > 0`),
  ],
);
