import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import type { IdeaStage } from "../../app/domain/idea-stages";
import { accounts } from "./auth";
import { people } from "./people";
import { plans, projects, strategies } from "./plan";

const STAGE_CHECK = sql.raw(
  "('submitted','screening','committee_review','approved','in_progress','implemented','not_adopted','duplicate','withdrawn')",
);

/** An idea. Long texts are markdown sources; rendering and sanitising happen on the server. */
export const ideas = pgTable(
  "ideas",
  {
    id: serial("id").primaryKey(),
    title: text("title").notNull(),
    problem: text("problem").notNull(),
    solution: text("solution").notNull(),
    benefit: text("benefit").notNull(),
    strategyId: integer("strategy_id").references(() => strategies.id),
    planId: integer("plan_id").references(() => plans.id),
    stage: text("stage").$type<IdeaStage>().notNull().default("submitted"),
    stageChangedAt: timestamp("stage_changed_at", { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    /** Fiscal year (BE) of submission, fixed when submitted under the calendar then in force. */
    fiscalYear: integer("fiscal_year").notNull(),
    createdByAccountId: text("created_by_account_id").references(() => accounts.id),
    duplicateOfIdeaId: integer("duplicate_of_idea_id").references((): AnyPgColumn => ideas.id),
    /** The project (โครงการ) the idea became or was linked to on approval. */
    projectId: integer("project_id").references(() => projects.id),
    /** Counters kept in the same transaction as the vote/comment, for sorting at 100k ideas. */
    voteCount: integer("vote_count").notNull().default(0),
    commentCount: integer("comment_count").notNull().default(0),
    /** Title + texts + tags + authors, lower-cased, for trigram search (Thai has no spaces). */
    searchText: text("search_text").notNull().default(""),
    /** A random token from the form: a double submit creates one idea. */
    submissionToken: text("submission_token").unique(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Raised by every save of the edit form (any author's): a save from a form showing an older version is refused. */
    version: integer("version").notNull().default(0),
  },
  (t) => [
    check("ideas_stage_valid", sql`${t.stage} IN ${STAGE_CHECK}`),
    check("ideas_counts_non_negative", sql`${t.voteCount} >= 0 AND ${t.commentCount} >= 0`),
    index("ideas_submitted_idx").on(t.submittedAt, t.id),
    // Participation counts a year's ideas by stage from the index alone (the rows are wide).
    index("ideas_submitted_stage_idx").on(t.submittedAt, t.stage, t.id),
    index("ideas_votes_idx").on(t.voteCount, t.id),
    index("ideas_comments_idx").on(t.commentCount, t.id),
    index("ideas_stage_idx").on(t.stage, t.submittedAt),
    // The board: each column is a range of this index (longest waiting first, or latest).
    index("ideas_stage_changed_idx").on(t.stage, t.stageChangedAt, t.id),
    // An original idea's page lists its duplicates.
    index("ideas_duplicate_of_idx").on(t.duplicateOfIdeaId),
    index("ideas_fiscal_year_idx").on(t.fiscalYear),
    index("ideas_plan_idx").on(t.planId),
    index("ideas_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    index("ideas_title_trgm_idx").using("gin", sql`${t.title} gin_trgm_ops`),
  ],
);

/**
 * How many ideas sit in each stage, per fiscal year and plan (plan_key 0: no plan). Kept by a
 * trigger on ideas (migration 0006), so every write path — forms, imports, the seed, a restore —
 * keeps it exact; the committee's board reads its column counts here instead of counting
 * every idea on each request.
 */
export const ideaStageCounts = pgTable(
  "idea_stage_counts",
  {
    stage: text("stage").$type<IdeaStage>().notNull(),
    fiscalYear: integer("fiscal_year").notNull(),
    planKey: integer("plan_key").notNull(),
    ideaCount: integer("idea_count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.stage, t.fiscalYear, t.planKey] }), check("idea_stage_counts_non_negative", sql`${t.ideaCount} >= 0`)],
);

/** Authors of an idea: the submitter and co-authors. A team idea counts for every author. */
export const ideaAuthors = pgTable(
  "idea_authors",
  {
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    isSubmitter: boolean("is_submitter").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.personId] }), index("idea_authors_person_idx").on(t.personId)],
);

export const tags = pgTable("tags", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
});

export const ideaTags = pgTable(
  "idea_tags",
  {
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.tagId] }), index("idea_tags_tag_idx").on(t.tagId)],
);

