-- 0 hours is not attendance (the checklist and the import refuse it): the database refuses it too.
-- NOT VALID: every row written from now on is checked, and the 0-hour rows stored before the rule
-- stay as HR typed them (decision 022). VALIDATE CONSTRAINT makes it whole once they are fixed.
ALTER TABLE "training_attendance" DROP CONSTRAINT "training_attendance_hours";--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_hours" CHECK ("training_attendance"."hours" > 0) NOT VALID;
