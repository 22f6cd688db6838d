import { ConfigError, resolveDatabaseTarget } from "@/db/config";
import { getDatabase } from "@/db/instance";
import { parseTrustedProxyHops, TRUSTED_PROXY_HOPS_VAR } from "./client-address";

/**
 * Runs once when the server starts. A wrong setting stops the app with one line saying what to
 * set, instead of a server that starts and then fails on every request.
 */
export async function checkStartup(): Promise<void> {
  try {
    resolveDatabaseTarget();
    if (parseTrustedProxyHops() === null) throw new ConfigError(`${TRUSTED_PROXY_HOPS_VAR} must be a whole number from 0 to 10: the reverse proxies in front of the app`);
    if (process.env.NODE_ENV === "production") {
      const secret = process.env.AUTH_SECRET?.trim();
      if (!secret) throw new ConfigError("AUTH_SECRET is not set; generate one with: openssl rand -base64 33");
      if (secret.length < 32) throw new ConfigError("AUTH_SECRET must be at least 32 characters; generate one with: openssl rand -base64 33");
    }
    const { kind } = await getDatabase();
    console.log(`Parkline: database ready (${kind === "postgres" ? "PostgreSQL" : "embedded PGlite"})`);
  } catch (error) {
    console.error(`Parkline cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
