"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createApiToken, revokeApiToken } from "@/db/queries/api-tokens";
import { apiTokenFormToObject, createApiTokenSchema, revokeApiTokenSchema } from "@/lib/domain/api-token-schemas";
import { endOfChinaDay } from "@/lib/domain/china-day";
import { guardedAction, type FormResult } from "../guard";
import { toFormResult } from "./outcome";

// Personal tokens belong to the signed-in user: the parks must be their own (checked again by the data
// layer), and only they can revoke them. A token never does more than its owner may at request time.
const signedIn = { who: "signed-in" } as const;

/** On success `data.token` is the token: shown once to its owner, never stored (only its SHA-256 is). */
export const createApiTokenAction = guardedAction(
  { schema: createApiTokenSchema, access: signedIn, fromForm: apiTokenFormToObject },
  async ({ input, viewer, t, values }): Promise<FormResult<{ id: string; token?: string }>> => {
    const own = new Set(viewer!.memberships.map((m) => m.parkId));
    if (!input.parkIds.every((id) => own.has(id))) {
      return { ok: false, message: t("error.fixFields"), fieldErrors: { parkIds: t("apiToken.parksNotYours") }, values };
    }
    const outcome = await createApiToken(await getDb(), { userId: viewer!.userId }, {
      label: input.label,
      parkIds: input.parkIds,
      canWrite: input.scope === "write",
      expiresAt: input.expiresOn ? endOfChinaDay(input.expiresOn) : null,
    });
    if (!outcome.ok) return toFormResult(outcome, t, values, "apiToken.created");
    revalidatePath("/account");
    return { ok: true, message: t("apiToken.created"), data: outcome.value };
  },
);

export const revokeApiTokenAction = guardedAction({ schema: revokeApiTokenSchema, access: signedIn }, async ({ input, viewer, t, values }) => {
  const outcome = await revokeApiToken(await getDb(), { userId: viewer!.userId }, { tokenId: input.tokenId });
  if (outcome.ok) revalidatePath("/account");
  return toFormResult(outcome, t, values, "apiToken.revoked");
});
