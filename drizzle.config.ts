import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes SQL migrations from db/schema into db/migrations (committed).
// Generation needs no database; the app applies migrations itself at start (db/migrate.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
