import { z } from "zod";
import { checkbox, digitsOnly, uuid } from "./fields";
import { NOTIFICATION_KINDS, ROBOT_KINDS } from "./values";

const emptyToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);
const wholeNumber = (min: number, max: number, message: "reporting.deadlineRange" | "reporting.remindRange") =>
  z.preprocess((v) => digitsOnly(v), z.coerce.number("validation.required").int(message).min(min, message).max(max, message));

/** The park's reporting cycle: the deadline day (1–28, every month has it) and the reminder lead. */
export const reportingSettingsSchema = z.object({
  parkId: uuid(),
  deadlineDay: wholeNumber(1, 28, "reporting.deadlineRange"),
  remindDaysBefore: wholeNumber(0, 27, "reporting.remindRange"),
});

/** A project's officer: a member of its park, or none (empty). */
export const projectOfficerSchema = z.object({
  parkId: uuid(),
  projectId: uuid(),
  officerId: z.preprocess(emptyToNull, uuid().nullable()),
});

export const markNotificationReadSchema = z.object({ notificationId: uuid() });
export const markAllNotificationsReadSchema = z.object({});

/** Email on or off, and the muted kinds (one checkbox each, `mute.<kind>`). */
export const notificationPreferencesSchema = z.object({
  emailEnabled: checkbox(),
  ...Object.fromEntries(NOTIFICATION_KINDS.map((k) => [`mute.${k}`, checkbox()])),
}) as z.ZodType<{ emailEnabled: boolean } & Record<string, boolean>>;

export const unsubscribeSchema = z.object({ token: z.string().min(1, "validation.invalid").max(200, "validation.invalid") });

/** A webhook address: https (or http, for a relay inside the government network). */
const webhookUrl = z.preprocess(
  emptyToNull,
  z
    .string()
    .trim()
    .max(500, "validation.tooLong")
    .refine((s) => {
      try {
        const url = new URL(s);
        return (url.protocol === "https:" || url.protocol === "http:") && !/[\s<>"]/.test(s);
      } catch {
        return false;
      }
    }, "robot.urlInvalid")
    .nullable(),
);

export const robotSchema = z.object({
  parkId: uuid(),
  kind: z.enum(ROBOT_KINDS, "validation.invalid"),
  webhookUrl,
  secret: z.preprocess(emptyToNull, z.string().trim().max(200, "validation.tooLong").regex(/^[\x21-\x7e]+$/, "robot.secretInvalid").nullable()),
  clearSecret: checkbox(),
  enabled: checkbox(),
});

export const retryDeliverySchema = z.object({ parkId: uuid(), deliveryId: uuid() });
