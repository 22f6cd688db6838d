import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, t=2): about 60 ms here, per OWASP's minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the email is unknown, so both failures cost the same time.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$FhPgc//gVqkIeIQWQEWwHA$HgW4iLoBQrvtRidtZ/kbdYj+Nixgo67nc1I2oVpkL0U";

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(storedHash ?? DUMMY_HASH, password);
    return storedHash !== null && ok;
  } catch {
    return false;
  }
}
