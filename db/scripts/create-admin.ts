// `npm run admin:create -- --email you@example.org --name "Your Name"`: the first platform administrator
// (or an existing account made one), and a one-time link to set the password, printed once.
// On the embedded database it refuses while the server has the directory open (db/data-dir-lock.ts).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { resolveDatabaseTarget } from "../config";
import { DatabaseInUseError } from "../data-dir-lock";
import { applyMigrations } from "../migrate";
import { openDatabase } from "../open";
import { FIRST_ADMIN_TTL_MS, issuePasswordReset } from "../queries/password-resets";
import { auditAccountChange } from "../queries/people";
import { users } from "../schema";

const argsSchema = z.object({
  email: z.string("--email is required").trim().toLowerCase().email("--email must be an email address"),
  name: z.string("--name is required").trim().min(1, "--name is required").max(120, "--name is at most 120 characters"),
  locale: z.enum(["zh", "en"], "--locale is zh or en"),
});

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, locale: { type: "string", default: "zh" } } });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("; "));
  const { email, name, locale } = parsed.data;
  const origin = (process.env.PARKLINE_BASE_URL?.trim() || "http://localhost:3000").replace(/\/+$/, "");
  const { db, close } = await openDatabase(resolveDatabaseTarget());
  try {
    await applyMigrations(db);
    let userId: string;
    const [existing] = await db.select({ id: users.id, platformAdmin: users.platformAdmin, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.email, email));
    if (existing) {
      await db.transaction(async (tx) => {
        await tx.update(users).set({ platformAdmin: true, deactivatedAt: null }).where(eq(users.id, existing.id));
        const changes = { ...(existing.platformAdmin ? {} : { platformAdmin: [false, true] }), ...(existing.deactivatedAt ? { active: [false, true] } : {}) } as Record<string, [unknown, unknown]>;
        await auditAccountChange(tx, { actorId: null, userId: existing.id, action: "update", changes });
      });
      userId = existing.id;
      console.log(`${email} already had an account: it is now a platform administrator.`);
    } else {
      // A password nobody knows: the account is usable once its owner sets one through the link.
      const passwordHash = await hash(randomBytes(32).toString("base64url"));
      userId = await db.transaction(async (tx) => {
        const [created] = await tx.insert(users).values({ email, name, locale, platformAdmin: true, passwordHash }).returning({ id: users.id });
        await auditAccountChange(tx, { actorId: null, userId: created!.id, action: "create", changes: { email: [null, email], platformAdmin: [null, true] } });
        return created!.id;
      });
      console.log(`Created platform administrator ${email}.`);
    }
    const token = await issuePasswordReset(db, { userId, issuedBy: null, ttlMs: FIRST_ADMIN_TTL_MS });
    console.log(`Open this link within 24 hours to set the password (it works once):\n\n  ${origin}/reset/${token}\n`);
    if (!process.env.PARKLINE_BASE_URL) console.log("(Set PARKLINE_BASE_URL to the address people use, e.g. https://parkline.example.gov.cn, to print links with it.)");
  } finally {
    await close();
  }
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\nUsage: npm run admin:create -- --email you@example.org --name "Your Name" [--locale zh|en]`);
  else console.error(error instanceof DatabaseInUseError || error instanceof Error ? error.message : String(error));
  process.exit(1);
});
