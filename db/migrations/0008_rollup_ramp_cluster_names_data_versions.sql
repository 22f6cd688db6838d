CREATE TABLE "capacity_ramp_points" (
	"capacity_id" uuid NOT NULL,
	"month" date NOT NULL,
	"park_id" uuid NOT NULL,
	"cluster" text NOT NULL,
	"unit" "capacity_unit" NOT NULL,
	"period" "capacity_period" NOT NULL,
	"level" numeric(24, 4) NOT NULL,
	"delta" numeric(24, 4) NOT NULL,
	CONSTRAINT "capacity_ramp_points_capacity_id_month_pk" PRIMARY KEY("capacity_id","month")
);
--> statement-breakpoint
CREATE TABLE "park_capacity_ramp" (
	"park_id" uuid NOT NULL,
	"cluster" text NOT NULL,
	"unit" "capacity_unit" NOT NULL,
	"period" "capacity_period" NOT NULL,
	"month" date NOT NULL,
	"online_delta" numeric(24, 4) DEFAULT '0' NOT NULL,
	CONSTRAINT "park_capacity_ramp_park_id_cluster_unit_period_month_pk" PRIMARY KEY("park_id","cluster","unit","period","month")
);
--> statement-breakpoint
CREATE TABLE "park_data_versions" (
	"park_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "park_project_stats" DROP CONSTRAINT "park_project_stats_park_id_stage_cluster_pk";--> statement-breakpoint
ALTER TABLE "park_project_stats" ADD COLUMN "cluster_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "park_project_stats" ADD CONSTRAINT "park_project_stats_park_id_stage_cluster_cluster_en_pk" PRIMARY KEY("park_id","stage","cluster","cluster_en");--> statement-breakpoint
ALTER TABLE "capacity_ramp_points" ADD CONSTRAINT "capacity_ramp_points_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_capacity_ramp" ADD CONSTRAINT "park_capacity_ramp_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_data_versions" ADD CONSTRAINT "park_data_versions_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- park_project_stats keys on the English cluster name too ('' for none), so getRollup names the
-- clusters of its capacity rows from this table instead of reading the park's projects.
CREATE OR REPLACE FUNCTION "park_project_stats_add"(p projects, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO park_project_stats AS s (park_id, stage, cluster, cluster_en, projects, planned, contracted, in_place, completed)
  VALUES (p.park_id, p.stage, p.cluster, coalesce(p.cluster_en, ''), sign, sign * p.planned_investment, sign * p.contracted_investment,
          sign * p.in_place_investment, sign * p.completed_investment)
  ON CONFLICT (park_id, stage, cluster, cluster_en) DO UPDATE SET
    projects = s.projects + excluded.projects,
    planned = s.planned + excluded.planned,
    contracted = s.contracted + excluded.contracted,
    in_place = s.in_place + excluded.in_place,
    completed = s.completed + excluded.completed;
END $$;
--> statement-breakpoint
DROP TRIGGER "projects_stats_upd" ON "projects";
--> statement-breakpoint
CREATE TRIGGER "projects_stats_upd" AFTER UPDATE OF park_id, stage, cluster, cluster_en, planned_investment, contracted_investment, in_place_investment, completed_investment ON "projects"
  FOR EACH ROW WHEN (OLD.park_id IS DISTINCT FROM NEW.park_id OR OLD.stage IS DISTINCT FROM NEW.stage OR OLD.cluster IS DISTINCT FROM NEW.cluster
    OR OLD.cluster_en IS DISTINCT FROM NEW.cluster_en
    OR OLD.planned_investment IS DISTINCT FROM NEW.planned_investment OR OLD.contracted_investment IS DISTINCT FROM NEW.contracted_investment
    OR OLD.in_place_investment IS DISTINCT FROM NEW.in_place_investment OR OLD.completed_investment IS DISTINCT FROM NEW.completed_investment)
  EXECUTE FUNCTION projects_stats_trigger();
--> statement-breakpoint
DELETE FROM park_project_stats;
--> statement-breakpoint
INSERT INTO park_project_stats (park_id, stage, cluster, cluster_en, projects, planned, contracted, in_place, completed)
SELECT park_id, stage, cluster, coalesce(cluster_en, ''), count(*), sum(planned_investment), sum(contracted_investment), sum(in_place_investment), sum(completed_investment)
FROM projects GROUP BY park_id, stage, cluster, coalesce(cluster_en, '');
--> statement-breakpoint
-- The capacity ramp (park_capacity_ramp, read by the park dashboard through listCapacityRamp).
-- A capacity's level at the end of a month is its last report up to that month, among entries
-- nobody superseded (latest period, then latest created_at, then id). capacity_ramp_levels gives,
-- per capacity, each month with a report: the level then, and the change from the month before.
CREATE FUNCTION "capacity_ramp_levels"(ids uuid[])
  RETURNS TABLE (capacity_id uuid, month date, park_id uuid, cluster text, unit capacity_unit, period capacity_period, level numeric, delta numeric)
  LANGUAGE sql STABLE AS $$
  SELECT c.id, l.month, c.park_id, p.cluster, c.unit, c.period, l.level,
         l.level - coalesce(lag(l.level) OVER (PARTITION BY c.id ORDER BY l.month), 0)
  FROM capacities c
  JOIN projects p ON p.id = c.project_id
  CROSS JOIN LATERAL (
    SELECT DISTINCT ON (e.period) e.period AS month, pc.online AS level
    FROM progress_capacities pc
    JOIN progress_entries e ON e.id = pc.entry_id
    WHERE pc.capacity_id = c.id
      AND NOT EXISTS (SELECT 1 FROM progress_entries s WHERE s.supersedes_id = e.id)
    ORDER BY e.period, e.created_at DESC, e.id DESC
  ) l
  WHERE c.id = ANY(ids)
$$;
--> statement-breakpoint
-- Writers of one park's ramp take turns on this lock rather than on row locks taken in varying order.
CREATE FUNCTION "park_ramp_lock"(p_park uuid) RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtextextended('park_capacity_ramp:' || p_park::text, 0))
$$;
--> statement-breakpoint
-- Takes out what the capacities contributed (capacity_ramp_points) and puts in what they contribute
-- now, as one net change per ramp row. Called by the triggers below with the capacities a statement touched.
CREATE FUNCTION "capacity_ramp_refresh"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE park uuid;
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  FOR park IN
    SELECT c.park_id FROM capacities c WHERE c.id = ANY(ids)
    UNION SELECT r.park_id FROM capacity_ramp_points r WHERE r.capacity_id = ANY(ids)
    ORDER BY 1
  LOOP
    PERFORM park_ramp_lock(park);
  END LOOP;
  INSERT INTO park_capacity_ramp AS r (park_id, cluster, unit, period, month, online_delta)
  SELECT d.park_id, d.cluster, d.unit, d.period, d.month, sum(d.delta)
  FROM (
    SELECT o.park_id, o.cluster, o.unit, o.period, o.month, -o.delta AS delta FROM capacity_ramp_points o WHERE o.capacity_id = ANY(ids)
    UNION ALL
    SELECT n.park_id, n.cluster, n.unit, n.period, n.month, n.delta FROM capacity_ramp_levels(ids) n
  ) d
  GROUP BY d.park_id, d.cluster, d.unit, d.period, d.month
  HAVING sum(d.delta) <> 0
  ORDER BY d.park_id, d.cluster, d.unit, d.period, d.month
  ON CONFLICT (park_id, cluster, unit, period, month) DO UPDATE SET online_delta = r.online_delta + excluded.online_delta;
  DELETE FROM capacity_ramp_points o WHERE o.capacity_id = ANY(ids);
  INSERT INTO capacity_ramp_points (capacity_id, month, park_id, cluster, unit, period, level, delta)
  SELECT n.capacity_id, n.month, n.park_id, n.cluster, n.unit, n.period, n.level, n.delta FROM capacity_ramp_levels(ids) n WHERE n.delta <> 0;
END $$;
--> statement-breakpoint
CREATE FUNCTION "progress_capacities_ramp_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM capacity_ramp_refresh(ARRAY(SELECT DISTINCT n.capacity_id FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM capacity_ramp_refresh(ARRAY(SELECT DISTINCT o.capacity_id FROM old_rows o));
  ELSE
    PERFORM capacity_ramp_refresh(ARRAY(SELECT n.capacity_id FROM new_rows n UNION SELECT o.capacity_id FROM old_rows o));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "progress_capacities_ramp_ins" AFTER INSERT ON "progress_capacities" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION progress_capacities_ramp_trigger();
--> statement-breakpoint
CREATE TRIGGER "progress_capacities_ramp_upd" AFTER UPDATE ON "progress_capacities" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION progress_capacities_ramp_trigger();
--> statement-breakpoint
CREATE TRIGGER "progress_capacities_ramp_del" AFTER DELETE ON "progress_capacities" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION progress_capacities_ramp_trigger();
--> statement-breakpoint
-- A correction takes the reports of the entry it supersedes out of the ramp (and deleting it puts them back).
CREATE FUNCTION "progress_entries_ramp_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM capacity_ramp_refresh(ARRAY(
      SELECT DISTINCT pc.capacity_id FROM new_rows n JOIN progress_capacities pc ON pc.entry_id = n.supersedes_id));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM capacity_ramp_refresh(ARRAY(
      SELECT pc.capacity_id FROM old_rows o JOIN progress_capacities pc ON pc.entry_id IN (o.id, o.supersedes_id)));
  ELSE
    PERFORM capacity_ramp_refresh(ARRAY(
      SELECT pc.capacity_id
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      JOIN progress_capacities pc ON pc.entry_id IN (n.id, o.supersedes_id, n.supersedes_id)
      WHERE o.period IS DISTINCT FROM n.period OR o.created_at IS DISTINCT FROM n.created_at OR o.supersedes_id IS DISTINCT FROM n.supersedes_id));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "progress_entries_ramp_ins" AFTER INSERT ON "progress_entries" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION progress_entries_ramp_trigger();
