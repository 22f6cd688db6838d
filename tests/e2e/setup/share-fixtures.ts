// Run by tests/e2e/run.mjs on a seeded database before the server under test opens it: two links to
// the same park, made the same way through the data layer, one of them expired yesterday. The app
// itself only takes expiry dates from today on (a link works through its last day), so an expired link
// can only be made in the past; this makes one. Prints {"live": token, "expired": token} on stdout.
import { eq } from "drizzle-orm";
import { resolveDatabaseTarget } from "../../../db/config";
import { openDatabase } from "../../../db/open";
import { getUserByEmail } from "../../../db/queries/accounts";
import { createShareLink } from "../../../db/queries/share-links";
import { DEFAULT_REDACTION } from "@/lib/domain/share-schemas";
import { parks } from "../../../db/schema";

const DAY_MS = 86_400_000;

async function main() {
  const { db, close } = await openDatabase(resolveDatabaseTarget());
  try {
    const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.slug, "ningxiang-htz"));
    const editor = await getUserByEmail(db, { email: "editor@ningxiang.demo" });
    if (!park || !editor) throw new Error("share fixtures: the demo data is not loaded");
    const actor = { parkId: park.id, actorId: editor.id };
    const make = async (label: string, expiresAt: Date | null) => {
      const made = await createShareLink(db, actor, { label, scope: "park", projectId: null, redaction: DEFAULT_REDACTION, expiresAt, snapshotAt: null });
      if (!made.ok) throw new Error(`share fixtures: ${label} refused`);
      return made.value.token;
    };
    const live = await make("E2E 有效链接", new Date(Date.now() + 30 * DAY_MS));
    const expired = await make("E2E 已过期链接", new Date(Date.now() - DAY_MS));
    console.log(JSON.stringify({ live, expired }));
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
