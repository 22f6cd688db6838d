import { defineConfig } from "@playwright/test";

// tests/e2e/run.mjs sets these for each database target; the defaults let `playwright test` run alone.
const port = Number(process.env.E2E_PORT ?? 3917);
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${port}`;

// The server gets exactly one database: DATABASE_URL (PostgreSQL) wins, else an embedded PGlite
// directory, which the server migrates and seeds itself at start when it is empty.
const database: Record<string, string> = process.env.DATABASE_URL
  ? { DATABASE_URL: process.env.DATABASE_URL }
  : { PGLITE_DIR: process.env.PGLITE_DIR ?? ".data/e2e-pglite" };

export default defineConfig({
  testDir: "tests/e2e",
  // Two database targets running side by side keep their traces and screenshots apart.
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: "list",
  use: {
    baseURL,
    // Accept-Language decides the language when no cookie is set: pin it so the default is Chinese.
    locale: "zh-CN",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.E2E_CHROMIUM || undefined,
      // Without the networking flags Chromium keeps trying to reach the (closed) internet.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node_modules/.bin/next start -p ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      ...database,
      AUTH_SECRET: "parkline-e2e-secret-not-for-production-0123456789",
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
  },
});
