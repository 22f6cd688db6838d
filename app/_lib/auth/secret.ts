import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "@/db/config";

const DEV_SECRET_FILE = join(/*turbopackIgnore: true*/ process.cwd(), ".data", "auth-secret");

/**
 * AUTH_SECRET signs the session cookie. Production must set it; in development one is generated once
 * and kept under .data/ so `npm run dev` needs no setup and sessions survive restarts.
 */
export function getAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.AUTH_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32) throw new ConfigError("AUTH_SECRET must be at least 32 characters; generate one with: openssl rand -base64 33");
    return fromEnv;
  }
  if (env.NODE_ENV === "production") {
    throw new ConfigError("AUTH_SECRET is not set; generate one with: openssl rand -base64 33");
  }
  if (existsSync(DEV_SECRET_FILE)) return readFileSync(DEV_SECRET_FILE, "utf8").trim();
  mkdirSync(join(/*turbopackIgnore: true*/ process.cwd(), ".data"), { recursive: true });
  const secret = randomBytes(33).toString("base64");
  writeFileSync(DEV_SECRET_FILE, secret, { mode: 0o600 });
  return secret;
}
