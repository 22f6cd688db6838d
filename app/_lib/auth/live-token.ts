import "server-only";
import type { JWT } from "next-auth/jwt";
import { isSessionLive } from "@/db/queries/accounts";
import type { Executor } from "@/db/types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The token, while the session row it names is live; else null, on which next-auth's session endpoint
 * answers no session and clears the cookie instead of refreshing it. Without this, a cookie whose row
 * sign-out or a password change deleted still got the user's name and email and a new expiry there.
 */
export async function liveToken(db: Executor, token: JWT): Promise<JWT | null> {
  const sid = token.sid;
  if (typeof sid !== "string" || !UUID.test(sid)) return null;
  return (await isSessionLive(db, { sessionId: sid })) ? token : null;
}
