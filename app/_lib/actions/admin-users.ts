"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getAccountForAdmin } from "@/db/queries/accounts";
import { issuePasswordReset } from "@/db/queries/password-resets";
import { setDeactivated } from "@/db/queries/people";
import { accountSchema, setActiveSchema } from "@/lib/domain/people-schemas";
import { guardedAction, type FormResult } from "../guard";
import { mailLink } from "../mail/send";
import { toFormResult } from "./outcome";
import type { IssuedLink } from "./people";

/** Platform administrators deactivate and reactivate accounts; a deactivated account's sessions end at once. */
export const setUserActiveAction = guardedAction({ schema: setActiveSchema, access: { who: "platform-admin" } }, async ({ input, viewer, t, values }) => {
  const outcome = await setDeactivated(await getDb(), { actorId: viewer!.userId, userId: input.userId, deactivated: input.active === "false" });
  revalidatePath("/admin/users", "page");
  return toFormResult(outcome, t, values, input.active === "false" ? "adminUsers.deactivated" : "adminUsers.reactivated");
});

/**
 * A one-hour link to set any account's password, for someone in no park (or whose park has no admin
 * left). Not one's own (the Account page changes that) and not a deactivated account's (it would not work).
 */
export const issueAccountResetAction = guardedAction({ schema: accountSchema, access: { who: "platform-admin" } }, async ({ input, viewer, t, values }): Promise<FormResult<IssuedLink>> => {
  const db = await getDb();
  const account = await getAccountForAdmin(db, { userId: input.userId });
  if (!account) return { ok: false, message: t("error.notFound"), fieldErrors: {}, values };
  if (account.id === viewer!.userId) return { ok: false, message: t("adminUsers.resetNotYourself"), fieldErrors: {}, values };
  if (account.deactivatedAt) return { ok: false, message: t("adminUsers.resetDeactivated"), fieldErrors: {}, values };
  const token = await issuePasswordReset(db, { userId: account.id, issuedBy: viewer!.userId });
  const path = `/reset/${token}`;
  const emailed = await mailLink(t, { to: account.email, kind: "reset", path });
  revalidatePath("/admin/users/[id]", "page");
  return { ok: true, message: t(emailed ? "people.resetIssuedEmailed" : "people.resetIssued"), data: { id: account.id, path, emailed } };
});
