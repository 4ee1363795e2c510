CREATE TYPE "public"."amendment_status" AS ENUM('OPEN', 'ACCEPTED', 'REJECTED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "public"."deliverable_event_type" AS ENUM('DELIVERABLE_UPDATED', 'SECTION_UPDATED', 'SECTIONS_REORDERED', 'AMENDMENT_PROPOSED', 'AMENDMENT_DECIDED', 'COMMENT_ADDED', 'COMMENT_RESOLVED', 'STATUS_CHANGED', 'ENDORSED', 'ENDORSEMENT_WITHDRAWN');--> statement-breakpoint
CREATE TYPE "public"."deliverable_status" AS ENUM('DRAFT', 'REVIEW', 'APPROVED', 'PUBLISHED', 'ARCHIVED');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'AMENDMENT_PROPOSED';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'AMENDMENT_DECIDED';--> statement-breakpoint
CREATE TABLE "amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"section_id" uuid NOT NULL,
	"deliverable_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"proposer_id" uuid NOT NULL,
	"body" text NOT NULL,
	"rationale" text NOT NULL,
	"base_version" integer NOT NULL,
	"status" "amendment_status" DEFAULT 'OPEN' NOT NULL,
	"decider_id" uuid,
	"decision_reason" text,
	"decided_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliverable_organizations" (
	"deliverable_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliverable_organizations_deliverable_id_organization_id_pk" PRIMARY KEY("deliverable_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "deliverable_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deliverable_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"section_id" uuid,
	"amendment_id" uuid,
	"parent_id" uuid,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"quote" text,
	"resolved_at" timestamp (3) with time zone,
	"resolved_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliverable_editors" (
	"deliverable_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"added_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliverable_editors_deliverable_id_user_id_pk" PRIMARY KEY("deliverable_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "deliverable_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"deliverable_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"type" "deliverable_event_type" NOT NULL,
	"subject_id" uuid,
	"actor_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliverable_presence" (
	"deliverable_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"section_id" uuid,
	"seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliverable_presence_deliverable_id_user_id_pk" PRIMARY KEY("deliverable_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "deliverables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"creator_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" "deliverable_status" DEFAULT 'DRAFT' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "endorsements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deliverable_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"endorser_id" uuid NOT NULL,
	"statement" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawn_by" uuid
);
--> statement-breakpoint
CREATE TABLE "section_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"section_id" uuid NOT NULL,
	"deliverable_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"heading" text NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid NOT NULL,
	"editor_id" uuid NOT NULL,
	"amendment_id" uuid,
	"restored_from" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliverable_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deliverable_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"heading" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"removed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "deliverable_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "amendment_id" uuid;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_section_id_deliverable_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."deliverable_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_proposer_id_users_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_decider_id_users_id_fk" FOREIGN KEY ("decider_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_organizations" ADD CONSTRAINT "deliverable_organizations_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_organizations" ADD CONSTRAINT "deliverable_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_comments" ADD CONSTRAINT "deliverable_comments_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_comments" ADD CONSTRAINT "deliverable_comments_section_id_deliverable_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."deliverable_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_comments" ADD CONSTRAINT "deliverable_comments_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_comments" ADD CONSTRAINT "deliverable_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_comments" ADD CONSTRAINT "deliverable_comments_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_editors" ADD CONSTRAINT "deliverable_editors_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_editors" ADD CONSTRAINT "deliverable_editors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_editors" ADD CONSTRAINT "deliverable_editors_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_events" ADD CONSTRAINT "deliverable_events_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_presence" ADD CONSTRAINT "deliverable_presence_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_presence" ADD CONSTRAINT "deliverable_presence_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverables" ADD CONSTRAINT "deliverables_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverables" ADD CONSTRAINT "deliverables_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_endorser_id_users_id_fk" FOREIGN KEY ("endorser_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_revisions" ADD CONSTRAINT "section_revisions_section_id_deliverable_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."deliverable_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_revisions" ADD CONSTRAINT "section_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_revisions" ADD CONSTRAINT "section_revisions_editor_id_users_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_revisions" ADD CONSTRAINT "section_revisions_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverable_sections" ADD CONSTRAINT "deliverable_sections_deliverable_id_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "amendments_deliverable_idx" ON "amendments" USING btree ("deliverable_id","created_at");--> statement-breakpoint
CREATE INDEX "amendments_section_idx" ON "amendments" USING btree ("section_id","created_at");--> statement-breakpoint
CREATE INDEX "deliverable_comments_section_idx" ON "deliverable_comments" USING btree ("section_id","created_at");--> statement-breakpoint
CREATE INDEX "deliverable_comments_amendment_idx" ON "deliverable_comments" USING btree ("amendment_id","created_at");--> statement-breakpoint
CREATE INDEX "deliverable_comments_parent_idx" ON "deliverable_comments" USING btree ("parent_id","created_at");--> statement-breakpoint
CREATE INDEX "deliverable_editors_user_idx" ON "deliverable_editors" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "deliverable_events_deliverable_idx" ON "deliverable_events" USING btree ("deliverable_id","id");--> statement-breakpoint
CREATE INDEX "deliverables_community_idx" ON "deliverables" USING btree ("community_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "deliverables_search_idx" ON "deliverables" USING gin ((setweight((to_tsvector('italian'::regconfig, "title") || to_tsvector('english'::regconfig, "title")), 'A') || setweight((to_tsvector('italian'::regconfig, "summary") || to_tsvector('english'::regconfig, "summary")), 'C')));--> statement-breakpoint
CREATE UNIQUE INDEX "endorsements_one_per_organization_idx" ON "endorsements" USING btree ("deliverable_id","organization_id") WHERE "endorsements"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "endorsements_deliverable_idx" ON "endorsements" USING btree ("deliverable_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "section_revisions_section_version_idx" ON "section_revisions" USING btree ("section_id","version");--> statement-breakpoint
CREATE INDEX "deliverable_sections_deliverable_idx" ON "deliverable_sections" USING btree ("deliverable_id","position");--> statement-breakpoint
CREATE INDEX "deliverable_sections_search_idx" ON "deliverable_sections" USING gin ((setweight((to_tsvector('italian'::regconfig, "heading") || to_tsvector('english'::regconfig, "heading")), 'B') || setweight((to_tsvector('italian'::regconfig, "body") || to_tsvector('english'::regconfig, "body")), 'D')));