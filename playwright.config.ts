import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PG_PORT = PORT + 1; // and PORT + 2: two instances on one PostgreSQL; PORT + 3 and + 4: SMTP and its mailbox (e2e/serve-postgres.ts)
const AUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e-secret";
const DATA_DIR = ".data-e2e";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1, // two cores; the server needs one of them
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: "list",
  // A hang detector, not a speed test: CI machines are slower and busier than ours.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "browser", testIgnore: /(api|adversarial|postgres|outage)\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    // The API routes through real HTTP (tokens are still made in the browser, as a person would).
    { name: "api", testMatch: /(api|adversarial)\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    // Two app instances side by side on one PostgreSQL server; and one whose database goes away.
    { name: "postgres", testMatch: /(postgres|outage)\.spec\.ts/, use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${PG_PORT}` } },
  ],
  webServer: [
    {
      // The built app on an embedded database of its own, fresh for every run.
      command: `rm -rf ${DATA_DIR} && node_modules/.bin/tsx lib/db/migrate.ts && node_modules/.bin/tsx lib/db/seed.ts && node_modules/.bin/next start -p ${PORT}`,
      url: `http://127.0.0.1:${PORT}/api/ready`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { DATA_DIR, AUTH_SECRET, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "", SMTP_URL: "", APP_URL: `http://127.0.0.1:${PORT}` },
    },
    {
      command: "node_modules/.bin/tsx e2e/serve-postgres.ts",
      url: `http://127.0.0.1:${PG_PORT + 1}/api/ready`,
      reuseExistingServer: false,
      timeout: 120_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: { E2E_PG_PORT: String(PG_PORT), AUTH_SECRET, NEXT_TELEMETRY_DISABLED: "1" },
    },
  ],
});
