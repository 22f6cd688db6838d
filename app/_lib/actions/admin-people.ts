"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getParkForAdmin } from "@/db/queries/organisation";
import { createInvitation, removeMember } from "@/db/queries/people";
import { inviteSchema, memberSchema } from "@/lib/domain/people-schemas";
import { pickName } from "@/lib/i18n/pick";
import { Refusal } from "@/lib/refusal";
import { guardedAction, type FormResult } from "../guard";
import { mailLink } from "../mail/send";
import { toFormResult } from "./outcome";
import type { IssuedLink } from "./people";

const parkPath = "/admin/parks/[id]";

/** The park the platform admin names, open for writing: an unknown one is not found, an archived one says so. */
async function writablePark(parkId: string) {
  const park = await getParkForAdmin(await getDb(), { parkId });
  if (!park) throw Refusal.notFound();
  if (park.archivedAt) throw new Refusal(403, "error.parkArchived");
  return park;
}

/**
 * A platform administrator invites a new park's first people (its admin, its officers) from the
 * park's administration page: a platform admin is no member of the park, so the park's own People
 * page is not theirs. Same invitation as a park admin's (db/queries/people.ts).
 */
export const adminInviteMemberAction = guardedAction({ schema: inviteSchema, access: { who: "platform-admin" } }, async ({ input, viewer, t, values, locale }): Promise<FormResult<IssuedLink>> => {
  const park = await writablePark(input.parkId);
  const outcome = await createInvitation(await getDb(), { parkId: park.id, actorId: viewer!.userId }, { email: input.email, role: input.role });
  if (!outcome.ok) return toFormResult(outcome, t, values, "people.invited") as FormResult<IssuedLink>;
  const path = `/invite/${outcome.value.token}`;
  const emailed = await mailLink(t, { to: input.email.toLowerCase(), kind: "invitation", path, parkName: pickName(locale, park.name, park.nameEn) });
  revalidatePath(parkPath, "page");
  return { ok: true, message: t(emailed ? "people.invitedEmailed" : "people.invited"), data: { id: outcome.value.id, path, emailed } };
});

/** A platform administrator removes someone from a park (the last admin stays, as on the park's People page). */
export const adminRemoveMemberAction = guardedAction({ schema: memberSchema, access: { who: "platform-admin" } }, async ({ input, viewer, t, values }) => {
  const park = await writablePark(input.parkId);
  const outcome = await removeMember(await getDb(), { parkId: park.id, actorId: viewer!.userId }, { userId: input.userId });
  revalidatePath(parkPath, "page");
  return toFormResult(outcome, t, values, "people.removed");
});
