ALTER TABLE "indicator_snapshots" ADD COLUMN "people" jsonb;--> statement-breakpoint
-- Years closed before this column existed kept their people inside details.
UPDATE "indicator_snapshots" SET "people" = "details" -> 'rows', "details" = "details" - 'rows' WHERE "details" ? 'rows';
