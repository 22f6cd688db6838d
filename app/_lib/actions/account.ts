"use server";

import { getDb } from "@/db/client";
import { changePassword, getPasswordHash, signOutEverywhere } from "@/db/queries/accounts";
import { hashPassword, verifyPassword } from "../auth/password";
import { signOut } from "../auth/config";
import { changePasswordSchema, signOutEverywhereSchema } from "@/lib/domain/account-schemas";
import { guardedAction } from "../guard";

/** Changing a password ends every session of the user (sessions are rows), this one included. */
export const changePasswordAction = guardedAction({ schema: changePasswordSchema, access: { who: "signed-in" } }, async ({ input, viewer, t, values }) => {
  const db = await getDb();
  const current = await getPasswordHash(db, { userId: viewer!.userId });
  if (!(await verifyPassword(current, input.currentPassword))) {
    return { ok: false, message: t("account.wrongCurrent"), fieldErrors: { currentPassword: t("account.wrongCurrent") }, values };
  }
  await changePassword(db, { userId: viewer!.userId, passwordHash: await hashPassword(input.newPassword) });
  await signOut({ redirectTo: "/signin" });
  return { ok: true };
});


/**
 * Ends every session of the signed-in user (this one included) and, if ticked, revokes all their API
 * tokens: what to do when the account may be in someone else's hands. Only ever the caller's own.
 */
export const signOutEverywhereAction = guardedAction({ schema: signOutEverywhereSchema, access: { who: "signed-in" } }, async ({ input, viewer }) => {
  await signOutEverywhere(await getDb(), { userId: viewer!.userId, revokeApiTokens: input.revokeApiTokens });
  await signOut({ redirectTo: "/signin" });
  return { ok: true };
});
