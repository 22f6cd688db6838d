CREATE TYPE "public"."capacity_period" AS ENUM('year', 'month', 'day');--> statement-breakpoint
CREATE TYPE "public"."capacity_unit" AS ENUM('m2', 't', 'unit', 'piece', 'GWh');--> statement-breakpoint
CREATE TYPE "public"."membership_role" AS ENUM('admin', 'editor', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."milestone_type" AS ENUM('signed', 'land_supply', 'approval', 'construction_start', 'topping_out', 'equipment_installed', 'production', 'full_capacity', 'above_designated_size', 'custom');--> statement-breakpoint
CREATE TYPE "public"."problem_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."project_health" AS ENUM('on_track', 'at_risk', 'off_track');--> statement-breakpoint
CREATE TYPE "public"."project_stage" AS ENUM('signed', 'construction', 'production', 'full_capacity');--> statement-breakpoint
CREATE TYPE "public"."share_scope" AS ENUM('project', 'park');--> statement-breakpoint
CREATE TYPE "public"."target_metric" AS ENUM('output_value', 'investment', 'tax', 'revenue');--> statement-breakpoint
CREATE TABLE "memberships" (
	"user_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"role" "membership_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_user_id_park_id_pk" PRIMARY KEY("user_id","park_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"failures" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'zh' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_email_lower_chk" CHECK ("users"."email" = lower("users"."email") and position('@' in "users"."email") > 1),
	CONSTRAINT "users_locale_chk" CHECK ("users"."locale" in ('en', 'zh'))
);
--> statement-breakpoint
CREATE TABLE "parks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"province" text NOT NULL,
	"province_en" text,
	"city" text NOT NULL,
	"city_en" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parks_slug_unique" UNIQUE("slug"),
	CONSTRAINT "parks_slug_chk" CHECK ("parks"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"metric" "target_metric" NOT NULL,
	"value" numeric(18, 2) NOT NULL,
	"year" integer NOT NULL,
	"base_year" integer NOT NULL,
	"base_value" numeric(18, 2),
	"stated_growth_pct" numeric(6, 2),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_park_id_metric_year_uq" UNIQUE("park_id","metric","year"),
	CONSTRAINT "targets_value_chk" CHECK ("targets"."value" >= 0 and ("targets"."base_value" is null or "targets"."base_value" >= 0)),
	CONSTRAINT "targets_years_chk" CHECK ("targets"."base_year" < "targets"."year" and "targets"."base_year" between 1949 and 2200 and "targets"."year" <= 2200)
);
--> statement-breakpoint
CREATE TABLE "capacities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"phase_id" uuid,
	"line_id" uuid,
	"product" text NOT NULL,
	"product_en" text,
	"unit" "capacity_unit" NOT NULL,
	"period" "capacity_period" NOT NULL,
	"designed" numeric(20, 4) NOT NULL,
	"online" numeric(20, 4) DEFAULT '0' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacities_values_chk" CHECK ("capacities"."designed" >= 0 and "capacities"."online" >= 0),
	CONSTRAINT "capacities_line_has_phase_chk" CHECK ("capacities"."line_id" is null or "capacities"."phase_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "milestone_baselines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"planned_date" date NOT NULL,
	"replaced_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"phase_id" uuid,
	"type" "milestone_type" NOT NULL,
	"custom_label" text,
	"planned_date" date,
	"forecast_date" date,
	"actual_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestones_custom_label_chk" CHECK (("milestones"."type" = 'custom') = ("milestones"."custom_label" is not null and length(btrim("milestones"."custom_label")) > 0)),
	CONSTRAINT "milestones_has_a_date_chk" CHECK (coalesce("milestones"."planned_date", "milestones"."forecast_date", "milestones"."actual_date") is not null)
);
--> statement-breakpoint
CREATE TABLE "phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"stage" "project_stage" DEFAULT 'signed' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "phases_project_id_seq_uq" UNIQUE("project_id","seq"),
	CONSTRAINT "phases_seq_chk" CHECK ("phases"."seq" > 0)
);
--> statement-breakpoint
CREATE TABLE "production_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"phase_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "production_lines_phase_id_seq_uq" UNIQUE("phase_id","seq"),
	CONSTRAINT "production_lines_seq_chk" CHECK ("production_lines"."seq" > 0)
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"company" text NOT NULL,
	"company_en" text,
	"cluster" text NOT NULL,
	"cluster_en" text,
	"stage" "project_stage" DEFAULT 'signed' NOT NULL,
	"health" "project_health" DEFAULT 'on_track' NOT NULL,
	"responsible_unit" text,
	"leader_in_charge" text,
	"planned_investment" numeric(18, 2) DEFAULT '0' NOT NULL,
	"contracted_investment" numeric(18, 2) DEFAULT '0' NOT NULL,
	"in_place_investment" numeric(18, 2) DEFAULT '0' NOT NULL,
	"completed_investment" numeric(18, 2) DEFAULT '0' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_park_id_code_uq" UNIQUE("park_id","code"),
	CONSTRAINT "projects_investment_nonneg_chk" CHECK ("projects"."planned_investment" >= 0 and "projects"."contracted_investment" >= 0 and "projects"."in_place_investment" >= 0 and "projects"."completed_investment" >= 0),
	CONSTRAINT "projects_name_chk" CHECK (length(btrim("projects"."name")) > 0 and length(btrim("projects"."company")) > 0)
);
--> statement-breakpoint
CREATE TABLE "problem_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	"note" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"raised_in_entry_id" uuid,
	"description" text NOT NULL,
	"owner" text NOT NULL,
	"due_date" date,
	"status" "problem_status" DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problems_closed_chk" CHECK (("problems"."status" = 'closed') = ("problems"."closed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "progress_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"period" date NOT NULL,
	"author_id" uuid,
	"narrative" text NOT NULL,
	"narrative_en" text,
	"investment_completed" numeric(18, 2),
	"output_value" numeric(18, 2),
	"stage_reached" "project_stage",
	"source_url" text,
	"source_ref" text,
	"supersedes_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_entries_period_chk" CHECK (extract(day from "progress_entries"."period") = 1),
	CONSTRAINT "progress_entries_amounts_chk" CHECK (coalesce("progress_entries"."investment_completed", 0) >= 0 and coalesce("progress_entries"."output_value", 0) >= 0),
	CONSTRAINT "progress_entries_source_url_chk" CHECK ("progress_entries"."source_url" is null or "progress_entries"."source_url" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "share_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"project_id" uuid,
	"scope" "share_scope" NOT NULL,
	"token_hash" "bytea" NOT NULL,
	"label" text NOT NULL,
	"redaction" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"snapshot_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_by" uuid,
	"view_count" integer DEFAULT 0 NOT NULL,
	"last_viewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "share_links_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "share_links_scope_chk" CHECK (("share_links"."scope" = 'project') = ("share_links"."project_id" is not null)),
	CONSTRAINT "share_links_views_chk" CHECK ("share_links"."view_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"park_id" uuid NOT NULL,
	"actor_id" uuid,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"project_id" uuid,
	"action" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provenance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"field" text NOT NULL,
	"source_id" uuid NOT NULL,
	"estimated" boolean DEFAULT false NOT NULL,
	"quote" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"publisher" text NOT NULL,
	"published_on" date NOT NULL,
	"published_on_estimated" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacities" ADD CONSTRAINT "capacities_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacities" ADD CONSTRAINT "capacities_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacities" ADD CONSTRAINT "capacities_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacities" ADD CONSTRAINT "capacities_line_id_production_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."production_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_baselines" ADD CONSTRAINT "milestone_baselines_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_baselines" ADD CONSTRAINT "milestone_baselines_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_baselines" ADD CONSTRAINT "milestone_baselines_replaced_by_users_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phases" ADD CONSTRAINT "phases_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phases" ADD CONSTRAINT "phases_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "production_lines" ADD CONSTRAINT "production_lines_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "production_lines" ADD CONSTRAINT "production_lines_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "production_lines" ADD CONSTRAINT "production_lines_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_updates" ADD CONSTRAINT "problem_updates_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_updates" ADD CONSTRAINT "problem_updates_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_updates" ADD CONSTRAINT "problem_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_raised_in_entry_id_progress_entries_id_fk" FOREIGN KEY ("raised_in_entry_id") REFERENCES "public"."progress_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_entries" ADD CONSTRAINT "progress_entries_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_entries" ADD CONSTRAINT "progress_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_entries" ADD CONSTRAINT "progress_entries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_entries" ADD CONSTRAINT "progress_entries_supersedes_id_progress_entries_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."progress_entries"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provenance" ADD CONSTRAINT "provenance_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provenance" ADD CONSTRAINT "provenance_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_park_id_idx" ON "memberships" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_attempted_at_idx" ON "sign_in_attempts" USING btree ("email","attempted_at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_ip_attempted_at_idx" ON "sign_in_attempts" USING btree ("ip","attempted_at");--> statement-breakpoint
CREATE INDEX "parks_province_city_idx" ON "parks" USING btree ("province","city");--> statement-breakpoint
CREATE INDEX "capacities_project_id_idx" ON "capacities" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "capacities_park_id_unit_period_idx" ON "capacities" USING btree ("park_id","unit","period");--> statement-breakpoint
CREATE INDEX "milestone_baselines_milestone_id_idx" ON "milestone_baselines" USING btree ("milestone_id");--> statement-breakpoint
CREATE INDEX "milestones_project_id_idx" ON "milestones" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "milestones_park_id_planned_date_idx" ON "milestones" USING btree ("park_id","planned_date");--> statement-breakpoint
CREATE INDEX "production_lines_project_id_idx" ON "production_lines" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "projects_park_id_cluster_idx" ON "projects" USING btree ("park_id","cluster");--> statement-breakpoint
CREATE INDEX "projects_park_id_stage_idx" ON "projects" USING btree ("park_id","stage");--> statement-breakpoint
CREATE INDEX "problem_updates_problem_id_idx" ON "problem_updates" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "problems_project_id_idx" ON "problems" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "problems_park_id_status_idx" ON "problems" USING btree ("park_id","status");--> statement-breakpoint
CREATE INDEX "progress_entries_project_id_period_idx" ON "progress_entries" USING btree ("project_id","period");--> statement-breakpoint
CREATE INDEX "progress_entries_park_id_period_idx" ON "progress_entries" USING btree ("park_id","period");--> statement-breakpoint
CREATE INDEX "progress_entries_supersedes_id_idx" ON "progress_entries" USING btree ("supersedes_id");--> statement-breakpoint
CREATE INDEX "share_links_park_id_idx" ON "share_links" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "audit_events_project_id_at_idx" ON "audit_events" USING btree ("project_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_park_id_at_idx" ON "audit_events" USING btree ("park_id","at");--> statement-breakpoint
CREATE INDEX "provenance_entity_id_idx" ON "provenance" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "provenance_park_id_idx" ON "provenance" USING btree ("park_id");