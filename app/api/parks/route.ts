import { z } from "zod";
import { getDb } from "@/db/client";
import { listProjectsByParks, summarizeParks } from "@/db/queries/projects";
import { listedMemberships, listedParkIdsOf } from "@/app/_lib/auth/viewer";
import { guardedRoute } from "@/app/_lib/guard";
import { routeMethods } from "@/app/_lib/api/methods";

export const dynamic = "force-dynamic";

const PROJECTS_PER_PARK = 50;

/** The signed-in user's parks (archived ones left out), their role in each, and each park's projects. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: guardedRoute({ schema: z.object({}), access: { who: "signed-in" } }, async ({ viewer }) => {
    const db = await getDb();
    // The largest projects of each park; the full, paginated list is the project list's job.
    const [projects, summaries] = await Promise.all([
      listProjectsByParks(db, { parkIds: listedParkIdsOf(viewer!), perPark: PROJECTS_PER_PARK }),
      summarizeParks(db, { parkIds: listedParkIdsOf(viewer!) }),
    ]);
    const parks = listedMemberships(viewer!).map((m) => ({
      id: m.parkId,
      slug: m.slug,
      name: m.name,
      nameEn: m.nameEn,
      role: m.role,
      projectCount: summaries.get(m.parkId)?.projects ?? 0,
      projects: projects
        .filter((p) => p.parkId === m.parkId)
        .map(({ id, code, name, nameEn, company, companyEn, stage, health, plannedInvestment, capacity }) => ({
          id,
          code,
          name,
          nameEn,
          company,
          companyEn,
          stage,
          health,
          plannedInvestment,
          designedCapacity: capacity.map(({ unit, period, designed }) => ({ unit, period, value: designed })),
        })),
    }));
    return Response.json({ parks }, { headers: { "cache-control": "private, no-store" } });
  }),
});
