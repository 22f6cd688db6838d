import { findParkOf } from "@/db/queries/api-reads";
import { projects } from "@/db/schema";
import type { Executor } from "@/db/types";
import { createProjectBody } from "../bodies";
import { defineOperation } from "../operation";
import { noPath, ParkListSchema, ParkSchema, parkPath, ProjectPageSchema, projectListQuery, ProjectWrittenSchema, RollupSchema } from "../schemas";

// A park id in the path is found only among the parks the token reaches.
const parkInPath = async (_db: unknown, params: { parkId: string }, parkIds: string[]) => (parkIds.includes(params.parkId) ? params.parkId : null);

export const listParks = defineOperation({
  operationId: "listParks",
  method: "GET",
  path: "/api/v1/parks",
  tag: "Parks",
  summary: "The parks this token reaches",
  description: "Parks listed on the token where its owner is still a member, with the owner's role and whether the token may write there.",
  access: "read",
  params: noPath,
  success: { status: 200, description: "The parks.", schema: ParkListSchema },
});

export const getPark = defineOperation({
  operationId: "getPark",
  method: "GET",
  path: "/api/v1/parks/{parkId}",
  tag: "Parks",
  summary: "One park",
  access: "read",
  params: parkPath,
  park: parkInPath,
  success: { status: 200, description: "The park.", schema: ParkSchema },
});

export const getRollup = defineOperation({
  operationId: "getParkRollup",
  method: "GET",
  path: "/api/v1/parks/{parkId}/rollup",
  tag: "Parks",
  summary: "The park dashboard's figures",
  description: "Totals, projects by stage, this month against last month and last year, year to date against the annual plan and time elapsed, monthly sums, and capacity per cluster, unit and period.",
  access: "read",
  params: parkPath,
  park: parkInPath,
  success: { status: 200, description: "The figures.", schema: RollupSchema },
});

export const listProjects = defineOperation({
  operationId: "listProjects",
  method: "GET",
  path: "/api/v1/parks/{parkId}/projects",
  tag: "Projects",
  summary: "A park's projects, a page at a time",
  description: "Ordered by project code. Follow `next` (or the Link header) until it is null.",
  access: "read",
  params: parkPath,
  query: projectListQuery,
  park: parkInPath,
  success: { status: 200, description: "One page of projects.", schema: ProjectPageSchema, headers: ["Link"] },
});

export const createProject = defineOperation({
  operationId: "createProject",
  method: "POST",
  path: "/api/v1/parks/{parkId}/projects",
  tag: "Projects",
  summary: "Create a project",
  description: "Amounts are strings of yuan: decimal (\"5000000000\"), or as the UI takes them (\"50亿\", \"5 bn\"). The code must be unique in the park.",
  access: "write",
  params: parkPath,
  body: createProjectBody,
  park: parkInPath,
  success: { status: 201, description: "The project as saved.", schema: ProjectWrittenSchema, headers: ["ETag", "Location"] },
});

/** The park of a project among the token's parks. */
export const projectPark = (db: Executor, params: { projectId: string }, parkIds: string[]) => findParkOf(db, { table: projects, id: params.projectId, parkIds });
