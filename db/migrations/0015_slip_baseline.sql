CREATE TYPE "public"."slip_baseline" AS ENUM('current', 'original');--> statement-breakpoint
ALTER TABLE "milestones" ADD COLUMN "original_planned_date" date;--> statement-breakpoint
ALTER TABLE "park_health_rules" ADD COLUMN "slip_baseline" "slip_baseline" DEFAULT 'current' NOT NULL;--> statement-breakpoint
CREATE INDEX "milestones_open_park_id_original_planned_date_idx" ON "milestones" USING btree ("park_id","original_planned_date") WHERE "milestones"."actual_date" is null;--> statement-breakpoint
-- hand-written: the first baseline a milestone ever had. Set on insert from the planned date (unless
-- given), then never moved by an update, so a re-baseline keeps the original (every write path, plain SQL too).
CREATE FUNCTION milestones_keep_original_planned_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.original_planned_date := coalesce(NEW.original_planned_date, NEW.planned_date);
  ELSE
    NEW.original_planned_date := coalesce(OLD.original_planned_date, NEW.planned_date);
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER milestones_keep_original_planned_date BEFORE INSERT OR UPDATE ON milestones
  FOR EACH ROW EXECUTE FUNCTION milestones_keep_original_planned_date();--> statement-breakpoint
-- Existing milestones: the oldest replaced baseline when there is one, else the planned date.
UPDATE milestones m SET original_planned_date = coalesce(
  (SELECT b.planned_date FROM milestone_baselines b WHERE b.milestone_id = m.id ORDER BY b.created_at ASC, b.id ASC LIMIT 1),
  m.planned_date);
