// `npm run db:seed [-- --force]`: loads the demo data into the configured database.
// Stop the dev server first when using the embedded database: two PGlite instances on one
// directory lose data.
import { resolveDatabaseTarget } from "../config";
import { applyMigrations } from "../migrate";
import { openDatabase } from "../open";
import { SeedRefusedError, seedDemoData } from "../seed/seed";

async function main() {
  const force = process.argv.includes("--force");
  const target = resolveDatabaseTarget();
  const { db, close } = await openDatabase(target);
  try {
    await applyMigrations(db);
    const links = await seedDemoData(db, { force });
    console.log(`Demo data loaded into ${target.kind === "postgres" ? "PostgreSQL" : target.dataDir}.`);
    // Only the tokens' hashes are stored: this is the one time the demo park's share links can be read.
    for (const link of links) console.log(`Share link "${link.label}": /share/${link.token}`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof SeedRefusedError ? error.message : error instanceof Error ? error.message : String(error));
  process.exit(1);
});
