"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { setDeactivated } from "@/db/queries/people";
import { setActiveSchema } from "@/lib/domain/people-schemas";
import { guardedAction } from "../guard";
import { toFormResult } from "./outcome";

/** Platform administrators deactivate and reactivate accounts; a deactivated account's sessions end at once. */
export const setUserActiveAction = guardedAction({ schema: setActiveSchema, access: { who: "platform-admin" } }, async ({ input, viewer, t, values }) => {
  const outcome = await setDeactivated(await getDb(), { actorId: viewer!.userId, userId: input.userId, deactivated: input.active === "false" });
  revalidatePath("/admin/users", "page");
  return toFormResult(outcome, t, values, input.active === "false" ? "adminUsers.deactivated" : "adminUsers.reactivated");
});
