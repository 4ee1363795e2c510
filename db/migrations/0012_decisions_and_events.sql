CREATE TYPE "public"."decision_electorate" AS ENUM('MEMBERS', 'ORGANIZATIONS');--> statement-breakpoint
CREATE TYPE "public"."decision_kind" AS ENUM('CONSENT', 'SENSE_CHECK', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'SCORE', 'RANKED_CHOICE', 'DOT_VOTE', 'TIME_POLL');--> statement-breakpoint
CREATE TYPE "public"."decision_state" AS ENUM('DRAFT', 'OPEN', 'CLOSED', 'OUTCOME_PUBLISHED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."quorum_miss" AS ENUM('EXTEND_ONCE', 'FAIL');--> statement-breakpoint
CREATE TYPE "public"."results_visibility" AS ENUM('ALWAYS', 'AFTER_VOTE', 'AFTER_CLOSE');--> statement-breakpoint
CREATE TYPE "public"."event_mode" AS ENUM('IN_PERSON', 'ONLINE', 'HYBRID');--> statement-breakpoint
CREATE TYPE "public"."event_registration_policy" AS ENUM('OPEN', 'APPROVAL', 'CLOSED');--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED', 'CANCELLED', 'ATTENDED');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'DECISION_OPENED';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'DECISION_REMINDER';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'DECISION_OUTCOME';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'EVENT_SEAT_OFFERED';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'EVENT_REGISTRATION';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'EVENT_CHANGED';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'EVENT_CANCELLED';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'EVENT_REMINDER';--> statement-breakpoint
CREATE TABLE "decision_options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"label" text NOT NULL,
	"starts_at" timestamp (3) with time zone,
	"ends_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "decision_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"author_id" uuid,
	"text" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"thread_id" uuid,
	"deliverable_id" uuid,
	"event_id" uuid,
	"author_id" uuid NOT NULL,
	"title" text NOT NULL,
	"context" text DEFAULT '' NOT NULL,
	"kind" "decision_kind" NOT NULL,
	"electorate" "decision_electorate" DEFAULT 'MEMBERS' NOT NULL,
	"state" "decision_state" DEFAULT 'DRAFT' NOT NULL,
	"opens_at" timestamp (3) with time zone,
	"closes_at" timestamp (3) with time zone NOT NULL,
	"opened_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone,
	"quorum_percent" smallint,
	"quorum_miss" "quorum_miss" DEFAULT 'FAIL' NOT NULL,
	"extended_at" timestamp (3) with time zone,
	"quorum_met" boolean,
	"results_visibility" "results_visibility" DEFAULT 'ALWAYS' NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"reason_required" boolean DEFAULT false NOT NULL,
	"max_choices" smallint,
	"dots_per_voter" smallint,
	"move_deliverable_to" "deliverable_status",
	"outcome" text,
	"outcome_published_at" timestamp (3) with time zone,
	"reminder_sent_at" timestamp (3) with time zone,
	"cancelled_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"voter_id" uuid NOT NULL,
	"organization_id" uuid,
	"choice" jsonb NOT NULL,
	"reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "registration_status" NOT NULL,
	"queue_position" bigserial NOT NULL,
	"offered_at" timestamp (3) with time zone,
	"offer_expires_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid,
	"organizer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"title_it" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"description_it" text DEFAULT '' NOT NULL,
	"mode" "event_mode" NOT NULL,
	"place_name" text,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"online_url" text,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"time_zone" text DEFAULT 'Europe/Rome' NOT NULL,
	"capacity" integer,
	"registration" "event_registration_policy" DEFAULT 'OPEN' NOT NULL,
	"cancelled_at" timestamp (3) with time zone,
	"cancellation_reason" text,
	"minutes_deliverable_id" uuid,
	"reminder_sent_at" timestamp (3) with time zone,
	"sequence" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"from_status" "registration_status",
	"to_status" "registration_status" NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "decision_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "event_id" uuid;--> statement-breakpoint
ALTER TABLE "decision_options" ADD CONSTRAINT "decision_options_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_outcomes" ADD CONSTRAINT "decision_outcomes_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_outcomes" ADD CONSTRAINT "decision_outcomes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_voter_id_users_id_fk" FOREIGN KEY ("voter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organizer_id_users_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_minutes_deliverable_id_deliverables_id_fk" FOREIGN KEY ("minutes_deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_transitions" ADD CONSTRAINT "registration_transitions_registration_id_event_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_transitions" ADD CONSTRAINT "registration_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decision_options_position_idx" ON "decision_options" USING btree ("decision_id","position");--> statement-breakpoint
CREATE INDEX "decision_outcomes_decision_idx" ON "decision_outcomes" USING btree ("decision_id","created_at");--> statement-breakpoint
CREATE INDEX "decisions_community_idx" ON "decisions" USING btree ("community_id","state","closes_at","id");--> statement-breakpoint
CREATE INDEX "decisions_thread_idx" ON "decisions" USING btree ("thread_id");--> statement-breakpoint
CREATE INDEX "decisions_deliverable_idx" ON "decisions" USING btree ("deliverable_id");--> statement-breakpoint
CREATE INDEX "decisions_event_idx" ON "decisions" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "decisions_due_idx" ON "decisions" USING btree ("state","closes_at");--> statement-breakpoint
CREATE UNIQUE INDEX "votes_member_idx" ON "votes" USING btree ("decision_id","voter_id") WHERE "votes"."organization_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "votes_organization_idx" ON "votes" USING btree ("decision_id","organization_id") WHERE "votes"."organization_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_person_idx" ON "event_registrations" USING btree ("event_id","user_id");--> statement-breakpoint
CREATE INDEX "event_registrations_status_idx" ON "event_registrations" USING btree ("event_id","status","queue_position");--> statement-breakpoint
CREATE INDEX "event_registrations_offers_idx" ON "event_registrations" USING btree ("offer_expires_at") WHERE "event_registrations"."status" = 'OFFERED';--> statement-breakpoint
CREATE INDEX "event_registrations_user_idx" ON "event_registrations" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "events_community_idx" ON "events" USING btree ("community_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "events_starts_idx" ON "events" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "registration_transitions_registration_idx" ON "registration_transitions" USING btree ("registration_id","created_at");