CREATE TYPE "public"."application_status" AS ENUM('SUBMITTED', 'INFO_REQUESTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'APPLICATION_SUBMITTED';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'APPLICATION_UPDATED';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'APPLICATION_DECIDED';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'ORGANIZATION_WITHDRAWN';--> statement-breakpoint
CREATE TABLE "application_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"from_status" "application_status",
	"to_status" "application_status" NOT NULL,
	"actor_id" uuid,
	"message" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" "application_status" DEFAULT 'SUBMITTED' NOT NULL,
	"applicant_id" uuid,
	"name" text NOT NULL,
	"name_it" text DEFAULT '' NOT NULL,
	"category" "organization_category" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"description_it" text DEFAULT '' NOT NULL,
	"website" text,
	"address" text,
	"district" text,
	"latitude" double precision,
	"longitude" double precision,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdgs" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"community_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"motivation" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"representative_name" text NOT NULL,
	"representative_email" text NOT NULL,
	"organization_id" uuid,
	"signed_on" date,
	"decision_message" text,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observatory_monthly" (
	"community_id" uuid NOT NULL,
	"month" date NOT NULL,
	"members_joined" integer DEFAULT 0 NOT NULL,
	"threads" integer DEFAULT 0 NOT NULL,
	"replies" integer DEFAULT 0 NOT NULL,
	"resources" integer DEFAULT 0 NOT NULL,
	"documents" integer DEFAULT 0 NOT NULL,
	"endorsements" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "observatory_monthly_community_id_month_pk" PRIMARY KEY("community_id","month")
);
--> statement-breakpoint
CREATE TABLE "observatory_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"refreshed_at" timestamp (3) with time zone NOT NULL,
	"figures" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "themes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "application_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "district" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "themes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "sdgs" smallint[] DEFAULT '{}'::smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "withdrawn_on" date;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "withdrawal_reason" text;--> statement-breakpoint
ALTER TABLE "application_transitions" ADD CONSTRAINT "application_transitions_application_id_membership_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."membership_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_transitions" ADD CONSTRAINT "application_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observatory_monthly" ADD CONSTRAINT "observatory_monthly_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_transitions_application_idx" ON "application_transitions" USING btree ("application_id","created_at","id");--> statement-breakpoint
CREATE INDEX "membership_applications_status_idx" ON "membership_applications" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "membership_applications_applicant_idx" ON "membership_applications" USING btree ("applicant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_applications_open_name_idx" ON "membership_applications" USING btree (lower("name")) WHERE "membership_applications"."status" in ('SUBMITTED', 'INFO_REQUESTED');--> statement-breakpoint
CREATE INDEX "organizations_themes_idx" ON "organizations" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "organizations_sdgs_idx" ON "organizations" USING gin ("sdgs");