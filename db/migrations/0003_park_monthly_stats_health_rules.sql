CREATE TABLE "park_health_rules" (
	"park_id" uuid PRIMARY KEY NOT NULL,
	"yellow_behind_pp" numeric(5, 1) DEFAULT '10' NOT NULL,
	"red_behind_pp" numeric(5, 1) DEFAULT '30' NOT NULL,
	"red_months_not_started" integer DEFAULT 3 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "park_health_rules_order_chk" CHECK (0 <= "park_health_rules"."yellow_behind_pp" and "park_health_rules"."yellow_behind_pp" < "park_health_rules"."red_behind_pp" and "park_health_rules"."red_behind_pp" <= 100),
	CONSTRAINT "park_health_rules_months_chk" CHECK ("park_health_rules"."red_months_not_started" between 1 and 36)
);
--> statement-breakpoint
CREATE TABLE "park_monthly_stats" (
	"park_id" uuid NOT NULL,
	"period" date NOT NULL,
	"investment_completed" numeric(18, 2) DEFAULT '0' NOT NULL,
	"output_value" numeric(18, 2) DEFAULT '0' NOT NULL,
	"entry_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "park_monthly_stats_park_id_period_pk" PRIMARY KEY("park_id","period"),
	CONSTRAINT "park_monthly_stats_period_chk" CHECK (extract(day from "park_monthly_stats"."period") = 1),
	CONSTRAINT "park_monthly_stats_count_chk" CHECK ("park_monthly_stats"."entry_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "park_health_rules" ADD CONSTRAINT "park_health_rules_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_monthly_stats" ADD CONSTRAINT "park_monthly_stats_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Backfill the monthly sums from the entries already logged (those nobody superseded).
INSERT INTO "park_monthly_stats" ("park_id", "period", "investment_completed", "output_value", "entry_count")
SELECT e."park_id", e."period", coalesce(sum(e."investment_completed"), 0), coalesce(sum(e."output_value"), 0), count(*)
FROM "progress_entries" e
WHERE NOT EXISTS (SELECT 1 FROM "progress_entries" s WHERE s."supersedes_id" = e."id")
GROUP BY e."park_id", e."period";
