"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { issuePasswordReset } from "@/db/queries/password-resets";
import { changeMemberRole, createInvitation, isWithinActorsParks, listMembers, removeMember, revokeInvitation } from "@/db/queries/people";
import { changeRoleSchema, inviteSchema, memberSchema, revokeInvitationSchema } from "@/lib/domain/people-schemas";
import { pickName } from "@/lib/i18n/pick";
import { guardedAction, type FormResult } from "../guard";
import { mailLink } from "../mail/send";
import { toFormResult } from "./outcome";

/** A link made by an action: its path (shown once, to copy) and whether it was also mailed. */
export interface IssuedLink {
  id: string;
  path: string;
  emailed: boolean;
}

const membersPath = "/parks/[slug]/members";

/** Park admins invite by address and role; the link is returned once and mailed when SMTP is set up. */
export const inviteMemberAction = guardedAction({ schema: inviteSchema, access: { who: "member", atLeast: "admin" } }, async ({ input, viewer, t, values, locale }): Promise<FormResult<IssuedLink>> => {
  const db = await getDb();
  const outcome = await createInvitation(db, { parkId: input.parkId, actorId: viewer!.userId }, { email: input.email, role: input.role });
  if (!outcome.ok) return toFormResult(outcome, t, values, "people.invited") as FormResult<IssuedLink>;
  const park = viewer!.memberships.find((m) => m.parkId === input.parkId)!;
  const path = `/invite/${outcome.value.token}`;
  const emailed = await mailLink(t, { to: input.email.toLowerCase(), kind: "invitation", path, parkName: pickName(locale, park.name, park.nameEn) });
  revalidatePath(membersPath, "page");
  return { ok: true, message: t(emailed ? "people.invitedEmailed" : "people.invited"), data: { id: outcome.value.id, path, emailed } };
});

export const revokeInvitationAction = guardedAction({ schema: revokeInvitationSchema, access: { who: "member", atLeast: "admin" } }, async ({ input, viewer, t, values }) => {
  const outcome = await revokeInvitation(await getDb(), { parkId: input.parkId, actorId: viewer!.userId }, { invitationId: input.invitationId });
  revalidatePath(membersPath, "page");
  return toFormResult(outcome, t, values, "people.revoked");
});

/** The last admin stays an admin and nobody changes their own role (db/queries/people.ts, under a row lock). */
export const changeRoleAction = guardedAction({ schema: changeRoleSchema, access: { who: "member", atLeast: "admin" } }, async ({ input, viewer, t, values }) => {
  const outcome = await changeMemberRole(await getDb(), { parkId: input.parkId, actorId: viewer!.userId }, { userId: input.userId, role: input.role });
  revalidatePath(membersPath, "page");
  return toFormResult(outcome, t, values, "people.roleChanged");
});

export const removeMemberAction = guardedAction({ schema: memberSchema, access: { who: "member", atLeast: "admin" } }, async ({ input, viewer, t, values }) => {
  const outcome = await removeMember(await getDb(), { parkId: input.parkId, actorId: viewer!.userId }, { userId: input.userId });
  revalidatePath(membersPath, "page");
  return toFormResult(outcome, t, values, "people.removed");
});

/**
 * A one-hour link to set a member's password. Only for members of this park who belong to no park the
 * admin does not administer, and never for a platform administrator: no reach beyond one's own parks.
 */
export const issuePasswordResetAction = guardedAction({ schema: memberSchema, access: { who: "member", atLeast: "admin" } }, async ({ input, viewer, t, values }): Promise<FormResult<IssuedLink>> => {
  const db = await getDb();
  const member = (await listMembers(db, { parkId: input.parkId })).find((m) => m.userId === input.userId);
  if (!member) return { ok: false, message: t("error.notFound"), fieldErrors: {}, values };
  if (!(await isWithinActorsParks(db, { actorId: viewer!.userId, userId: input.userId }))) {
    return { ok: false, message: t("people.resetOutsideParks"), fieldErrors: {}, values };
  }
  const token = await issuePasswordReset(db, { userId: input.userId, issuedBy: viewer!.userId });
  const path = `/reset/${token}`;
  const emailed = await mailLink(t, { to: member.email, kind: "reset", path });
  revalidatePath(membersPath, "page");
  return { ok: true, message: t(emailed ? "people.resetIssuedEmailed" : "people.resetIssued"), data: { id: input.userId, path, emailed } };
});
