/**
 * Playwright's second web server: a throwaway PostgreSQL, migrated and seeded, with TWO app
 * instances on it (ports E2E_PG_PORT and E2E_PG_PORT + 1), as they would run behind a load
 * balancer: same DATABASE_URL, same AUTH_SECRET, no other shared state.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { startTempPostgres } from "../tests/helpers/temp-postgres";

const port = Number(process.env.E2E_PG_PORT ?? 3101);
const server = await startTempPostgres();
// Demo accounts are asked for explicitly: with DATABASE_URL they are not created by default.
const env = { ...process.env, DATABASE_URL: server.url, NODE_ENV: "production" as const, SEED_DEMO: "true" };
const children: ChildProcess[] = [];

function stop() {
  for (const child of children) child.kill("SIGTERM");
  server.stop();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

for (const script of ["lib/db/migrate.ts", "lib/db/seed.ts"]) {
  const result = spawnSync("node_modules/.bin/tsx", [script], { env, stdio: "inherit" });
  if (result.status !== 0) {
    server.stop();
    process.exit(1);
  }
}
for (const p of [port, port + 1]) {
  children.push(spawn("node_modules/.bin/next", ["start", "-p", String(p)], { env, stdio: "inherit" }));
}
