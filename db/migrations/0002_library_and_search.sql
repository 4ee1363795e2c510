-- array_to_string is only STABLE (element output functions could depend on settings); for
-- text[] it cannot, so this wrapper may be IMMUTABLE and used in the search indexes.
CREATE OR REPLACE FUNCTION pratica_tags_text(tags text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
  AS $$ SELECT array_to_string(tags, ' ') $$;--> statement-breakpoint
CREATE TYPE "public"."learning_path_status" AS ENUM('DRAFT', 'PUBLISHED');--> statement-breakpoint
CREATE TYPE "public"."resource_decision" AS ENUM('PUBLISH', 'FEATURE', 'UNFEATURE', 'REQUEST_CHANGES', 'REJECT', 'ARCHIVE', 'RESUBMIT');--> statement-breakpoint
CREATE TYPE "public"."resource_kind" AS ENUM('GUIDE', 'CASE_STUDY', 'TOOLKIT', 'TEMPLATE', 'RECORDING', 'COURSE', 'ARTICLE');--> statement-breakpoint
CREATE TYPE "public"."resource_language" AS ENUM('it', 'en');--> statement-breakpoint
CREATE TYPE "public"."resource_status" AS ENUM('PROPOSED', 'CHANGES_REQUESTED', 'PUBLISHED', 'FEATURED', 'REJECTED', 'ARCHIVED');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'RESOURCE_DECIDED';--> statement-breakpoint
CREATE TABLE "learning_path_progress" (
	"user_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"path_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_path_progress_user_id_step_id_pk" PRIMARY KEY("user_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "learning_path_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"path_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_paths" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"creator_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" "learning_path_status" DEFAULT 'DRAFT' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_bookmarks" (
	"user_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_bookmarks_user_id_resource_id_pk" PRIMARY KEY("user_id","resource_id")
);
--> statement-breakpoint
CREATE TABLE "resource_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"decision" "resource_decision" NOT NULL,
	"from_status" "resource_status" NOT NULL,
	"to_status" "resource_status" NOT NULL,
	"reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_helpful_votes" (
	"user_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_helpful_votes_user_id_resource_id_pk" PRIMARY KEY("user_id","resource_id")
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"proposer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"url" text,
	"kind" "resource_kind" NOT NULL,
	"language" "resource_language" NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "resource_status" DEFAULT 'PROPOSED' NOT NULL,
	"helpful_count" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "resource_id" uuid;--> statement-breakpoint
ALTER TABLE "learning_path_progress" ADD CONSTRAINT "learning_path_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_path_progress" ADD CONSTRAINT "learning_path_progress_step_id_learning_path_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."learning_path_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_path_steps" ADD CONSTRAINT "learning_path_steps_path_id_learning_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."learning_paths"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_path_steps" ADD CONSTRAINT "learning_path_steps_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_paths" ADD CONSTRAINT "learning_paths_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_paths" ADD CONSTRAINT "learning_paths_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_bookmarks" ADD CONSTRAINT "resource_bookmarks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_bookmarks" ADD CONSTRAINT "resource_bookmarks_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_decisions" ADD CONSTRAINT "resource_decisions_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_decisions" ADD CONSTRAINT "resource_decisions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_helpful_votes" ADD CONSTRAINT "resource_helpful_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_helpful_votes" ADD CONSTRAINT "resource_helpful_votes_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_proposer_id_users_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "learning_path_progress_path_idx" ON "learning_path_progress" USING btree ("path_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_path_steps_path_resource_idx" ON "learning_path_steps" USING btree ("path_id","resource_id");--> statement-breakpoint
CREATE INDEX "learning_path_steps_path_idx" ON "learning_path_steps" USING btree ("path_id","position");--> statement-breakpoint
CREATE INDEX "learning_paths_community_idx" ON "learning_paths" USING btree ("community_id","created_at");--> statement-breakpoint
CREATE INDEX "resource_decisions_resource_idx" ON "resource_decisions" USING btree ("resource_id","created_at");--> statement-breakpoint
CREATE INDEX "resource_votes_resource_idx" ON "resource_helpful_votes" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "resources_community_status_idx" ON "resources" USING btree ("community_id","status","helpful_count","id");--> statement-breakpoint
CREATE INDEX "resources_community_created_idx" ON "resources" USING btree ("community_id","created_at","id");--> statement-breakpoint
CREATE INDEX "resources_search_idx" ON "resources" USING gin ((setweight(to_tsvector((case "language" when 'it' then 'italian'::regconfig else 'english'::regconfig end), "title"), 'A') || setweight(to_tsvector((case "language" when 'it' then 'italian'::regconfig else 'english'::regconfig end), pratica_tags_text("tags")), 'B') || setweight(to_tsvector((case "language" when 'it' then 'italian'::regconfig else 'english'::regconfig end), "summary"), 'C') || setweight(to_tsvector((case "language" when 'it' then 'italian'::regconfig else 'english'::regconfig end), "body"), 'D')));--> statement-breakpoint
CREATE INDEX "resources_tags_idx" ON "resources" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "posts_search_idx" ON "posts" USING gin ((to_tsvector('italian'::regconfig, "body") || to_tsvector('english'::regconfig, "body")));--> statement-breakpoint
CREATE INDEX "threads_search_idx" ON "threads" USING gin ((setweight((to_tsvector('italian'::regconfig, "title") || to_tsvector('english'::regconfig, "title")), 'A') || setweight((to_tsvector('italian'::regconfig, pratica_tags_text("tags")) || to_tsvector('english'::regconfig, pratica_tags_text("tags"))), 'B') || setweight((to_tsvector('italian'::regconfig, "body") || to_tsvector('english'::regconfig, "body")), 'D')));