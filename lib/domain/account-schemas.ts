import { z } from "zod";
import { checkbox } from "./fields";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string("validation.required").min(1, "validation.required").max(1024, "validation.tooLong"),
    newPassword: z.string("validation.required").min(10, "account.tooShort").max(1024, "validation.tooLong"),
    confirmPassword: z.string("validation.required"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "account.mismatch" });

/** "Sign out everywhere": it acts on the signed-in user only, so it takes no user id, just the choice. */
export const signOutEverywhereSchema = z.object({ revokeApiTokens: checkbox() });
