import "server-only";
import { headers } from "next/headers";
import { countRequest } from "@/db/queries/rate-limits";
import type { Executor } from "@/db/types";
import { clientAddress } from "./client-address";

const WINDOW_MS = 15 * 60_000;
/** Opening or using invitation and reset links, per client address and 15 minutes (PARKLINE_TOKEN_RATE_LIMIT overrides). */
const limit = () => Number(process.env.PARKLINE_TOKEN_RATE_LIMIT) || 30;

/**
 * Counts one use of a one-time link (an invitation, a password reset, a "forgot password" request) for
 * the client's address, in PostgreSQL; false once the address went over the limit in this window.
 */
export async function tokenAttemptAllowed(db: Executor, kind: "invite" | "reset" | "forgot"): Promise<boolean> {
  const ip = clientAddress(await headers());
  const { count } = await countRequest(db, { key: `${kind}:${ip}`, windowMs: WINDOW_MS });
  return count <= limit();
}