--> statement-breakpoint
CREATE TRIGGER "progress_entries_ramp_upd" AFTER UPDATE ON "progress_entries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION progress_entries_ramp_trigger();
--> statement-breakpoint
CREATE TRIGGER "progress_entries_ramp_del" AFTER DELETE ON "progress_entries" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION progress_entries_ramp_trigger();
--> statement-breakpoint
-- A capacity that changes unit, period, project or park moves its contribution; a deleted one takes it out.
CREATE FUNCTION "capacities_ramp_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM capacity_ramp_refresh(ARRAY(SELECT o.id FROM old_rows o));
  ELSE
    PERFORM capacity_ramp_refresh(ARRAY(
      SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE o.unit IS DISTINCT FROM n.unit OR o.period IS DISTINCT FROM n.period
         OR o.project_id IS DISTINCT FROM n.project_id OR o.park_id IS DISTINCT FROM n.park_id));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "capacities_ramp_upd" AFTER UPDATE ON "capacities" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION capacities_ramp_trigger();
--> statement-breakpoint
CREATE TRIGGER "capacities_ramp_del" AFTER DELETE ON "capacities" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION capacities_ramp_trigger();
--> statement-breakpoint
-- A project that changes cluster or park moves its capacities' contributions.
CREATE FUNCTION "projects_ramp_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM capacity_ramp_refresh(ARRAY(
    SELECT c.id FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN capacities c ON c.project_id = n.id
    WHERE o.cluster IS DISTINCT FROM n.cluster OR o.park_id IS DISTINCT FROM n.park_id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "projects_ramp_upd" AFTER UPDATE ON "projects" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION projects_ramp_trigger();
