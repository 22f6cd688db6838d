DROP INDEX "progress_entries_supersedes_id_idx";--> statement-breakpoint
CREATE INDEX "projects_updated_at_id_idx" ON "projects" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "projects_planned_investment_id_idx" ON "projects" USING btree ("planned_investment","id");--> statement-breakpoint
CREATE INDEX "projects_code_id_idx" ON "projects" USING btree ("code","id");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_entries_supersedes_id_uq" ON "progress_entries" USING btree ("supersedes_id");