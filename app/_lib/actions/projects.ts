"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { createProject, saveCapacity, saveLine, saveMilestone, savePhase, updateProject } from "@/db/queries/project-writes";
import { capacitySchema, createProjectSchema, lineSchema, milestoneSchema, phaseSchema, updateProjectSchema } from "@/lib/domain/project-schemas";
import { guardedAction } from "../guard";
import { toFormResult } from "./outcome";

// Every write here needs the editor (or admin) role in the park the form names; the data layer
// then scopes every statement to that park, so an id from another park is simply not found.
const editorOf = { who: "member", atLeast: "editor" } as const;

export const createProjectAction = guardedAction({ schema: createProjectSchema, access: editorOf }, async ({ input, viewer, t, values }) => {
  const { parkId, ...fields } = input;
  const outcome = await createProject(await getDb(), { parkId, actorId: viewer!.userId }, fields);
  if (!outcome.ok) return toFormResult(outcome, t, values, "project.saved");
  const warn = outcome.warnings.length ? `&warn=${outcome.warnings.join(",")}` : "";
  redirect(`/projects/${outcome.value.id}?saved=project${warn}`);
});

export const updateProjectAction = guardedAction({ schema: updateProjectSchema, access: editorOf }, async ({ input, viewer, t, values }) => {
  const { parkId, projectId, version, ...fields } = input;
  const outcome = await updateProject(await getDb(), { parkId, actorId: viewer!.userId }, projectId, version, fields);
  if (!outcome.ok) return toFormResult(outcome, t, values, "project.saved");
  const warn = outcome.warnings.length ? `&warn=${outcome.warnings.join(",")}` : "";
  redirect(`/projects/${projectId}?saved=project${warn}`);
});

export const savePhaseAction = guardedAction({ schema: phaseSchema, access: editorOf }, async ({ input, viewer, t, values }) => {
  const outcome = await savePhase(await getDb(), { parkId: input.parkId, actorId: viewer!.userId }, input);
  if (outcome.ok) revalidatePath(`/projects/${input.projectId}`);
  return toFormResult(outcome, t, values, "phase.saved");
});

export const saveLineAction = guardedAction({ schema: lineSchema, access: editorOf }, async ({ input, viewer, t, values }) => {
  const outcome = await saveLine(await getDb(), { parkId: input.parkId, actorId: viewer!.userId }, input);
  if (outcome.ok) revalidatePath(`/projects/${input.projectId}`);
  return toFormResult(outcome, t, values, "line.saved");
});

export const saveCapacityAction = guardedAction({ schema: capacitySchema, access: editorOf }, async ({ input, viewer, t, values }) => {
  const outcome = await saveCapacity(await getDb(), { parkId: input.parkId, actorId: viewer!.userId }, input);
  if (outcome.ok) revalidatePath(`/projects/${input.projectId}`);
  return toFormResult(outcome, t, values, "capacity.saved");
});

export const saveMilestoneAction = guardedAction({ schema: milestoneSchema, access: editorOf }, async ({ input, viewer, t, values }) => {
  const outcome = await saveMilestone(await getDb(), { parkId: input.parkId, actorId: viewer!.userId }, input);
  if (outcome.ok) revalidatePath(`/projects/${input.projectId}`);
  return toFormResult(outcome, t, values, "milestone.saved");
});
