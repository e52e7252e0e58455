CREATE TABLE "open_year_figures_cache" (
	"fiscal_year" integer PRIMARY KEY NOT NULL,
	"data_version" bigint NOT NULL,
	"rule" jsonb NOT NULL,
	"year_start" timestamp with time zone NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"divisions" jsonb NOT NULL,
	"funnel" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_data_version" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "participation_data_version_one_row" CHECK ("participation_data_version"."singleton")
);
--> statement-breakpoint
CREATE INDEX "idea_comments_created_idx" ON "idea_comments" USING btree ("created_at");--> statement-breakpoint
INSERT INTO "participation_data_version" ("singleton", "version") VALUES (true, 0);
--> statement-breakpoint
-- Moves the data version once per transaction that changed what an open year's figures read
-- (decision 019). It runs at commit (deferred constraint triggers), so the version row is locked
-- only while committing: writers never hold it while they wait for another lock, which keeps
-- the app's lock order (an idea's row first) free of deadlocks. A transaction-local setting
-- makes the second and later rows of a transaction cost nothing.
CREATE FUNCTION "participation_data_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('nawat.participation_data_changed', true) IS DISTINCT FROM 'on' THEN
    UPDATE "participation_data_version" SET "version" = "version" + 1;
    PERFORM set_config('nawat.participation_data_changed', 'on', true);
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- Every table the participation query (app/models/participation.server.ts) or the funnel reads,
-- updates only of the columns they read (a vote updates ideas.vote_count: no trigger), and
-- TRUNCATE (statement triggers only, run at once). Votes, followers and notifications: none.
CREATE CONSTRAINT TRIGGER "people_participation_changed" AFTER INSERT OR DELETE OR UPDATE OF "id", "category_id" ON "people"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "staff_categories_participation_changed" AFTER INSERT OR DELETE OR UPDATE OF "id", "code" ON "staff_categories"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "employment_periods_participation_changed" AFTER INSERT OR DELETE OR UPDATE OF "person_id", "start_date", "end_date" ON "employment_periods"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "division_assignments_participation_changed" AFTER INSERT OR DELETE OR UPDATE OF "person_id", "division_id", "start_date", "end_date" ON "division_assignments"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "ideas_participation_changed" AFTER INSERT OR DELETE OR UPDATE OF "id", "submitted_at", "stage" ON "ideas"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "idea_authors_participation_changed" AFTER INSERT OR DELETE OR UPDATE OF "idea_id", "person_id" ON "idea_authors"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "idea_stage_events_participation_changed" AFTER INSERT OR DELETE OR UPDATE OF "idea_id", "from_stage", "to_stage" ON "idea_stage_events"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "idea_comments_participation_changed" AFTER INSERT OR DELETE OR UPDATE OF "author_person_id", "created_at" ON "idea_comments"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "training_sessions_participation_changed" AFTER INSERT OR DELETE OR UPDATE OF "id", "start_date" ON "training_sessions"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "training_attendance_participation_changed" AFTER INSERT OR DELETE OR UPDATE OF "person_id", "session_id" ON "training_attendance"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE TRIGGER "people_participation_truncated" AFTER TRUNCATE ON "people" FOR EACH STATEMENT EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE TRIGGER "staff_categories_participation_truncated" AFTER TRUNCATE ON "staff_categories" FOR EACH STATEMENT EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE TRIGGER "employment_periods_participation_truncated" AFTER TRUNCATE ON "employment_periods" FOR EACH STATEMENT EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE TRIGGER "division_assignments_participation_truncated" AFTER TRUNCATE ON "division_assignments" FOR EACH STATEMENT EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE TRIGGER "ideas_participation_truncated" AFTER TRUNCATE ON "ideas" FOR EACH STATEMENT EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE TRIGGER "idea_authors_participation_truncated" AFTER TRUNCATE ON "idea_authors" FOR EACH STATEMENT EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE TRIGGER "idea_stage_events_participation_truncated" AFTER TRUNCATE ON "idea_stage_events" FOR EACH STATEMENT EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE TRIGGER "idea_comments_participation_truncated" AFTER TRUNCATE ON "idea_comments" FOR EACH STATEMENT EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE TRIGGER "training_sessions_participation_truncated" AFTER TRUNCATE ON "training_sessions" FOR EACH STATEMENT EXECUTE FUNCTION "participation_data_changed"();--> statement-breakpoint
CREATE TRIGGER "training_attendance_participation_truncated" AFTER TRUNCATE ON "training_attendance" FOR EACH STATEMENT EXECUTE FUNCTION "participation_data_changed"();
