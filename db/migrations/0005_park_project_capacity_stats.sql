CREATE TABLE "park_capacity_stats" (
	"park_id" uuid NOT NULL,
	"cluster" text NOT NULL,
	"unit" "capacity_unit" NOT NULL,
	"period" "capacity_period" NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"designed" numeric(24, 4) DEFAULT '0' NOT NULL,
	"online" numeric(24, 4) DEFAULT '0' NOT NULL,
	CONSTRAINT "park_capacity_stats_park_id_cluster_unit_period_pk" PRIMARY KEY("park_id","cluster","unit","period")
);
--> statement-breakpoint
CREATE TABLE "park_project_stats" (
	"park_id" uuid NOT NULL,
	"stage" "project_stage" NOT NULL,
	"cluster" text NOT NULL,
	"projects" integer DEFAULT 0 NOT NULL,
	"planned" numeric(20, 2) DEFAULT '0' NOT NULL,
	"contracted" numeric(20, 2) DEFAULT '0' NOT NULL,
	"in_place" numeric(20, 2) DEFAULT '0' NOT NULL,
	"completed" numeric(20, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "park_project_stats_park_id_stage_cluster_pk" PRIMARY KEY("park_id","stage","cluster")
);
--> statement-breakpoint
ALTER TABLE "park_capacity_stats" ADD CONSTRAINT "park_capacity_stats_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_project_stats" ADD CONSTRAINT "park_project_stats_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- park_project_stats: one row per (park, stage, cluster), kept by triggers on projects so every
-- write path updates it in its own transaction. Serves getRollup / compareParks (db/queries/rollups.ts).
CREATE FUNCTION "park_project_stats_add"(p projects, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO park_project_stats AS s (park_id, stage, cluster, projects, planned, contracted, in_place, completed)
  VALUES (p.park_id, p.stage, p.cluster, sign, sign * p.planned_investment, sign * p.contracted_investment,
          sign * p.in_place_investment, sign * p.completed_investment)
  ON CONFLICT (park_id, stage, cluster) DO UPDATE SET
    projects = s.projects + excluded.projects,
    planned = s.planned + excluded.planned,
    contracted = s.contracted + excluded.contracted,
    in_place = s.in_place + excluded.in_place,
    completed = s.completed + excluded.completed;
END $$;
--> statement-breakpoint
-- park_capacity_stats: one row per (park, cluster, unit, period); the cluster is the project's.
CREATE FUNCTION "park_capacity_stats_add"(c capacities, p_cluster text, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_cluster IS NULL THEN RETURN; END IF;
  INSERT INTO park_capacity_stats AS s (park_id, cluster, unit, period, rows, designed, online)
  VALUES (c.park_id, p_cluster, c.unit, c.period, sign, sign * c.designed, sign * c.online)
  ON CONFLICT (park_id, cluster, unit, period) DO UPDATE SET
    rows = s.rows + excluded.rows,
    designed = s.designed + excluded.designed,
    online = s.online + excluded.online;
END $$;
--> statement-breakpoint
CREATE FUNCTION "projects_stats_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE c capacities;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM park_project_stats_add(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM park_project_stats_add(NEW, 1);
  END IF;
  -- A project's capacities are counted under its cluster: move them when the cluster or park changes,
  -- and take them out before a delete cascades to them.
  IF (TG_OP = 'UPDATE' AND (OLD.cluster IS DISTINCT FROM NEW.cluster OR OLD.park_id IS DISTINCT FROM NEW.park_id)) OR TG_OP = 'DELETE' THEN
    FOR c IN SELECT * FROM capacities WHERE project_id = OLD.id LOOP
      PERFORM park_capacity_stats_add(c, OLD.cluster, -1);
      IF TG_OP = 'UPDATE' THEN
        c.park_id := NEW.park_id;
        PERFORM park_capacity_stats_add(c, NEW.cluster, 1);
      END IF;
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "projects_stats_ins" AFTER INSERT ON "projects" FOR EACH ROW EXECUTE FUNCTION projects_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER "projects_stats_upd" AFTER UPDATE OF park_id, stage, cluster, planned_investment, contracted_investment, in_place_investment, completed_investment ON "projects"
  FOR EACH ROW WHEN (OLD.park_id IS DISTINCT FROM NEW.park_id OR OLD.stage IS DISTINCT FROM NEW.stage OR OLD.cluster IS DISTINCT FROM NEW.cluster
    OR OLD.planned_investment IS DISTINCT FROM NEW.planned_investment OR OLD.contracted_investment IS DISTINCT FROM NEW.contracted_investment
    OR OLD.in_place_investment IS DISTINCT FROM NEW.in_place_investment OR OLD.completed_investment IS DISTINCT FROM NEW.completed_investment)
  EXECUTE FUNCTION projects_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER "projects_stats_del" BEFORE DELETE ON "projects" FOR EACH ROW EXECUTE FUNCTION projects_stats_trigger();
--> statement-breakpoint
CREATE FUNCTION "capacities_stats_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM park_capacity_stats_add(OLD, (SELECT cluster FROM projects WHERE id = OLD.project_id), -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM park_capacity_stats_add(NEW, (SELECT cluster FROM projects WHERE id = NEW.project_id), 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "capacities_stats_ins" AFTER INSERT ON "capacities" FOR EACH ROW EXECUTE FUNCTION capacities_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER "capacities_stats_upd" AFTER UPDATE OF park_id, project_id, unit, period, designed, online ON "capacities"
  FOR EACH ROW WHEN (OLD.park_id IS DISTINCT FROM NEW.park_id OR OLD.project_id IS DISTINCT FROM NEW.project_id OR OLD.unit IS DISTINCT FROM NEW.unit
    OR OLD.period IS DISTINCT FROM NEW.period OR OLD.designed IS DISTINCT FROM NEW.designed OR OLD.online IS DISTINCT FROM NEW.online)
  EXECUTE FUNCTION capacities_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER "capacities_stats_del" AFTER DELETE ON "capacities" FOR EACH ROW EXECUTE FUNCTION capacities_stats_trigger();
--> statement-breakpoint
-- Backfill from what is already there.
INSERT INTO park_project_stats (park_id, stage, cluster, projects, planned, contracted, in_place, completed)
SELECT park_id, stage, cluster, count(*), sum(planned_investment), sum(contracted_investment), sum(in_place_investment), sum(completed_investment)
FROM projects GROUP BY park_id, stage, cluster;
--> statement-breakpoint
INSERT INTO park_capacity_stats (park_id, cluster, unit, period, rows, designed, online)
SELECT c.park_id, p.cluster, c.unit, c.period, count(*), sum(c.designed), sum(c.online)
FROM capacities c JOIN projects p ON p.id = c.project_id GROUP BY c.park_id, p.cluster, c.unit, c.period;
