CREATE TYPE "public"."region_level" AS ENUM('province', 'city');--> statement-breakpoint
CREATE TYPE "public"."region_role" AS ENUM('viewer');--> statement-breakpoint
CREATE TABLE "regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"level" "region_level" NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regions_parent_id_name_uq" UNIQUE NULLS NOT DISTINCT("parent_id","name"),
	CONSTRAINT "regions_level_parent_chk" CHECK (("regions"."level" = 'province') = ("regions"."parent_id" is null))
);
--> statement-breakpoint
CREATE TABLE "region_memberships" (
	"user_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"role" "region_role" DEFAULT 'viewer' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_memberships_user_id_region_id_pk" PRIMARY KEY("user_id","region_id")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "park_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "parks" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "parks" ADD COLUMN "clusters" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "parks" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_id_regions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_memberships" ADD CONSTRAINT "region_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_memberships" ADD CONSTRAINT "region_memberships_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regions_parent_id_idx" ON "regions" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "region_memberships_region_id_idx" ON "region_memberships" USING btree ("region_id");--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "parks_region_id_idx" ON "parks" USING btree ("region_id");--> statement-breakpoint
-- Hand-written data migration (keep when renumbering): the regions the existing parks name in their
-- province/city text become rows, and each park points at its city. The text columns stay as the
-- park's copy of its region's names, which the park and region writes keep equal from here on.
INSERT INTO "regions" ("level", "name", "name_en")
SELECT DISTINCT ON ("province") 'province'::region_level, "province", "province_en"
FROM "parks" ORDER BY "province", "province_en" NULLS LAST;--> statement-breakpoint
INSERT INTO "regions" ("parent_id", "level", "name", "name_en")
SELECT DISTINCT ON (p."province", p."city") r."id", 'city'::region_level, p."city", p."city_en"
FROM "parks" p JOIN "regions" r ON r."level" = 'province' AND r."name" = p."province"
ORDER BY p."province", p."city", p."city_en" NULLS LAST;--> statement-breakpoint
UPDATE "parks" p SET "region_id" = c."id"
FROM "regions" c JOIN "regions" pr ON pr."id" = c."parent_id"
WHERE c."level" = 'city' AND c."name" = p."city" AND pr."name" = p."province";
