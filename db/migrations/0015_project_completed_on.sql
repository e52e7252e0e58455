ALTER TABLE "projects" ADD COLUMN "completed_on" date;--> statement-breakpoint
-- Projects completed before the column was added: taken as completed on their end date
-- (or, with no end date, the day they were last changed).
UPDATE "projects" SET "completed_on" = COALESCE("end_date", "updated_at"::date) WHERE "status" = 'completed';
