import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside a React Server environment; tests run server code directly.
      "server-only": fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)),
    },
  },
  test: {
    include: [
      "tests/unit/**/*.test.ts",
      "tests/integration/**/*.test.ts",
      // The fault test stops a throwaway PostgreSQL server of its own (7 s); it needs db/patches applied.
      "tests/faults/**/*.test.ts",
    ],
    environment: "node",
    // Migrates one embedded database per run; each test file's PGlite database starts from its copy.
    globalSetup: ["tests/support/migrated-template.global.ts"],
    // Generous: on 2 busy cores a PGlite database that applies every migration takes ~20 s.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Integration files each open their own embedded database; two at a time fits 2 cores.
    maxWorkers: 2,
  },
});
