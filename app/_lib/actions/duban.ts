"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { applyDuban } from "@/db/queries/duban";
import { enqueueNotices } from "@/db/queries/notifications";
import { dubanSchema } from "@/lib/domain/duban";
import { hasRole } from "../auth/viewer";
import { guardedAction } from "../guard";
import { mailConfigured } from "../mail/send";

/**
 * 督办 on a problem: any member reaches the rules (its owner may be a viewer), which decide the rest —
 * editors change owner, due date and level and move the steps; the owner moves the steps; only who
 * raised it closes it or sends it back. Whoever must act next is notified (inbox now, email by the worker).
 */
export const updateProblemAction = guardedAction({ schema: dubanSchema, access: { who: "member", atLeast: "viewer" } }, async ({ input, viewer, t }) => {
  const db = await getDb();
  const { parkId, ...fields } = input;
  const notices = await applyDuban(db, { parkId, actorId: viewer!.userId, isEditor: hasRole(viewer!, parkId, "editor") }, fields);
  await enqueueNotices(db, notices, { email: mailConfigured() });
  revalidatePath("/projects/[id]", "page");
  return { ok: true, message: t("duban.saved") };
});
