CREATE TABLE "idea_stage_counts" (
	"stage" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"plan_key" integer NOT NULL,
	"idea_count" integer NOT NULL,
	CONSTRAINT "idea_stage_counts_stage_fiscal_year_plan_key_pk" PRIMARY KEY("stage","fiscal_year","plan_key"),
	CONSTRAINT "idea_stage_counts_non_negative" CHECK ("idea_stage_counts"."idea_count" >= 0)
);
--> statement-breakpoint
-- One idea more or fewer in (stage, fiscal year, plan). A row that reaches 0 stays: it is reused.
-- One fewer is a plain update: the idea was counted when it came in (or by the backfill below),
-- and an upsert of -1 would fail the check on its proposed row before finding the existing one.
CREATE FUNCTION "idea_stage_counts_add"(p_stage text, p_fiscal_year integer, p_plan_key integer, p_delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_delta < 0 THEN
    UPDATE "idea_stage_counts" SET "idea_count" = "idea_count" + p_delta
    WHERE "stage" = p_stage AND "fiscal_year" = p_fiscal_year AND "plan_key" = p_plan_key;
  ELSE
    INSERT INTO "idea_stage_counts" AS c ("stage", "fiscal_year", "plan_key", "idea_count")
    VALUES (p_stage, p_fiscal_year, p_plan_key, p_delta)
    ON CONFLICT ("stage", "fiscal_year", "plan_key") DO UPDATE SET "idea_count" = c."idea_count" + p_delta;
  END IF;
END;
$$;--> statement-breakpoint
-- Keeps idea_stage_counts exact on every insert, delete and move of an idea. A move takes its two
-- count rows in one fixed order (by stage, year, plan), so two moves in opposite directions at
-- the same moment wait for each other instead of deadlocking.
CREATE FUNCTION "idea_stage_counts_track"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  old_first boolean;
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "idea_stage_counts_add"(NEW."stage", NEW."fiscal_year", coalesce(NEW."plan_id", 0), 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "idea_stage_counts_add"(OLD."stage", OLD."fiscal_year", coalesce(OLD."plan_id", 0), -1);
  ELSE
    old_first := (OLD."stage", OLD."fiscal_year", coalesce(OLD."plan_id", 0)) < (NEW."stage", NEW."fiscal_year", coalesce(NEW."plan_id", 0));
    IF old_first THEN
      PERFORM "idea_stage_counts_add"(OLD."stage", OLD."fiscal_year", coalesce(OLD."plan_id", 0), -1);
      PERFORM "idea_stage_counts_add"(NEW."stage", NEW."fiscal_year", coalesce(NEW."plan_id", 0), 1);
    ELSE
      PERFORM "idea_stage_counts_add"(NEW."stage", NEW."fiscal_year", coalesce(NEW."plan_id", 0), 1);
      PERFORM "idea_stage_counts_add"(OLD."stage", OLD."fiscal_year", coalesce(OLD."plan_id", 0), -1);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "ideas_stage_counts_insert_delete" AFTER INSERT OR DELETE ON "ideas"
FOR EACH ROW EXECUTE FUNCTION "idea_stage_counts_track"();--> statement-breakpoint
CREATE TRIGGER "ideas_stage_counts_update" AFTER UPDATE OF "stage", "fiscal_year", "plan_id" ON "ideas"
FOR EACH ROW
WHEN (OLD."stage" IS DISTINCT FROM NEW."stage" OR OLD."fiscal_year" IS DISTINCT FROM NEW."fiscal_year" OR OLD."plan_id" IS DISTINCT FROM NEW."plan_id")
EXECUTE FUNCTION "idea_stage_counts_track"();--> statement-breakpoint
-- The ideas already there.
INSERT INTO "idea_stage_counts" ("stage", "fiscal_year", "plan_key", "idea_count")
SELECT "stage", "fiscal_year", coalesce("plan_id", 0), count(*)::int FROM "ideas" GROUP BY 1, 2, 3;
