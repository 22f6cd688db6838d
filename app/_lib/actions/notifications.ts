"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { markAllRead, markRead, muteKind, savePreferences } from "@/db/queries/notifications";
import { markAllNotificationsReadSchema, markNotificationReadSchema, notificationPreferencesSchema, unsubscribeSchema } from "@/lib/domain/notify-schemas";
import { NOTIFICATION_KINDS } from "@/lib/domain/values";
import { Refusal } from "@/lib/refusal";
import { guardedAction } from "../guard";
import { readUnsubscribeToken } from "../notify/render";

// Each person's own inbox and choices: the session's user, never an id from the form.
const signedIn = { who: "signed-in" } as const;

export const markNotificationReadAction = guardedAction({ schema: markNotificationReadSchema, access: signedIn }, async ({ input, viewer, t }) => {
  // Another person's notice is answered like a missing one.
  if (!(await markRead(await getDb(), { userId: viewer!.userId, id: input.notificationId }))) throw Refusal.notFound();
  revalidatePath("/", "layout");
  return { ok: true, message: t("inbox.markedRead") };
});

export const markAllNotificationsReadAction = guardedAction({ schema: markAllNotificationsReadSchema, access: signedIn }, async ({ viewer, t }) => {
  await markAllRead(await getDb(), { userId: viewer!.userId });
  revalidatePath("/", "layout");
  return { ok: true, message: t("inbox.markedAllRead") };
});

export const saveNotificationPreferencesAction = guardedAction({ schema: notificationPreferencesSchema, access: signedIn }, async ({ input, viewer, t }) => {
  const mutedKinds = NOTIFICATION_KINDS.filter((k) => input[`mute.${k}`]);
  await savePreferences(await getDb(), { userId: viewer!.userId }, { emailEnabled: input.emailEnabled, mutedKinds });
  revalidatePath("/notifications/settings");
  return { ok: true, message: t("inbox.preferencesSaved") };
});

/** The email's unsubscribe link: its signed token is the credential (the reader may not be signed in). */
export const unsubscribeAction = guardedAction({ schema: unsubscribeSchema, access: { who: "anyone" } }, async ({ input, t }) => {
  const target = readUnsubscribeToken(input.token);
  if (!target) throw Refusal.invalidField("token", "inbox.unsubscribeInvalid");
  await muteKind(await getDb(), target);
  return { ok: true, message: t("inbox.unsubscribed", { kind: t(`notify.${target.kind}.name`) }) };
});
