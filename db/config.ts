import { isAbsolute, join } from "node:path";

/** Which database the app uses, decided once from the environment. */
export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * DATABASE_URL set: a real PostgreSQL. Unset: the embedded PGlite under PGLITE_DIR (default .data/pglite).
 * A malformed URL is refused here, before anything connects, with the variable to fix.
 */
export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) {
    const dir = env.PGLITE_DIR?.trim() || join(".data", "pglite");
    return { kind: "pglite", dataDir: isAbsolute(dir) ? dir : join(/*turbopackIgnore: true*/ process.cwd(), dir) };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError("DATABASE_URL is not a valid URL; set it like postgres://user:password@host:5432/dbname");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql:// (got "${url.protocol}")`);
  }
  if (!url.hostname || url.pathname.length <= 1) {
    throw new ConfigError("DATABASE_URL must name a host and a database, like postgres://user@host:5432/dbname");
  }
  return { kind: "postgres", url: raw };
}
