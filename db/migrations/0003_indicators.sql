CREATE TABLE "action_plan_activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"fiscal_year" integer NOT NULL,
	"title" text NOT NULL,
	"plan_id" integer,
	"status" text DEFAULT 'planned' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_plan_activities_status_valid" CHECK ("action_plan_activities"."status" IN ('planned','in_progress','done','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "indicator_snapshots" (
	"fiscal_year" integer NOT NULL,
	"indicator_code" text NOT NULL,
	"value" numeric(12, 2),
	"numerator" numeric(12, 2),
	"denominator" numeric(12, 2),
	"rule" jsonb,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by_account_id" text,
	CONSTRAINT "indicator_snapshots_fiscal_year_indicator_code_pk" PRIMARY KEY("fiscal_year","indicator_code")
);
--> statement-breakpoint
CREATE TABLE "quarterly_reports" (
	"fiscal_year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_account_id" text,
	CONSTRAINT "quarterly_reports_fiscal_year_quarter_pk" PRIMARY KEY("fiscal_year","quarter"),
	CONSTRAINT "quarterly_reports_quarter" CHECK ("quarterly_reports"."quarter" BETWEEN 1 AND 4)
);
--> statement-breakpoint
ALTER TABLE "fiscal_year_settings" ADD COLUMN "reopen_reason" text;--> statement-breakpoint
ALTER TABLE "lpa_scores" ADD COLUMN "areas" jsonb;--> statement-breakpoint
ALTER TABLE "lpa_scores" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "action_plan_activities" ADD CONSTRAINT "action_plan_activities_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_snapshots" ADD CONSTRAINT "indicator_snapshots_closed_by_account_id_accounts_id_fk" FOREIGN KEY ("closed_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarterly_reports" ADD CONSTRAINT "quarterly_reports_updated_by_account_id_accounts_id_fk" FOREIGN KEY ("updated_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_plan_activities_year_idx" ON "action_plan_activities" USING btree ("fiscal_year","sort_order");