import { spawn, spawnSync } from "node:child_process";
import { startTempPostgres } from "../tests/helpers/temp-postgres";
import { basicAuth, DEMO_PASSWORD, expect, signIn, test } from "./fixtures";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 10;
const BASE = `http://127.0.0.1:${PORT}`;

async function waitFor(check: () => Promise<boolean>, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

test("the database goes away and comes back: 503s in each format, a friendly page, and no restart needed", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const pg = await startTempPostgres();
  const env = { ...process.env, DATABASE_URL: pg.url, SEED_DEMO: "true", NODE_ENV: "production" as const, LOG_LEVEL: "warn", AUTH_SECRET: "outage-secret-outage-secret-outage-secret" };
  const server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], { env, stdio: "ignore" });
  try {
    for (const script of ["lib/db/migrate.ts", "lib/db/seed.ts"]) {
      expect(spawnSync("node_modules/.bin/tsx", [script], { env, stdio: "ignore" }).status).toBe(0);
    }
    expect(await waitFor(async () => (await fetch(`${BASE}/api/ready`)).ok, 30_000)).toBe(true);
    const page = await (await browser.newContext({ baseURL: BASE })).newPage();
    await signIn(page, "alice", DEMO_PASSWORD, "/settings/tokens");
    await page.getByLabel("Token name").fill("outage");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = ((await page.getByLabel("New token").textContent()) ?? "").trim();

    pg.pause();
    const started = Date.now();
    const ready = await request.get(`${BASE}/api/ready`);
    expect(ready.status()).toBe(503);
    expect(Date.now() - started).toBeLessThan(2500);

    const zitadel = await request.get(`${BASE}/auth/v1/users/me/profile`, { headers: { authorization: `Bearer ${token}` } });
    expect(zitadel.status()).toBe(503);
    expect(await zitadel.json()).toMatchObject({ code: 14, message: "The database is unavailable at the moment. Try again shortly." });
    expect(zitadel.headers()["retry-after"]).toBe("5");
    const camunda = await request.get(`${BASE}/engine-rest/user/alice/profile`, { headers: { authorization: basicAuth("alice", DEMO_PASSWORD) } });
    expect(camunda.status()).toBe(503);
    expect(await camunda.json()).toEqual({ type: "ProcessEngineException", message: "The database is unavailable at the moment. Try again shortly." });

    await page.goto(`${BASE}/profile`);
    await expect(page.getByText(/unavailable right now|could not be shown/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
    expect(await page.content()).not.toMatch(/at .*\.js:\d+/);

    pg.resume();
    expect(await waitFor(async () => (await fetch(`${BASE}/api/ready`)).ok, 15_000)).toBe(true);
    expect((await request.get(`${BASE}/auth/v1/users/me/profile`, { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);
    await page.goto(`${BASE}/profile`);
    await expect(page.getByRole("heading", { name: "My profile" })).toBeVisible(); // still signed in
  } finally {
    server.kill("SIGTERM");
    pg.stop();
  }
});
