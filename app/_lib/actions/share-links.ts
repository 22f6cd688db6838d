"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createShareLink, revokeShareLink } from "@/db/queries/share-links";
import type { Viewer } from "../auth/viewer";
import { endOfChinaDay } from "@/lib/domain/china-day";
import { createShareLinkSchema, revokeShareLinkSchema, shareFormToObject } from "@/lib/domain/share-schemas";
import { guardedAction, type FormResult } from "../guard";
import { toFormResult } from "./outcome";

// Links are made and revoked by the park's editors and admins; the data layer scopes every statement
// to the park the form names, so another park's project or link is simply not found.
const editorOf = { who: "member", atLeast: "editor" } as const;

function refreshShares(viewer: Viewer, parkId: string) {
  const slug = viewer.memberships.find((m) => m.parkId === parkId)?.slug;
  if (slug) revalidatePath(`/parks/${slug}/shares`);
}

/** On success `data.token` is the link's token: shown once to its creator, never stored. */
export const createShareLinkAction = guardedAction(
  { schema: createShareLinkSchema, access: editorOf, fromForm: shareFormToObject },
  async ({ input, viewer, t, values }): Promise<FormResult<{ id: string; token?: string }>> => {
    const { parkId, label, scope, projectId, redaction, expiresOn, snapshotOn } = input;
    const outcome = await createShareLink(await getDb(), { parkId, actorId: viewer!.userId }, {
      label, scope, projectId, redaction,
      expiresAt: expiresOn ? endOfChinaDay(expiresOn) : null,
      snapshotAt: snapshotOn ? endOfChinaDay(snapshotOn) : null,
    });
    if (!outcome.ok) return toFormResult(outcome, t, values, "share.created");
    refreshShares(viewer!, parkId);
    return { ok: true, message: t("share.created"), data: outcome.value };
  },
);

export const revokeShareLinkAction = guardedAction({ schema: revokeShareLinkSchema, access: editorOf }, async ({ input, viewer, t, values }) => {
  const outcome = await revokeShareLink(await getDb(), { parkId: input.parkId, actorId: viewer!.userId }, { linkId: input.linkId });
  if (outcome.ok) refreshShares(viewer!, input.parkId);
  return toFormResult(outcome, t, values, "share.revoked");
});
