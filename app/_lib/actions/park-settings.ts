"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { deleteTarget, saveHealthRule, saveTarget } from "@/db/queries/park-settings";
import type { Viewer } from "../auth/viewer";
import { deleteTargetSchema, healthRuleSchema, targetSchema } from "@/lib/domain/park-settings-schemas";
import { guardedAction } from "../guard";
import { toFormResult } from "./outcome";

// Targets and the health rule shape every leader's view of the park: park admins only.
const adminOf = { who: "member", atLeast: "admin" } as const;

function refreshPark(viewer: Viewer, parkId: string) {
  const slug = viewer.memberships.find((m) => m.parkId === parkId)?.slug;
  if (!slug) return;
  revalidatePath(`/parks/${slug}`);
  revalidatePath(`/parks/${slug}/settings`);
}

export const saveTargetAction = guardedAction({ schema: targetSchema, access: adminOf }, async ({ input, viewer, t, values }) => {
  const { parkId, ...fields } = input;
  const outcome = await saveTarget(await getDb(), { parkId, actorId: viewer!.userId }, fields);
  if (outcome.ok) refreshPark(viewer!, parkId);
  return toFormResult(outcome, t, values, "target.saved");
});

export const deleteTargetAction = guardedAction({ schema: deleteTargetSchema, access: adminOf }, async ({ input, viewer, t, values }) => {
  const outcome = await deleteTarget(await getDb(), { parkId: input.parkId, actorId: viewer!.userId }, input);
  if (outcome.ok) refreshPark(viewer!, input.parkId);
  return toFormResult(outcome, t, values, "target.deleted");
});

export const saveHealthRuleAction = guardedAction({ schema: healthRuleSchema, access: adminOf }, async ({ input, viewer, t, values }) => {
  const { parkId, ...fields } = input;
  const outcome = await saveHealthRule(await getDb(), { parkId, actorId: viewer!.userId }, fields);
  if (outcome.ok) refreshPark(viewer!, parkId);
  return toFormResult(outcome, t, values, "healthRule.saved");
});
