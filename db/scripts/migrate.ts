// `npm run db:migrate`: applies pending migrations (the app also does this at start).
import { resolveDatabaseTarget } from "../config";
import { applyMigrations } from "../migrate";
import { openDatabase } from "../open";

async function main() {
  const { db, close } = await openDatabase(resolveDatabaseTarget());
  try {
    const applied = await applyMigrations(db);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
