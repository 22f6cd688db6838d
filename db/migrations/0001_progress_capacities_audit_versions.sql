CREATE TABLE "progress_capacities" (
	"entry_id" uuid NOT NULL,
	"capacity_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"online" numeric(20, 4) NOT NULL,
	CONSTRAINT "progress_capacities_entry_id_capacity_id_pk" PRIMARY KEY("entry_id","capacity_id"),
	CONSTRAINT "progress_capacities_online_chk" CHECK ("progress_capacities"."online" >= 0)
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "entity_version" integer;--> statement-breakpoint
ALTER TABLE "progress_capacities" ADD CONSTRAINT "progress_capacities_entry_id_progress_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."progress_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_capacities" ADD CONSTRAINT "progress_capacities_capacity_id_capacities_id_fk" FOREIGN KEY ("capacity_id") REFERENCES "public"."capacities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_capacities" ADD CONSTRAINT "progress_capacities_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progress_capacities_capacity_id_idx" ON "progress_capacities" USING btree ("capacity_id");--> statement-breakpoint
CREATE INDEX "audit_events_entity_id_idx" ON "audit_events" USING btree ("entity_id");