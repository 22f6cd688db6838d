"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { savePark, saveRegion, setParkArchived } from "@/db/queries/organisation";
import { addRegionReader, removeRegionReader } from "@/db/queries/region-roles";
import { addRegionReaderSchema, archiveParkSchema, parkSchema, regionSchema, removeRegionReaderSchema } from "@/lib/domain/organisation-schemas";
import { guardedAction } from "../guard";
import { toFormResult } from "./outcome";

// The organisation (regions, parks, region roles) is the platform admins' alone: a park admin is refused.
const platformAdmin = { who: "platform-admin" } as const;

/** Every signed-in page shows parks by name and region: any of these changes reaches them all. */
const refreshAll = () => revalidatePath("/", "layout");

export const saveRegionAction = guardedAction({ schema: regionSchema, access: platformAdmin }, async ({ input, viewer, t, values }) => {
  const outcome = await saveRegion(await getDb(), { actorId: viewer!.userId }, input);
  if (outcome.ok) refreshAll();
  return toFormResult(outcome, t, values, input.regionId ? "admin.region.saved" : "admin.region.created");
});

export const saveParkAction = guardedAction({ schema: parkSchema, access: platformAdmin }, async ({ input, viewer, t, values }) => {
  const { regionId, ...fields } = input;
  const outcome = await savePark(await getDb(), { actorId: viewer!.userId }, { ...fields, regionId: regionId! });
  if (outcome.ok) refreshAll();
  return toFormResult(outcome, t, values, input.parkId ? "admin.park.saved" : "admin.park.created");
});

export const setParkArchivedAction = guardedAction({ schema: archiveParkSchema, access: platformAdmin }, async ({ input, viewer, t, values }) => {
  const outcome = await setParkArchived(await getDb(), { actorId: viewer!.userId }, input);
  if (outcome.ok) refreshAll();
  return toFormResult(outcome, t, values, input.archived ? "admin.park.archived" : "admin.park.unarchived");
});

export const addRegionReaderAction = guardedAction({ schema: addRegionReaderSchema, access: platformAdmin }, async ({ input, viewer, t, values }) => {
  const outcome = await addRegionReader(await getDb(), { actorId: viewer!.userId }, input);
  if (outcome.ok) refreshAll();
  return toFormResult(outcome, t, values, "admin.regionRole.added");
});

export const removeRegionReaderAction = guardedAction({ schema: removeRegionReaderSchema, access: platformAdmin }, async ({ input, viewer, t, values }) => {
  const outcome = await removeRegionReader(await getDb(), { actorId: viewer!.userId }, input);
  if (outcome.ok) refreshAll();
  return toFormResult(outcome, t, values, "admin.regionRole.removed");
});
