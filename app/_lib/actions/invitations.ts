"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { acceptInvitation, type AcceptOutcome } from "@/db/queries/people";
import { acceptExistingSchema, acceptNewSchema } from "@/lib/domain/people-schemas";
import type { MessageKey } from "@/lib/i18n/translate";
import { hashPassword } from "../auth/password";
import { signIn } from "../auth/config";
import { guardedAction, type FormResult } from "../guard";
import { tokenAttemptAllowed } from "../token-limits";

/** Unknown, used, expired and revoked links get one answer; so does an address that has an account since. */
const REFUSAL: Record<Exclude<AcceptOutcome, { ok: true }>["reason"], MessageKey> = {
  invalid_token: "invite.invalid",
  account_exists: "invite.signInFirst",
  wrong_account: "invite.wrongAccount",
  deactivated: "invite.invalid",
};

function refused(reason: keyof typeof REFUSAL | "rate", t: (k: MessageKey) => string, values: Record<string, string>): FormResult {
  return { ok: false, message: t(reason === "rate" ? "invite.tooMany" : REFUSAL[reason]), fieldErrors: {}, values };
}

/** A new person accepts: their account is made with the invited address, and they land in the park signed in. */
export const acceptInvitationAction = guardedAction({ schema: acceptNewSchema, access: { who: "anyone" } }, async ({ input, t, values, locale }) => {
  const db = await getDb();
  if (!(await tokenAttemptAllowed(db, "invite"))) return refused("rate", t, values);
  const outcome = await acceptInvitation(db, { token: input.token, as: { name: input.name, passwordHash: await hashPassword(input.newPassword), locale } });
  if (!outcome.ok) return refused(outcome.reason, t, values);
  await signIn("credentials", { email: outcome.email, password: input.newPassword, redirectTo: `/parks/${outcome.parkSlug}` });
  return { ok: true };
});

/** Someone signed in as the invited address joins the park. */
export const joinParkAction = guardedAction({ schema: acceptExistingSchema, access: { who: "signed-in" } }, async ({ input, viewer, t, values }) => {
  const db = await getDb();
  if (!(await tokenAttemptAllowed(db, "invite"))) return refused("rate", t, values);
  const outcome = await acceptInvitation(db, { token: input.token, as: { userId: viewer!.userId } });
  if (!outcome.ok) return refused(outcome.reason, t, values);
  redirect(`/parks/${outcome.parkSlug}`);
});
