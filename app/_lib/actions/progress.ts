"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { followUpProblem, logProgress, raiseProblem } from "@/db/queries/progress-writes";
import { problemCreateSchema, problemUpdateSchema, progressFormToObject, progressSchema } from "@/lib/domain/project-schemas";
import { guardedAction } from "../guard";
import { toFormResult } from "./outcome";

const editorOf = { who: "member", atLeast: "editor" } as const;

export const logProgressAction = guardedAction(
  { schema: progressSchema, access: editorOf, fromForm: progressFormToObject },
  async ({ input, viewer, t, values }) => {
    const { parkId, ...entry } = input;
    const outcome = await logProgress(await getDb(), { parkId, actorId: viewer!.userId }, entry);
    if (!outcome.ok) return toFormResult(outcome, t, values, "progress.saved");
    redirect(`/projects/${input.projectId}?saved=progress#progress`);
  },
);

export const raiseProblemAction = guardedAction({ schema: problemCreateSchema, access: editorOf }, async ({ input, viewer, t, values }) => {
  const outcome = await raiseProblem(await getDb(), { parkId: input.parkId, actorId: viewer!.userId }, input);
  if (outcome.ok) revalidatePath(`/projects/${input.projectId}`);
  return toFormResult(outcome, t, values, "problem.saved");
});

export const followUpProblemAction = guardedAction({ schema: problemUpdateSchema, access: editorOf }, async ({ input, viewer, t, values }) => {
  const outcome = await followUpProblem(await getDb(), { parkId: input.parkId, actorId: viewer!.userId }, input);
  if (outcome.ok) revalidatePath("/projects/[id]", "page");
  return toFormResult(outcome, t, values, input.close ? "problem.closed" : "problem.followedUp");
});