--> statement-breakpoint
-- Statement triggers run after the row triggers that update park_capacity_stats and park_project_stats;
-- progress writes take the ramp lock before those rows. So that both orders agree, a change that
-- will move ramp rows takes the park's ramp lock first, before any row trigger.
CREATE FUNCTION "ramp_lock_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM park_ramp_lock(OLD.park_id);
  IF TG_OP = 'UPDATE' AND NEW.park_id IS DISTINCT FROM OLD.park_id THEN PERFORM park_ramp_lock(NEW.park_id); END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER "capacities_ramp_lock_upd" BEFORE UPDATE ON "capacities"
  FOR EACH ROW WHEN (OLD.unit IS DISTINCT FROM NEW.unit OR OLD.period IS DISTINCT FROM NEW.period
    OR OLD.project_id IS DISTINCT FROM NEW.project_id OR OLD.park_id IS DISTINCT FROM NEW.park_id)
  EXECUTE FUNCTION ramp_lock_trigger();
--> statement-breakpoint
CREATE TRIGGER "capacities_ramp_lock_del" BEFORE DELETE ON "capacities" FOR EACH ROW EXECUTE FUNCTION ramp_lock_trigger();
--> statement-breakpoint
CREATE TRIGGER "projects_ramp_lock_upd" BEFORE UPDATE ON "projects"
  FOR EACH ROW WHEN (OLD.cluster IS DISTINCT FROM NEW.cluster OR OLD.park_id IS DISTINCT FROM NEW.park_id)
  EXECUTE FUNCTION ramp_lock_trigger();
