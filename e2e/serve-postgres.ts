/**
 * Playwright's second web server: a throwaway PostgreSQL, migrated and seeded, with TWO app
 * instances on it (ports E2E_PG_PORT and E2E_PG_PORT + 1), as they would run behind a load
 * balancer: same DATABASE_URL, same AUTH_SECRET, no other shared state.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import http from "node:http";
import { startSmtpReceiver, type Received } from "../tests/helpers/smtp";
import { startTempPostgres } from "../tests/helpers/temp-postgres";

const port = Number(process.env.E2E_PG_PORT ?? 3101);
const server = await startTempPostgres();

// A real SMTP server both instances send to (port + 2), and its mailbox read by the tests over
// HTTP (port + 3): GET / answers every message received so far, as JSON.
const mailbox: Received[] = [];
const smtp = await startSmtpReceiver(port + 2, (mail) => mailbox.push(mail));
http.createServer((_request, response) => {
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify(mailbox));
}).listen(port + 3, "127.0.0.1");

// Demo accounts are asked for explicitly: with DATABASE_URL they are not created by default.
const env = {
  ...process.env,
  DATABASE_URL: server.url,
  NODE_ENV: "production" as const,
  SEED_DEMO: "true",
  SMTP_URL: smtp.url,
  MAIL_FROM: "Profiles <no-reply@example.com>",
  APP_URL: `http://127.0.0.1:${port}`,
};
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
