"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signIn, signOut } from "../auth/config";
import { TOO_MANY_SIGN_INS } from "../auth/credentials";
import { guardedAction } from "../guard";
import { LOCALES } from "@/lib/i18n/locale";
import { LOCALE_COOKIE } from "@/app/_lib/request-locale";
import { safeCallbackPath } from "@/lib/safe-redirect";

const signInSchema = z.object({
  email: z.string("validation.required").trim().min(1, "validation.required").max(320, "validation.tooLong").email("validation.email"),
  password: z.string("validation.required").min(1, "validation.required").max(1024, "validation.tooLong"),
  callbackUrl: z.string().max(2000).optional(),
});

/**
 * The sign-in limits are enforced where the credentials are checked (auth/credentials.ts), for this
 * form and next-auth's own callback alike; here a refusal only becomes its message.
 */
export const signInAction = guardedAction({ schema: signInSchema, access: { who: "anyone" } }, async ({ input, t }) => {
  try {
    await signIn("credentials", {
      email: input.email,
      password: input.password,
      redirectTo: safeCallbackPath(input.callbackUrl),
    });
  } catch (error) {
    // Unknown email and wrong password get the same message (and cost the same time, see password.ts).
    if (error instanceof CredentialsSignin && error.code === TOO_MANY_SIGN_INS) {
      return { ok: false, message: t("signin.tooMany"), fieldErrors: {}, values: { email: input.email } };
    }
    if (error instanceof AuthError) {
      return { ok: false, message: t("signin.invalid"), fieldErrors: {}, values: { email: input.email } };
    }
    throw error; // the redirect after a successful sign-in
  }
  return { ok: true };
});

export const signOutAction = guardedAction({ schema: z.object({}), access: { who: "signed-in" } }, async () => {
  await signOut({ redirectTo: "/signin" });
  return { ok: true };
});

const localeSchema = z.object({ locale: z.enum(LOCALES, "validation.invalid") });

export const setLocaleAction = guardedAction({ schema: localeSchema, access: { who: "anyone" } }, async ({ input }) => {
  (await cookies()).set(LOCALE_COOKIE, input.locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
    secure: process.env.NODE_ENV === "production", // browsers accept Secure cookies on http://localhost too
  });
  revalidatePath("/", "layout");
  return { ok: true };
});
