import type { Operation } from "../operation";
import { createProject, getPark, getRollup, listParks, listProjects } from "./parks";
import { logProgress, listProgress } from "./progress";
import { getProject, patchProject } from "./projects";
import {
  createLine, createMilestone, createPhase, getMilestone, getPhase, listCapacities, listLines, listMilestones, listPhases, patchMilestone, patchPhase,
} from "./structure";

/** Every /api/v1 operation, in the order the OpenAPI document lists them. */
export const OPERATIONS: readonly Operation[] = [
  listParks, getPark, getRollup, listProjects, createProject, getProject, patchProject,
  listPhases, createPhase, getPhase, patchPhase, listLines, createLine, listCapacities,
  listMilestones, createMilestone, getMilestone, patchMilestone, listProgress, logProgress,
] as readonly Operation[];
