CREATE TYPE "public"."appeal_state" AS ENUM('OPEN', 'UPHELD', 'OVERTURNED');--> statement-breakpoint
CREATE TYPE "public"."case_state" AS ENUM('OPEN', 'ACTIONED', 'DISMISSED', 'APPEALED', 'UPHELD', 'OVERTURNED');--> statement-breakpoint
CREATE TYPE "public"."moderation_action" AS ENUM('REPORT', 'AUTO_HIDE', 'DISMISS', 'HIDE', 'RESTORE', 'WARN', 'RESTRICT', 'SUSPEND', 'APPEAL', 'UPHOLD', 'OVERTURN', 'LIFT');--> statement-breakpoint
CREATE TYPE "public"."moderation_target_kind" AS ENUM('POST', 'THREAD', 'RESOURCE', 'COMMENT', 'AMENDMENT', 'USER');--> statement-breakpoint
CREATE TYPE "public"."report_reason" AS ENUM('SPAM', 'OFFENSIVE', 'OFF_TOPIC', 'PERSONAL_DATA', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."sanction_kind" AS ENUM('WARN', 'RESTRICT', 'SUSPEND');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'CASE_OPENED';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'REPORT_OUTCOME';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'MODERATION_ACTION';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'APPEAL_OPENED';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'APPEAL_DECIDED';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'CASE_MESSAGE';--> statement-breakpoint
ALTER TYPE "public"."thread_event_type" ADD VALUE 'POST_HIDDEN';--> statement-breakpoint
ALTER TYPE "public"."thread_event_type" ADD VALUE 'POST_RESTORED';--> statement-breakpoint
CREATE TABLE "appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"statement" text NOT NULL,
	"state" "appeal_state" DEFAULT 'OPEN' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appeals_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "case_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_state" "case_state",
	"to_state" "case_state" NOT NULL,
	"action" "moderation_action" NOT NULL,
	"actor_id" uuid,
	"note" text,
	"message" text,
	"until" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "moderation_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_kind" "moderation_target_kind" NOT NULL,
	"target_id" uuid NOT NULL,
	"community_id" uuid,
	"target_author_id" uuid NOT NULL,
	"state" "case_state" DEFAULT 'OPEN' NOT NULL,
	"reason" "report_reason" NOT NULL,
	"weight" real DEFAULT 0 NOT NULL,
	"auto_hidden_at" timestamp (3) with time zone,
	"action" "moderation_action",
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"until" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "moderation_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"target_kind" "moderation_target_kind" NOT NULL,
	"target_id" uuid NOT NULL,
	"reason" "report_reason" NOT NULL,
	"note" text,
	"weight" real NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "sanctions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "sanction_kind" NOT NULL,
	"community_id" uuid,
	"ends_at" timestamp (3) with time zone,
	"lifted_at" timestamp (3) with time zone,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "auto_hide_threshold" real DEFAULT 3;--> statement-breakpoint
ALTER TABLE "community_memberships" ADD COLUMN "suspended_until" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "community_memberships" ADD COLUMN "restricted_until" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "amendments" ADD COLUMN "hidden_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "amendments" ADD COLUMN "hidden_case_id" uuid;--> statement-breakpoint
ALTER TABLE "deliverable_comments" ADD COLUMN "hidden_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "deliverable_comments" ADD COLUMN "hidden_case_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "suspended_until" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "restricted_until" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "vouched_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "vouched_by" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "hidden_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "hidden_case_id" uuid;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "hidden_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "hidden_case_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "community_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "deleted_reason" text;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "hidden_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "hidden_case_id" uuid;--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "hidden_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "hidden_case_id" uuid;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_case_id_moderation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."moderation_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_messages" ADD CONSTRAINT "case_messages_case_id_moderation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."moderation_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_messages" ADD CONSTRAINT "case_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_case_id_moderation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."moderation_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_cases" ADD CONSTRAINT "moderation_cases_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_cases" ADD CONSTRAINT "moderation_cases_target_author_id_users_id_fk" FOREIGN KEY ("target_author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_cases" ADD CONSTRAINT "moderation_cases_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_reports" ADD CONSTRAINT "moderation_reports_case_id_moderation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."moderation_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_reports" ADD CONSTRAINT "moderation_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_case_id_moderation_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."moderation_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeals_state_idx" ON "appeals" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "case_messages_case_idx" ON "case_messages" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_transitions_case_idx" ON "case_transitions" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "moderation_cases_open_target_idx" ON "moderation_cases" USING btree ("target_kind","target_id") WHERE "moderation_cases"."state" = 'OPEN';--> statement-breakpoint
CREATE INDEX "moderation_cases_queue_idx" ON "moderation_cases" USING btree ("community_id","state","created_at","id");--> statement-breakpoint
CREATE INDEX "moderation_cases_state_idx" ON "moderation_cases" USING btree ("state","created_at","id");--> statement-breakpoint
CREATE INDEX "moderation_cases_author_idx" ON "moderation_cases" USING btree ("target_author_id","created_at");--> statement-breakpoint
CREATE INDEX "moderation_cases_target_idx" ON "moderation_cases" USING btree ("target_kind","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "moderation_reports_open_idx" ON "moderation_reports" USING btree ("reporter_id","target_kind","target_id") WHERE "moderation_reports"."resolved_at" IS NULL;--> statement-breakpoint
CREATE INDEX "moderation_reports_case_idx" ON "moderation_reports" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "moderation_reports_reporter_idx" ON "moderation_reports" USING btree ("reporter_id","created_at");--> statement-breakpoint
CREATE INDEX "sanctions_user_idx" ON "sanctions" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "sanctions_in_force_idx" ON "sanctions" USING btree ("ends_at") WHERE "sanctions"."lifted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "audit_log_community_idx" ON "audit_log" USING btree ("community_id","created_at","id");--> statement-breakpoint
-- Accounts that existed before new-member limits were let in on the old terms: they start trusted.
UPDATE "users" SET "vouched_at" = "created_at" WHERE "vouched_at" IS NULL;
