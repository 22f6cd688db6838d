import { z } from "zod";
import { LOCALES } from "../i18n/locale";
import { requiredText } from "./fields";
import { MEMBERSHIP_ROLES } from "./values";

const uuid = z.string("validation.required").uuid("validation.invalid");
const email = z.string("validation.required").trim().min(1, "validation.required").max(320, "validation.tooLong").email("validation.email");
const role = z.enum(MEMBERSHIP_ROLES, "validation.invalid");
/** A link's token: 32 random bytes as base64url (43 characters); anything else cannot be one. */
export const tokenSchema = z.string("validation.invalid").regex(/^[A-Za-z0-9_-]{43}$/, "validation.invalid");
const personName = requiredText(120);
const newPassword = z.string("validation.required").min(10, "account.tooShort").max(1024, "validation.tooLong");

export const inviteSchema = z.object({ parkId: uuid, email, role });
export const revokeInvitationSchema = z.object({ parkId: uuid, invitationId: uuid });
export const changeRoleSchema = z.object({ parkId: uuid, userId: uuid, role });
export const memberSchema = z.object({ parkId: uuid, userId: uuid });

/** A new account from an invitation: the address is the invited one, not typed. */
export const acceptNewSchema = z
  .object({ token: tokenSchema, name: personName, newPassword, confirmPassword: z.string("validation.required") })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "account.mismatch" });
export const acceptExistingSchema = z.object({ token: tokenSchema });

export const resetPasswordSchema = z
  .object({ token: tokenSchema, newPassword, confirmPassword: z.string("validation.required") })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "account.mismatch" });
export const forgotPasswordSchema = z.object({ email });

export const profileSchema = z.object({ name: personName, locale: z.enum(LOCALES, "validation.invalid") });
export const setActiveSchema = z.object({ userId: uuid, active: z.enum(["true", "false"], "validation.invalid") });
export const accountSchema = z.object({ userId: uuid });
