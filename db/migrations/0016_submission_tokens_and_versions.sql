ALTER TABLE "projects" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "submission_token" text;--> statement-breakpoint
ALTER TABLE "innovation_follow_ups" ADD COLUMN "submission_token" text;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "innovations" ADD COLUMN "submission_token" text;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD COLUMN "submission_token" text;--> statement-breakpoint
ALTER TABLE "action_plan_activities" ADD COLUMN "submission_token" text;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_submission_token_unique" UNIQUE("submission_token");--> statement-breakpoint
ALTER TABLE "innovation_follow_ups" ADD CONSTRAINT "innovation_follow_ups_submission_token_unique" UNIQUE("submission_token");--> statement-breakpoint
ALTER TABLE "innovations" ADD CONSTRAINT "innovations_submission_token_unique" UNIQUE("submission_token");--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_submission_token_unique" UNIQUE("submission_token");--> statement-breakpoint
ALTER TABLE "action_plan_activities" ADD CONSTRAINT "action_plan_activities_submission_token_unique" UNIQUE("submission_token");