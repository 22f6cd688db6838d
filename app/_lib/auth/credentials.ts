import "server-only";
import { z } from "zod";
import { createSession, getUserByEmail } from "@/db/queries/accounts";
import { settleSignInAttempt, startSignInAttempt, type SignInRefusal } from "@/db/queries/sign-in-attempts";
import type { Executor } from "@/db/types";
import { clientAddress } from "../client-address";
import { verifyPassword } from "./password";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(320),
  password: z.string().max(1024),
});

/** The CredentialsSignin `code` for a refusal by the sign-in limits (the sign-in form says "too many"). */
export const TOO_MANY_SIGN_INS = "too_many";

export type CredentialsCheck =
  | { ok: true; user: { id: string; email: string; name: string; sid: string } }
  | { ok: false; refusal: SignInRefusal | "invalid" };

/**
 * next-auth's Credentials `authorize`, without next-auth: every way in (the sign-in form's action and
 * next-auth's own POST /api/auth/callback/credentials) comes through here, so the limits
 * (db/queries/sign-in-attempts.ts) hold for all of them. The client's address is read from the request
 * by the one rule (client-address.ts). A limit is checked before the password, so a refused guess
 * costs no argon2 time and tells nothing.
 */
export async function checkCredentials(db: Executor, raw: unknown, request: Request): Promise<CredentialsCheck> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, refusal: "invalid" };
  const attempt = { email: parsed.data.email, ip: clientAddress(request.headers) };
  const refusal = await startSignInAttempt(db, attempt);
  if (refusal !== null) return { ok: false, refusal };
  const user = await getUserByEmail(db, { email: attempt.email });
  const ok = await verifyPassword(user?.passwordHash ?? null, parsed.data.password);
  // A deactivated account is refused like a wrong password: no hint that the address exists.
  const live = ok && user !== null && user.deactivatedAt === null;
  await settleSignInAttempt(db, { ...attempt, succeeded: live });
  if (!user || !live) return { ok: false, refusal: "invalid" };
  const sid = await createSession(db, { userId: user.id });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sid } };
}
