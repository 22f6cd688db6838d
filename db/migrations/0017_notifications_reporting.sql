CREATE TYPE "public"."delivery_channel" AS ENUM('email', 'dingtalk', 'wecom');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('pending', 'sending', 'sent', 'dead');--> statement-breakpoint
CREATE TYPE "public"."escalation_level" AS ENUM('park', 'district_city', 'province');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('report_reminder', 'milestone_overdue', 'problem_overdue', 'weekly_digest', 'month_close', 'problem_assigned', 'problem_resolved', 'problem_escalated', 'problem_due_changed');--> statement-breakpoint
CREATE TYPE "public"."problem_stage" AS ENUM('open', 'in_progress', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."robot_kind" AS ENUM('dingtalk', 'wecom');--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"channel" "delivery_channel" NOT NULL,
	"status" "delivery_status" DEFAULT 'pending' NOT NULL,
	"notification_id" uuid,
	"park_id" uuid,
	"recipient_id" uuid,
	"kind" "notification_kind" NOT NULL,
	"params" jsonb NOT NULL,
	"link" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"claimed_by" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_deliveries_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"email_enabled" boolean DEFAULT true NOT NULL,
	"muted_kinds" "notification_kind"[] DEFAULT '{}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"park_id" uuid,
	"kind" "notification_kind" NOT NULL,
	"params" jsonb NOT NULL,
	"link" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_recipient_id_dedupe_key_uq" UNIQUE("recipient_id","dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "park_reporting_settings" (
	"park_id" uuid PRIMARY KEY NOT NULL,
	"deadline_day" smallint DEFAULT 25 NOT NULL,
	"remind_days_before" smallint DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "park_reporting_settings_deadline_day_chk" CHECK ("park_reporting_settings"."deadline_day" between 1 and 28),
	CONSTRAINT "park_reporting_settings_remind_chk" CHECK ("park_reporting_settings"."remind_days_before" between 0 and 27)
);
--> statement-breakpoint
CREATE TABLE "park_robots" (
	"park_id" uuid NOT NULL,
	"kind" "robot_kind" NOT NULL,
	"webhook_url" text NOT NULL,
	"secret" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "park_robots_park_id_kind_pk" PRIMARY KEY("park_id","kind"),
	CONSTRAINT "park_robots_url_chk" CHECK ("park_robots"."webhook_url" ~ '^https?://')
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "officer_id" uuid;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "owner_user_id" uuid;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "stage" "problem_stage" DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "escalation" "escalation_level" DEFAULT 'park' NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_reporting_settings" ADD CONSTRAINT "park_reporting_settings_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_robots" ADD CONSTRAINT "park_robots_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_deliveries_status_next_attempt_at_idx" ON "notification_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_park_id_created_at_idx" ON "notification_deliveries" USING btree ("park_id","created_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_recipient_id_idx" ON "notification_deliveries" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "notification_deliveries_notification_id_idx" ON "notification_deliveries" USING btree ("notification_id");--> statement-breakpoint
CREATE INDEX "notifications_recipient_id_created_at_idx" ON "notifications" USING btree ("recipient_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_park_id_idx" ON "notifications" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "notifications_unread_recipient_id_idx" ON "notifications" USING btree ("recipient_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "projects_officer_id_idx" ON "projects" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "problems_owner_user_id_idx" ON "problems" USING btree ("owner_user_id");