/**
 * One vote per person per idea: the primary key is the rule. No vote by an author of the idea:
 * triggers on this table and idea_authors (migration 0013, decision 023).
 */
export const ideaVotes = pgTable(
  "idea_votes",
  {
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.personId] }), index("idea_votes_person_idx").on(t.personId)],
);

export const ideaComments = pgTable(
  "idea_comments",
  {
    id: serial("id").primaryKey(),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    authorPersonId: integer("author_person_id")
      .notNull()
      .references(() => people.id),
    body: text("body").notNull(),
    /** The author held the committee role when writing: shown as a committee comment. */
    byCommittee: boolean("by_committee").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    submissionToken: text("submission_token").unique(),
  },
  (t) => [
    index("idea_comments_idea_idx").on(t.ideaId, t.createdAt),
    index("idea_comments_author_idx").on(t.authorPersonId, t.createdAt),
    // The first comment after a moment: how long a cached participation figure holds (decision 019).
    index("idea_comments_created_idx").on(t.createdAt),
  ],
);

export const ideaFollowers = pgTable(
  "idea_followers",
  {
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.personId] }), index("idea_followers_person_idx").on(t.personId)],
);

/** Every stage change: who, when, from, to and why (the author's withdrawal included). */
export const ideaStageEvents = pgTable(
  "idea_stage_events",
  {
    id: serial("id").primaryKey(),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    fromStage: text("from_stage").$type<IdeaStage>(),
    toStage: text("to_stage").$type<IdeaStage>().notNull(),
    byAccountId: text("by_account_id").references(() => accounts.id),
    reason: text("reason").notNull().default(""),
    /** The committee meeting that decided it, when cited. */
    meetingNumber: text("meeting_number"),
    meetingDate: date("meeting_date", { mode: "string" }),
    resolutionText: text("resolution_text"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("idea_stage_events_idea_idx").on(t.ideaId, t.at),
    index("idea_stage_events_at_idx").on(t.at),
    // Participation leaves out ideas rejected at screening: this finds them without reading every event.
    index("idea_stage_events_rejected_at_screening_idx")
      .on(t.ideaId)
      .where(sql`${t.toStage} = 'not_adopted' and ${t.fromStage} = 'screening'`),
    check("idea_stage_events_to_valid", sql`${t.toStage} IN ${STAGE_CHECK}`),
  ],
);

/** co_author_added: an author named the recipient a co-author of their idea. */
export const NOTIFICATION_KINDS = ["stage_changed", "comment", "marked_duplicate", "co_author_added"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** In-app notifications (the bell). */
export const notifications = pgTable(
  "notifications",
  {
    id: serial("id").primaryKey(),
    recipientPersonId: integer("recipient_person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind").$type<NotificationKind>().notNull(),
    ideaId: integer("idea_id").references(() => ideas.id, { onDelete: "cascade" }),
    actorPersonId: integer("actor_person_id").references(() => people.id),
    payload: jsonb("payload").notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_recipient_idx").on(t.recipientPersonId, t.createdAt),
    index("notifications_unread_idx").on(t.recipientPersonId).where(sql`${t.readAt} IS NULL`),
    check("notifications_kind_valid", sql`${t.kind} IN ('stage_changed', 'comment', 'marked_duplicate', 'co_author_added')`),
  ],
);

