CREATE TYPE "public"."budget_band" AS ENUM('UNDER_5K', 'FROM_5K_TO_40K', 'FROM_40K_TO_140K', 'FROM_140K_TO_EU_THRESHOLD', 'OVER_EU_THRESHOLD');--> statement-breakpoint
CREATE TYPE "public"."buyer_request_state" AS ENUM('DRAFT', 'OPEN', 'SHORTLISTING', 'AWARDED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "public"."certification_kind" AS ENUM('SOCIAL_COOP_A', 'SOCIAL_COOP_B', 'BENEFIT_CORPORATION', 'B_CORP', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."certification_verification" AS ENUM('PENDING', 'VERIFIED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "public"."supplier_answer_status" AS ENUM('SUBMITTED', 'SHORTLISTED', 'AWARDED', 'NOT_SELECTED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "public"."community_kind" AS ENUM('PRACTICE', 'CONSORTIUM');--> statement-breakpoint
CREATE TYPE "public"."consortium_role" AS ENUM('LEAD', 'PARTNER', 'ASSOCIATED');--> statement-breakpoint
CREATE TYPE "public"."funding_call_status" AS ENUM('FORTHCOMING', 'OPEN', 'CLOSED', 'UNKNOWN');--> statement-breakpoint
CREATE TYPE "public"."partner_interest_status" AS ENUM('PENDING', 'CONFIRMED', 'DECLINED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "public"."partner_search_kind" AS ENUM('SEEKING', 'OFFERING');--> statement-breakpoint
CREATE TYPE "public"."partner_search_status" AS ENUM('OPEN', 'CLOSED', 'WITHDRAWN');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'FUNDING_CALL_CLOSING';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'PARTNER_INTEREST';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'PARTNER_INTEREST_DECIDED';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'SUPPLIER_MATCHED';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'SUPPLIER_ANSWERED';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'BUYER_REQUEST_DECIDED';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'CERTIFICATION_DECIDED';--> statement-breakpoint
CREATE TABLE "buyer_request_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"from_state" "buyer_request_state",
	"to_state" "buyer_request_state" NOT NULL,
	"actor_id" uuid,
	"note" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buyer_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"author_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"cpv_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"area" text[] DEFAULT '{}'::text[] NOT NULL,
	"whole_metro_area" boolean DEFAULT false NOT NULL,
	"budget_band" "budget_band" NOT NULL,
	"deadline_at" timestamp (3) with time zone NOT NULL,
	"preferred_certifications" "certification_kind"[] DEFAULT '{}'::certification_kind[] NOT NULL,
	"state" "buyer_request_state" DEFAULT 'DRAFT' NOT NULL,
	"opened_at" timestamp (3) with time zone,
	"awarded_organization_id" uuid,
	"awarded_amount" bigint,
	"awarded_at" timestamp (3) with time zone,
	"outcome_note" text,
	"closed_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" "certification_kind" NOT NULL,
	"label" text,
	"evidence_url" text,
	"evidence_note" text DEFAULT '' NOT NULL,
	"valid_from" date,
	"valid_until" date,
	"bcorp_score" numeric(5, 1),
	"recertification_due" date,
	"impact_report_url" text,
	"impact_report_year" smallint,
	"verification" "certification_verification" DEFAULT 'PENDING' NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp (3) with time zone,
	"rejection_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cpv_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"check_digit" smallint NOT NULL,
	"name_en" text NOT NULL,
	"name_it" text NOT NULL,
	"parent_code" text,
	"level" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"amount" bigint,
	"status" "supplier_answer_status" DEFAULT 'SUBMITTED' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier_cpv_codes" (
	"organization_id" uuid NOT NULL,
	"cpv_code" text NOT NULL,
	CONSTRAINT "supplier_cpv_codes_organization_id_cpv_code_pk" PRIMARY KEY("organization_id","cpv_code")
);
--> statement-breakpoint
CREATE TABLE "supplier_profiles" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"offer" text DEFAULT '' NOT NULL,
	"offer_it" text DEFAULT '' NOT NULL,
	"capacity" text DEFAULT '' NOT NULL,
	"service_area" text[] DEFAULT '{}'::text[] NOT NULL,
	"whole_metro_area" boolean DEFAULT false NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_call_follows" (
	"user_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"reminded_for_deadline" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_call_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"actor_id" uuid,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"archived" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"report" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_call_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"data" jsonb NOT NULL,
	"changed_fields" text[] NOT NULL,
	"import_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"identifier" text NOT NULL,
	"call_identifier" text,
	"title" text NOT NULL,
	"programme" text NOT NULL,
	"status" "funding_call_status" NOT NULL,
	"opens_at" timestamp (3) with time zone,
	"deadline_at" timestamp (3) with time zone,
	"deadline_time_zone" text DEFAULT 'Europe/Brussels' NOT NULL,
	"budget_total" bigint,
	"budget_per_project_min" bigint,
	"budget_per_project_max" bigint,
	"expected_grants" integer,
	"type_of_action" text,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"url" text,
	"content_hash" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp (3) with time zone,
	"import_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_interests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"search_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid,
	"role" "consortium_role" NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" "partner_interest_status" DEFAULT 'PENDING' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"author_id" uuid,
	"kind" "partner_search_kind" NOT NULL,
	"role" "consortium_role" NOT NULL,
	"expertise" text NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" "partner_search_status" DEFAULT 'OPEN' NOT NULL,
	"space_community_id" uuid,
	"space_thread_id" uuid,
	"proposal_deliverable_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "kind" "community_kind" DEFAULT 'PRACTICE' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "funding_call_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "partner_search_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "buyer_request_id" uuid;--> statement-breakpoint
ALTER TABLE "buyer_request_transitions" ADD CONSTRAINT "buyer_request_transitions_request_id_buyer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."buyer_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_request_transitions" ADD CONSTRAINT "buyer_request_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_requests" ADD CONSTRAINT "buyer_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_requests" ADD CONSTRAINT "buyer_requests_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_requests" ADD CONSTRAINT "buyer_requests_awarded_organization_id_organizations_id_fk" FOREIGN KEY ("awarded_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_answers" ADD CONSTRAINT "supplier_answers_request_id_buyer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."buyer_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_answers" ADD CONSTRAINT "supplier_answers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_answers" ADD CONSTRAINT "supplier_answers_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_cpv_codes" ADD CONSTRAINT "supplier_cpv_codes_organization_id_supplier_profiles_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."supplier_profiles"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_cpv_codes" ADD CONSTRAINT "supplier_cpv_codes_cpv_code_cpv_codes_code_fk" FOREIGN KEY ("cpv_code") REFERENCES "public"."cpv_codes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_profiles" ADD CONSTRAINT "supplier_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_call_follows" ADD CONSTRAINT "funding_call_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_call_follows" ADD CONSTRAINT "funding_call_follows_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_call_imports" ADD CONSTRAINT "funding_call_imports_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_call_revisions" ADD CONSTRAINT "funding_call_revisions_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_interests" ADD CONSTRAINT "partner_interests_search_id_partner_searches_id_fk" FOREIGN KEY ("search_id") REFERENCES "public"."partner_searches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_interests" ADD CONSTRAINT "partner_interests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_interests" ADD CONSTRAINT "partner_interests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_interests" ADD CONSTRAINT "partner_interests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_searches" ADD CONSTRAINT "partner_searches_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_searches" ADD CONSTRAINT "partner_searches_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_searches" ADD CONSTRAINT "partner_searches_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_searches" ADD CONSTRAINT "partner_searches_space_community_id_communities_id_fk" FOREIGN KEY ("space_community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_searches" ADD CONSTRAINT "partner_searches_space_thread_id_threads_id_fk" FOREIGN KEY ("space_thread_id") REFERENCES "public"."threads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_searches" ADD CONSTRAINT "partner_searches_proposal_deliverable_id_deliverables_id_fk" FOREIGN KEY ("proposal_deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "buyer_request_transitions_request_idx" ON "buyer_request_transitions" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "buyer_requests_state_idx" ON "buyer_requests" USING btree ("state","deadline_at","id");--> statement-breakpoint
CREATE INDEX "buyer_requests_organization_idx" ON "buyer_requests" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "buyer_requests_cpv_idx" ON "buyer_requests" USING gin ("cpv_codes");--> statement-breakpoint
CREATE INDEX "certifications_organization_idx" ON "certifications" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "certifications_kind_idx" ON "certifications" USING btree ("kind","verification");--> statement-breakpoint
CREATE INDEX "cpv_codes_parent_idx" ON "cpv_codes" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_answers_request_org_idx" ON "supplier_answers" USING btree ("request_id","organization_id");--> statement-breakpoint
CREATE INDEX "supplier_answers_organization_idx" ON "supplier_answers" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "supplier_cpv_codes_code_idx" ON "supplier_cpv_codes" USING btree ("cpv_code");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_call_follows_user_call_idx" ON "funding_call_follows" USING btree ("user_id","call_id");--> statement-breakpoint
CREATE INDEX "funding_call_follows_call_idx" ON "funding_call_follows" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "funding_call_imports_created_idx" ON "funding_call_imports" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_call_revisions_call_revision_idx" ON "funding_call_revisions" USING btree ("call_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_calls_source_identifier_idx" ON "funding_calls" USING btree ("source","identifier");--> statement-breakpoint
CREATE INDEX "funding_calls_deadline_idx" ON "funding_calls" USING btree ("deadline_at","id");--> statement-breakpoint
CREATE INDEX "funding_calls_status_idx" ON "funding_calls" USING btree ("status");--> statement-breakpoint
CREATE INDEX "funding_calls_themes_idx" ON "funding_calls" USING gin ("themes");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_interests_search_org_idx" ON "partner_interests" USING btree ("search_id","organization_id");--> statement-breakpoint
CREATE INDEX "partner_interests_organization_idx" ON "partner_interests" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "partner_searches_call_idx" ON "partner_searches" USING btree ("call_id","created_at","id");--> statement-breakpoint
CREATE INDEX "partner_searches_organization_idx" ON "partner_searches" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_searches_open_idx" ON "partner_searches" USING btree ("call_id","organization_id","kind") WHERE "partner_searches"."status" = 'OPEN';