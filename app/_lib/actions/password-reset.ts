"use server";

import { getDb } from "@/db/client";
import { getUserByEmail } from "@/db/queries/accounts";
import { issuePasswordReset, usePasswordReset } from "@/db/queries/password-resets";
import { forgotPasswordSchema, resetPasswordSchema } from "@/lib/domain/people-schemas";
import { hashPassword } from "../auth/password";
import { signIn } from "../auth/config";
import { guardedAction } from "../guard";
import { mailConfigured, mailLink } from "../mail/send";
import { tokenAttemptAllowed } from "../token-limits";

/** Sets a new password with a one-time link and signs in; every other session of the account has ended. */
export const resetPasswordAction = guardedAction({ schema: resetPasswordSchema, access: { who: "anyone" } }, async ({ input, t, values }) => {
  const db = await getDb();
  if (!(await tokenAttemptAllowed(db, "reset"))) return { ok: false, message: t("invite.tooMany"), fieldErrors: {}, values };
  const used = await usePasswordReset(db, { token: input.token, passwordHash: await hashPassword(input.newPassword) });
  if (!used) return { ok: false, message: t("reset.invalid"), fieldErrors: {}, values };
  await signIn("credentials", { email: used.email, password: input.newPassword, redirectTo: "/" });
  return { ok: true };
});

/**
 * "Forgot password": the answer depends only on whether mail is set up, never on whether the address
 * has an account, and the mail goes out after the answer so its time says nothing either.
 */
export const forgotPasswordAction = guardedAction({ schema: forgotPasswordSchema, access: { who: "anyone" } }, async ({ input, t, values }) => {
  const db = await getDb();
  if (!(await tokenAttemptAllowed(db, "forgot"))) return { ok: false, message: t("invite.tooMany"), fieldErrors: {}, values };
  if (!mailConfigured()) return { ok: true, message: t("forgot.askAdmin") };
  const user = await getUserByEmail(db, { email: input.email });
  if (user && user.deactivatedAt === null) {
    void issuePasswordReset(db, { userId: user.id, issuedBy: null })
      .then((token) => mailLink(t, { to: user.email, kind: "reset", path: `/reset/${token}` }))
      .catch((error: unknown) => console.error("password reset mail failed", error));
  }
  return { ok: true, message: t("forgot.sent") };
});
