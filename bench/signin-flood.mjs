// `npm run bench:signin`: does a flood of wrong passwords starve people signing in correctly?
// Starts the built app on a fresh embedded database (behind a pretend proxy, TRUST_PROXY_HOPS=1, so
// each request can come from an address of its own), then measures a correct sign-in through
// Auth.js's own endpoint: alone, while 200 wrong passwords arrive from one address, and while 200
// arrive from 200 addresses for 200 names (the worst case for hashing: no limit applies to any).
// Prints p50/p99 of the correct sign-ins and what the flood got back. Needs `npm run build` first.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const SIGN_INS = 40;
const FLOOD = 200;
const FLOOD_CONCURRENCY = 50;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "profiles-signin-"));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", SEED_DEMO: "true", NODE_ENV: "production", TRUST_PROXY_HOPS: "1", LOG_LEVEL: "warn", AUTH_SECRET: "bench-secret-bench-secret-bench-secret-!!" };
for (const script of ["lib/db/migrate.ts", "lib/db/seed.ts"]) {
  if (spawnSync(path.join(root, "node_modules/.bin/tsx"), [script], { cwd: root, env, stdio: "ignore" }).status !== 0) throw new Error(`${script} failed`);
}
const server = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(PORT)], { cwd: root, env, stdio: "ignore" });
const stop = () => {
  server.kill("SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
};
process.on("exit", stop);

async function until(ok) {
  for (let i = 0; i < 150; i++) {
    if (await ok().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not start");
}
await until(async () => (await fetch(`${BASE}/api/ready`)).ok);

/** A CSRF token and its cookie, from the address given (Auth.js ties the two together). */
async function csrf(address) {
  const response = await fetch(`${BASE}/api/auth/csrf`, { headers: { "x-forwarded-for": address } });
  const { csrfToken } = await response.json();
  return { csrfToken, cookie: response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
}

/** One sign-in through Auth.js's endpoint: its time, and how it ended (signed-in, refused, 429, …). */
async function signIn(username, password, address, token) {
  const started = performance.now();
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: token.cookie, "x-forwarded-for": address },
    body: new URLSearchParams({ csrfToken: token.csrfToken, username, password, callbackUrl: "/profile" }),
  });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  const location = response.headers.get("location") ?? "";
  const outcome = response.status === 429 ? "429" : /code=retry_later/.test(location) ? "try later" : /error=/.test(location) ? "refused" : response.status === 302 ? "signed in" : String(response.status);
  return { ms, outcome };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const count = (outcomes) => Object.entries(outcomes.reduce((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {})).map(([k, v]) => `${v} ${k}`).join(", ");

async function correctSignIns(address) {
  const token = await csrf(address);
  const results = [];
  for (let i = 0; i < SIGN_INS; i++) results.push(await signIn("bob", "demo-password", address, token));
  if (results.some((r) => r.outcome !== "signed in")) throw new Error(`a correct sign-in failed: ${count(results.map((r) => r.outcome))}`);
  return results.map((r) => r.ms);
}

/** Someone already signed in, loading their profile page over and over meanwhile. */
async function pageLoads(cookie, howMany) {
  const times = [];
  for (let i = 0; i < howMany; i++) {
    const started = performance.now();
    const response = await fetch(`${BASE}/profile`, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`/profile answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

async function flood(attempt) {
  const outcomes = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: FLOOD_CONCURRENCY }, async () => {
      while (next < FLOOD) {
        const i = next++;
        outcomes.push((await attempt(i)).outcome);
      }
    }),
  );
  return outcomes;
}

const rows = [];
async function scenario(name, attacker) {
  const [legit, pages, outcomes] = await Promise.all([
    correctSignIns(`10.1.${rows.length}.1`),
    pageLoads(signedIn, SIGN_INS),
    attacker ? attacker() : Promise.resolve([]),
  ]);
  const row = { name, p50: percentile(legit, 50), p99: percentile(legit, 99), page50: percentile(pages, 50), page99: percentile(pages, 99), flood: outcomes.length ? count(outcomes) : "—" };
  rows.push(row);
  console.log(`${name}: sign-in p50 ${row.p50.toFixed(0)} / p99 ${row.p99.toFixed(0)} ms, page p50 ${row.page50.toFixed(0)} / p99 ${row.page99.toFixed(0)} ms; the flood got ${row.flood}`);
}

await correctSignIns("10.0.0.1"); // warm-up
const signedIn = await (async () => {
  const token = await csrf("10.0.0.2");
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: token.cookie, "x-forwarded-for": "10.0.0.2" },
    body: new URLSearchParams({ csrfToken: token.csrfToken, username: "orgadmin", password: "demo-password", callbackUrl: "/profile" }),
  });
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
})();
await pageLoads(signedIn, 5);
await scenario("alone");
const oneAddress = await csrf("10.2.0.1");
await scenario(`${FLOOD} wrong passwords for alice from one address`, () => flood(() => signIn("alice", "wrong-password", "10.2.0.1", oneAddress)));
const tokens = await Promise.all(Array.from({ length: FLOOD }, (_, i) => csrf(`10.3.${i >> 8}.${i & 255}`)));
await scenario(`${FLOOD} wrong passwords from ${FLOOD} addresses for ${FLOOD} names`, () =>
  flood((i) => signIn(`ghost-${i}`, "wrong-password", `10.3.${i >> 8}.${i & 255}`, tokens[i])),
);

console.log("\n| scenario | correct sign-in p50 / p99 | signed-in page load p50 / p99 | what the flood got |\n|---|---|---|---|");
for (const r of rows) console.log(`| ${r.name} | ${r.p50.toFixed(0)} / ${r.p99.toFixed(0)} ms | ${r.page50.toFixed(0)} / ${r.page99.toFixed(0)} ms | ${r.flood} |`);
process.exit(0);
