"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { followUpProblem, logProgress, raiseProblem } from "@/db/queries/progress-writes";
import { problemCreateSchema, problemUpdateSchema, progressFormToObject, progressSchema } from "@/lib/domain/project-schemas";
import { Refusal } from "@/lib/refusal";
import { guardedAction } from "../guard";
import { toFormResult } from "./outcome";

const editorOf = { who: "member", atLeast: "editor" } as const;

export const logProgressAction = guardedAction(
  { schema: progressSchema, access: editorOf, fromForm: progressFormToObject },
  async ({ input, viewer, t, values }) => {
    const { parkId, ...entry } = input;
    let outcome;
    try {
      outcome = await logProgress(await getDb(), { parkId, actorId: viewer!.userId }, entry);
    } catch (error) {
      // The month already has an entry: say so beside the month, and link to correcting that entry.
      if (!(error instanceof Refusal) || error.messageKey !== "progress.monthLogged") throw error;
      const message = t("progress.monthLogged", error.details.params);
      const entryId = String(error.details.members?.entryId ?? "");
      return {
        ok: false, message, fieldErrors: { period: message }, values,
        link: { href: `/projects/${input.projectId}/log?supersedes=${encodeURIComponent(entryId)}`, label: t("progress.correctThisEntry") },
      };
    }
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
