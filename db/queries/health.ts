import "server-only";
import { and, asc, inArray } from "drizzle-orm";
import { computeHealth, type HealthMilestone, type ProjectComputedHealth } from "@/lib/domain/health";
import { healthRuleOf, type HealthRule } from "@/lib/domain/pace-health";
import { milestones, parkHealthRules, projects } from "../schema";
import type { Executor } from "../types";

/** Each park's three-colour rule, the default for a park that set none. */
export async function listHealthRules(db: Executor, { parkIds }: { parkIds: string[] }): Promise<Map<string, HealthRule>> {
  const rows = parkIds.length ? await db.select().from(parkHealthRules).where(inArray(parkHealthRules.parkId, parkIds)) : [];
  return new Map(parkIds.map((id) => [id, healthRuleOf(rows.find((r) => r.parkId === id) ?? null)]));
}

/**
 * The computed health (lib/domain/health.ts) of some projects of the given parks, on `today`: the one
 * value the project list, its filter, the API and the exports show. Two reads whatever the count.
 */
export async function computeHealthByProject(
  db: Executor,
  { parkIds, projectIds, today }: { parkIds: string[]; projectIds: string[]; today: string },
): Promise<Map<string, ProjectComputedHealth>> {
  if (parkIds.length === 0 || projectIds.length === 0) return new Map();
  const [projectRows, milestoneRows] = await Promise.all([
    db
      .select({ id: projects.id, parkId: projects.parkId, plannedInvestment: projects.plannedInvestment, completedInvestment: projects.completedInvestment })
      .from(projects)
      .where(and(inArray(projects.parkId, parkIds), inArray(projects.id, projectIds))),
    db
      .select({ projectId: milestones.projectId, type: milestones.type, plannedDate: milestones.plannedDate, originalPlannedDate: milestones.originalPlannedDate, forecastDate: milestones.forecastDate, actualDate: milestones.actualDate })
      .from(milestones)
      .where(and(inArray(milestones.parkId, parkIds), inArray(milestones.projectId, projectIds)))
      .orderBy(asc(milestones.projectId)),
  ]);
  const rules = await listHealthRules(db, { parkIds: [...new Set(projectRows.map((p) => p.parkId))] });
  const byProject = new Map<string, HealthMilestone[]>();
  for (const { projectId, ...m } of milestoneRows) byProject.set(projectId, [...(byProject.get(projectId) ?? []), m]);
  return new Map(projectRows.map((p) => [p.id, computeHealth({ ...p, milestones: byProject.get(p.id) ?? [] }, rules.get(p.parkId)!, today)]));
}
