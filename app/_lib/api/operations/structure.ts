import { findParkOf } from "@/db/queries/api-reads";
import { milestones, phases } from "@/db/schema";
import type { Executor } from "@/db/types";
import { createLineBody, createMilestoneBody, createPhaseBody, patchMilestoneBody, patchPhaseBody } from "../bodies";
import { defineOperation } from "../operation";
import {
  CapacityListSchema, LineListSchema, LineSchema, MilestoneListSchema, MilestoneSchema, milestonePath, PhaseListSchema, phasePath, PhaseSchema, projectPath,
} from "../schemas";
import { projectPark } from "./parks";

const phasePark = (db: Executor, params: { phaseId: string }, parkIds: string[]) => findParkOf(db, { table: phases, id: params.phaseId, parkIds });
const milestonePark = (db: Executor, params: { milestoneId: string }, parkIds: string[]) => findParkOf(db, { table: milestones, id: params.milestoneId, parkIds });

const ifMatchNote = "Send only the fields to change, with If-Match: the ETag (version) you read; a stale one answers 412 and nothing is saved.";

export const listPhases = defineOperation({
  operationId: "listPhases", method: "GET", path: "/api/v1/projects/{projectId}/phases", tag: "Structure",
  summary: "A project's phases", access: "read", params: projectPath, park: projectPark,
  success: { status: 200, description: "The phases, in order.", schema: PhaseListSchema },
});

export const createPhase = defineOperation({
  operationId: "createPhase", method: "POST", path: "/api/v1/projects/{projectId}/phases", tag: "Structure",
  summary: "Add a phase", access: "write", params: projectPath, body: createPhaseBody, park: projectPark,
  success: { status: 201, description: "The phase as saved.", schema: PhaseSchema, headers: ["ETag", "Location"] },
});

export const getPhase = defineOperation({
  operationId: "getPhase", method: "GET", path: "/api/v1/phases/{phaseId}", tag: "Structure",
  summary: "One phase", access: "read", params: phasePath, park: phasePark,
  success: { status: 200, description: "The phase.", schema: PhaseSchema, headers: ["ETag"] },
});

export const patchPhase = defineOperation({
  operationId: "updatePhase", method: "PATCH", path: "/api/v1/phases/{phaseId}", tag: "Structure",
  summary: "Rename a phase", description: ifMatchNote, access: "write", params: phasePath, body: patchPhaseBody, ifMatch: true, park: phasePark,
  success: { status: 200, description: "The phase as saved.", schema: PhaseSchema, headers: ["ETag"] },
});

export const listLines = defineOperation({
  operationId: "listLines", method: "GET", path: "/api/v1/projects/{projectId}/lines", tag: "Structure",
  summary: "A project's production lines", access: "read", params: projectPath, park: projectPark,
  success: { status: 200, description: "The lines, by phase.", schema: LineListSchema },
});

export const createLine = defineOperation({
  operationId: "createLine", method: "POST", path: "/api/v1/projects/{projectId}/lines", tag: "Structure",
  summary: "Add a production line to a phase", access: "write", params: projectPath, body: createLineBody, park: projectPark,
  success: { status: 201, description: "The line as saved.", schema: LineSchema, headers: ["ETag"] },
});

export const listCapacities = defineOperation({
  operationId: "listCapacities", method: "GET", path: "/api/v1/projects/{projectId}/capacities", tag: "Structure",
  summary: "A project's capacities",
  description: "Each with its unit and period; their ids are what a progress entry's `online` names.",
  access: "read", params: projectPath, park: projectPark,
  success: { status: 200, description: "The capacities.", schema: CapacityListSchema },
});

export const listMilestones = defineOperation({
  operationId: "listMilestones", method: "GET", path: "/api/v1/projects/{projectId}/milestones", tag: "Structure",
  summary: "A project's milestones", access: "read", params: projectPath, park: projectPark,
  success: { status: 200, description: "The milestones, by date.", schema: MilestoneListSchema },
});

export const createMilestone = defineOperation({
  operationId: "createMilestone", method: "POST", path: "/api/v1/projects/{projectId}/milestones", tag: "Structure",
  summary: "Add a milestone",
  description: "At least one of plannedDate, forecastDate, actualDate; customLabel for type custom. An actual date cannot be in the future. The project's stage follows the milestones reached.",
  access: "write", params: projectPath, body: createMilestoneBody, park: projectPark,
  success: { status: 201, description: "The milestone as saved.", schema: MilestoneSchema, headers: ["ETag", "Location"] },
});

export const getMilestone = defineOperation({
  operationId: "getMilestone", method: "GET", path: "/api/v1/milestones/{milestoneId}", tag: "Structure",
  summary: "One milestone", access: "read", params: milestonePath, park: milestonePark,
  success: { status: 200, description: "The milestone.", schema: MilestoneSchema, headers: ["ETag"] },
});

export const patchMilestone = defineOperation({
  operationId: "updateMilestone", method: "PATCH", path: "/api/v1/milestones/{milestoneId}", tag: "Structure",
  summary: "Change a milestone's dates",
  description: `${ifMatchNote} Moving the planned date keeps the old baseline (give rebaselineReason).`,
  access: "write", params: milestonePath, body: patchMilestoneBody, ifMatch: true, park: milestonePark,
  success: { status: 200, description: "The milestone as saved.", schema: MilestoneSchema, headers: ["ETag"] },
});
