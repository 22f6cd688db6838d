"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { retryDelivery, saveRobot } from "@/db/queries/outbox";
import { saveReportingSettings, setProjectOfficer } from "@/db/queries/reporting";
import { projectOfficerSchema, reportingSettingsSchema, retryDeliverySchema, robotSchema } from "@/lib/domain/notify-schemas";
import { guardedAction } from "../guard";

// The reporting cycle, the park's robots and its outbox shape what reaches every member: park admins.
const adminOf = { who: "member", atLeast: "admin" } as const;
// Who reports a project is an editor's call, like the rest of the project.
const editorOf = { who: "member", atLeast: "editor" } as const;

export const saveReportingSettingsAction = guardedAction({ schema: reportingSettingsSchema, access: adminOf }, async ({ input, t }) => {
  const { parkId, ...fields } = input;
  await saveReportingSettings(await getDb(), { parkId }, fields);
  revalidatePath("/parks/[slug]/settings", "page");
  return { ok: true, message: t("reporting.saved") };
});

export const setProjectOfficerAction = guardedAction({ schema: projectOfficerSchema, access: editorOf }, async ({ input, t }) => {
  await setProjectOfficer(await getDb(), { parkId: input.parkId }, input);
  revalidatePath(`/projects/${input.projectId}`);
  return { ok: true, message: t("reporting.officerSaved") };
});

export const saveRobotAction = guardedAction({ schema: robotSchema, access: adminOf }, async ({ input, t }) => {
  const { parkId, ...fields } = input;
  await saveRobot(await getDb(), { parkId }, fields);
  revalidatePath("/parks/[slug]/settings", "page");
  return { ok: true, message: t("robot.saved") };
});

export const retryDeliveryAction = guardedAction({ schema: retryDeliverySchema, access: adminOf }, async ({ input, t }) => {
  await retryDelivery(await getDb(), { parkId: input.parkId, id: input.deliveryId });
  revalidatePath("/parks/[slug]/outbox", "page");
  return { ok: true, message: t("outbox.retried") };
});