--> statement-breakpoint
CREATE TRIGGER "projects_ramp_lock_del" BEFORE DELETE ON "projects" FOR EACH ROW EXECUTE FUNCTION ramp_lock_trigger();
--> statement-breakpoint
SELECT capacity_ramp_refresh(ARRAY(SELECT DISTINCT capacity_id FROM progress_capacities));
--> statement-breakpoint
-- park_data_versions: moved once per transaction and park, at commit (a deferred trigger), so the
-- row lock is held only while committing. Dashboards key their cached figures on it.
CREATE FUNCTION "park_data_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  park uuid;
  flag text;
BEGIN
  FOREACH park IN ARRAY ARRAY[CASE WHEN TG_OP <> 'DELETE' THEN NEW.park_id END, CASE WHEN TG_OP <> 'INSERT' THEN OLD.park_id END] LOOP
    CONTINUE WHEN park IS NULL;
    flag := 'parkline.touched_' || replace(park::text, '-', '');
    CONTINUE WHEN current_setting(flag, true) = '1';
    PERFORM set_config(flag, '1', true);
    -- A park deleted in this transaction has nothing left to version.
    INSERT INTO park_data_versions AS v (park_id, version)
    SELECT park, 1 WHERE EXISTS (SELECT 1 FROM parks WHERE id = park)
    ON CONFLICT (park_id) DO UPDATE SET version = v.version + 1;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "projects_data_touch" AFTER INSERT OR UPDATE OR DELETE ON "projects" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION park_data_touch();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "milestones_data_touch" AFTER INSERT OR UPDATE OR DELETE ON "milestones" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION park_data_touch();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "capacities_data_touch" AFTER INSERT OR UPDATE OR DELETE ON "capacities" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION park_data_touch();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "progress_entries_data_touch" AFTER INSERT OR UPDATE OR DELETE ON "progress_entries" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION park_data_touch();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "progress_capacities_data_touch" AFTER INSERT OR UPDATE OR DELETE ON "progress_capacities" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION park_data_touch();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "problems_data_touch" AFTER INSERT OR UPDATE OR DELETE ON "problems" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION park_data_touch();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "targets_data_touch" AFTER INSERT OR UPDATE OR DELETE ON "targets" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION park_data_touch();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "park_health_rules_data_touch" AFTER INSERT OR UPDATE OR DELETE ON "park_health_rules" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION park_data_touch();
--> statement-breakpoint
INSERT INTO park_data_versions (park_id, version) SELECT id, 1 FROM parks;
