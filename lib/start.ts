/**
 * `npm start`: prepares a fresh machine and serves the app. Creates DATA_DIR and, when AUTH_SECRET
 * is unset, a secret kept in DATA_DIR; migrates; seeds the demo accounts; builds; runs `next start`.
 * `npm start -- --no-build` serves the existing build.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { authSecret, authSecretFile, dataDir, env } from "./env";
import { migrate } from "./db/migrate";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./db/seed";

const next = "node_modules/.bin/next";

function ensureAuthSecret() {
  fs.mkdirSync(dataDir(), { recursive: true });
  if (env().AUTH_SECRET || fs.existsSync(authSecretFile())) return;
  fs.writeFileSync(authSecretFile(), crypto.randomBytes(33).toString("base64url"), { mode: 0o600 });
  console.log(`Created a session secret in ${authSecretFile()} (set AUTH_SECRET to use your own).`);
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main() {
  env(); // a wrong setting stops here, with its name
  ensureAuthSecret();
  await migrate();
  run("node_modules/.bin/tsx", ["lib/db/seed.ts"]);
  if (!process.argv.includes("--no-build")) run(next, ["build"]);

  const port = env().PORT;
  const server = spawn(next, ["start", "-p", port], {
    stdio: ["inherit", "pipe", "inherit"],
    env: { ...process.env, AUTH_SECRET: authSecret(), NODE_ENV: "production" },
  });
  let announced = false;
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (announced || !/Ready|started/i.test(chunk.toString())) return;
    announced = true;
    console.log(`\n  Profiles is running on http://localhost:${port}`);
    if (env().SEED_DEMO) {
      console.log(`  Demo accounts (password "${DEMO_PASSWORD}"):`);
      for (const a of DEMO_ACCOUNTS) console.log(`    ${a.username.padEnd(9)} ${a.role.padEnd(9)} ${a.org}`);
    }
    if (!env().SMTP_URL) console.log(`  Mail is not sent (SMTP_URL is unset): administrators read it at http://localhost:${port}/dev/mail`);
    console.log("");
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
