-- Trigram indexes below need pg_trgm (PGlite loads it as an extension; Debian ships it with the server).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "idea_authors" (
	"idea_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"is_submitter" boolean DEFAULT false NOT NULL,
	CONSTRAINT "idea_authors_idea_id_person_id_pk" PRIMARY KEY("idea_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "idea_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"idea_id" integer NOT NULL,
	"author_person_id" integer NOT NULL,
	"body" text NOT NULL,
	"by_committee" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone,
	"submission_token" text,
	CONSTRAINT "idea_comments_submission_token_unique" UNIQUE("submission_token")
);
--> statement-breakpoint
CREATE TABLE "idea_followers" (
	"idea_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	CONSTRAINT "idea_followers_idea_id_person_id_pk" PRIMARY KEY("idea_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "idea_stage_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"idea_id" integer NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"by_account_id" text,
	"reason" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idea_stage_events_to_valid" CHECK ("idea_stage_events"."to_stage" IN ('submitted','screening','committee_review','approved','in_progress','implemented','not_adopted','duplicate','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "idea_tags" (
	"idea_id" integer NOT NULL,
	"tag_id" integer NOT NULL,
	CONSTRAINT "idea_tags_idea_id_tag_id_pk" PRIMARY KEY("idea_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "idea_votes" (
	"idea_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idea_votes_idea_id_person_id_pk" PRIMARY KEY("idea_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "ideas" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"solution" text NOT NULL,
	"benefit" text NOT NULL,
	"strategy_id" integer,
	"plan_id" integer,
	"stage" text DEFAULT 'submitted' NOT NULL,
	"stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"created_by_account_id" text,
	"duplicate_of_idea_id" integer,
	"vote_count" integer DEFAULT 0 NOT NULL,
	"comment_count" integer DEFAULT 0 NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"submission_token" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ideas_submission_token_unique" UNIQUE("submission_token"),
	CONSTRAINT "ideas_stage_valid" CHECK ("ideas"."stage" IN ('submitted','screening','committee_review','approved','in_progress','implemented','not_adopted','duplicate','withdrawn')),
	CONSTRAINT "ideas_counts_non_negative" CHECK ("ideas"."vote_count" >= 0 AND "ideas"."comment_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"recipient_person_id" integer NOT NULL,
	"kind" text NOT NULL,
	"idea_id" integer,
	"actor_person_id" integer,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_kind_valid" CHECK ("notifications"."kind" IN ('stage_changed', 'comment', 'marked_duplicate'))
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "tags_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "idea_authors" ADD CONSTRAINT "idea_authors_idea_id_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_authors" ADD CONSTRAINT "idea_authors_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_comments" ADD CONSTRAINT "idea_comments_idea_id_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_comments" ADD CONSTRAINT "idea_comments_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_followers" ADD CONSTRAINT "idea_followers_idea_id_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_followers" ADD CONSTRAINT "idea_followers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_stage_events" ADD CONSTRAINT "idea_stage_events_idea_id_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_stage_events" ADD CONSTRAINT "idea_stage_events_by_account_id_accounts_id_fk" FOREIGN KEY ("by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_tags" ADD CONSTRAINT "idea_tags_idea_id_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_tags" ADD CONSTRAINT "idea_tags_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_votes" ADD CONSTRAINT "idea_votes_idea_id_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_votes" ADD CONSTRAINT "idea_votes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_created_by_account_id_accounts_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_duplicate_of_idea_id_ideas_id_fk" FOREIGN KEY ("duplicate_of_idea_id") REFERENCES "public"."ideas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_person_id_people_id_fk" FOREIGN KEY ("recipient_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_idea_id_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_person_id_people_id_fk" FOREIGN KEY ("actor_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idea_authors_person_idx" ON "idea_authors" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "idea_comments_idea_idx" ON "idea_comments" USING btree ("idea_id","created_at");--> statement-breakpoint
CREATE INDEX "idea_comments_author_idx" ON "idea_comments" USING btree ("author_person_id","created_at");--> statement-breakpoint
CREATE INDEX "idea_followers_person_idx" ON "idea_followers" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "idea_stage_events_idea_idx" ON "idea_stage_events" USING btree ("idea_id","at");--> statement-breakpoint
CREATE INDEX "idea_stage_events_at_idx" ON "idea_stage_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "idea_tags_tag_idx" ON "idea_tags" USING btree ("tag_id");--> statement-breakpoint
CREATE INDEX "idea_votes_person_idx" ON "idea_votes" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "ideas_submitted_idx" ON "ideas" USING btree ("submitted_at","id");--> statement-breakpoint
CREATE INDEX "ideas_votes_idx" ON "ideas" USING btree ("vote_count","id");--> statement-breakpoint
CREATE INDEX "ideas_comments_idx" ON "ideas" USING btree ("comment_count","id");--> statement-breakpoint
CREATE INDEX "ideas_stage_idx" ON "ideas" USING btree ("stage","submitted_at");--> statement-breakpoint
CREATE INDEX "ideas_fiscal_year_idx" ON "ideas" USING btree ("fiscal_year");--> statement-breakpoint
CREATE INDEX "ideas_plan_idx" ON "ideas" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "ideas_search_trgm_idx" ON "ideas" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "ideas_title_trgm_idx" ON "ideas" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_person_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("recipient_person_id") WHERE "notifications"."read_at" IS NULL;