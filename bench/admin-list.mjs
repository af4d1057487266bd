// Server time of the admin user list at scale: the first and last pages, searches (one word, two words, one and
// two letters), deep pages reached by cursor, and the other sort orders — the median of 7 requests each, against
// the built app on PostgreSQL, and whether each is within the budget (50 ms).
//
//   npx tsx bench/admin-list.mjs            starts a throwaway PostgreSQL (tests/helpers/temp-postgres.ts), migrates,
//                                           seeds BENCH_USERS (default 1,000,000) users and the demo accounts,
//                                           builds the app if its build is missing or older than its sources, serves it,
//                                           measures, stops it all
//   node bench/admin-list.mjs <baseUrl>     measures a server that already runs (signed in as BENCH_USER, default
//                                           admin, with the demo password)
//
//   BENCH_PG_DIR=/tmp/admin-list-pg npx tsx bench/admin-list.mjs
//                                           the same, but PostgreSQL keeps its data in that folder: the first run seeds
//                                           it, later runs start it again, apply new migrations and seed only when it
//                                           holds fewer than BENCH_USERS users (a run takes seconds instead of minutes)
//
// Settings: BENCH_USERS; BENCH_PG_PORT and BENCH_APP_PORT (default: free ports); BENCH_SHARED_BUFFERS (default 1GB: PostgreSQL's default, 128MB, is for small machines,
// and the table with its indexes takes about 1 GB at a million users); BENCH_ROUNDS (default 7).
// Results: printed, and written to bench/results/admin-list-<time>.json.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "./build.mjs";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const BUDGET_MS = 50;
const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);

// ---- one request, timed ----

async function signIn(base, username, password) {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrfRes.json();
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in as ${username} failed (${res.status})`);
  return session;
}

const decode = (html) => html.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">");
const text = (html) => decode(html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, ""));

/** What a list page says: its summary line, its rows, and where its pager links lead. */
function readPage(html) {
  const summary = /id="results"[^>]*>([\s\S]*?)<\/p>/.exec(html);
  const link = (rel) => {
    const a = new RegExp(`<a[^>]*rel="${rel}"[^>]*>`).exec(html)?.[0];
    const href = a && /href="([^"]+)"/.exec(a)?.[1];
    return href ? decode(href).replace(/#results$/, "") : null;
  };
  return {
    summary: summary ? text(summary[1]).trim() : null,
    rows: (html.match(/href="\/admin\/users\/(?!new")[^"]+"/g) ?? []).length,
    previous: link("prev"),
    next: link("next"),
    invalid: html.includes(">That page link no longer works"),
  };
}

async function get(base, pathAndQuery, cookie) {
  const started = performance.now();
  const res = await fetch(base + pathAndQuery, { headers: { cookie } });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${pathAndQuery}: ${res.status}`);
  return { ms, page: readPage(body) };
}

/** One warm-up request, then ROUNDS timed ones: median and min. */
async function time(base, pathAndQuery, cookie) {
  const { page } = await get(base, pathAndQuery, cookie);
  if (!page.summary) throw new Error(`${pathAndQuery}: no result summary in the page`);
  if (page.invalid) throw new Error(`${pathAndQuery}: the page says its cursor is not valid`);
  const samples = [];
  for (let i = 0; i < ROUNDS; i++) samples.push((await get(base, pathAndQuery, cookie)).ms);
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(ROUNDS / 2)], min: samples[0], page };
}

/** A page deep in an order, reached as a person would: "Last", then "Previous" (a cursor about a million rows in). */
async function deepPath(base, query, cookie) {
  const last = await get(base, `/admin/users?${query ? `${query}&` : ""}last=1`, cookie);
  if (!last.page.previous) throw new Error(`${query}: the last page has no previous page`);
  const before = await get(base, last.page.previous, cookie);
  if (!before.page.previous) throw new Error(`${query}: no page before the one before the last`);
  return before.page.previous;
}

async function measure(base) {
  const cookie = await signIn(base, process.env.BENCH_USER ?? "admin", "demo-password");
  // A fresh server compiles and caches as it answers its first pages: a few rounds of the plainest
  // one first, so that the first request measured is not also the server's warm-up.
  for (let i = 0; i < 10; i++) await get(base, "/admin/users", cookie);
  const requests = [
    ["first page", "/admin/users"],
    ["last page", "/admin/users?last=1"],
    ["next page (2nd)", async () => (await get(base, "/admin/users", cookie)).page.next],
    ["deep page by cursor", () => deepPath(base, "", cookie)],
    ["search 'zoe mül'", "/admin/users?q=zoe+m%C3%BCl"],
    ["search 'abern'", "/admin/users?q=abern"],
    ["search 'müller'", "/admin/users?q=m%C3%BCller"],
    ["search '4242'", "/admin/users?q=4242"],
    ["one letter 'a'", "/admin/users?q=a"],
    ["one letter 'z'", "/admin/users?q=z"],
    ["two letters 'zo'", "/admin/users?q=zo"],
    ["two letters 'mü'", "/admin/users?q=m%C3%BC"],
    ["two letters 'qx' (no match)", "/admin/users?q=qx"],
    ["sort display name", "/admin/users?sort=displayName"],
    ["sort username", "/admin/users?sort=username"],
    ["sort email", "/admin/users?sort=email"],
    ["sort newest", "/admin/users?sort=created"],
    ["sort newest, deep page", () => deepPath(base, "sort=created", cookie)],
    ["sort email, deep page", () => deepPath(base, "sort=email", cookie)],
    ["role ORG_ADMIN", "/admin/users?role=ORG_ADMIN"],
    ["search 'zoe', newest first", "/admin/users?q=zoe&sort=created"],
    ["bad cursor (first page)", "/admin/users?after=not-a-cursor"],
  ];
  const rows = [];
  for (const [name, target] of requests) {
    const p = typeof target === "function" ? await target() : target;
    const t = name.startsWith("bad cursor") ? await timeBad(base, p, cookie) : await time(base, p, cookie);
    rows.push({
      request: name,
      "median ms": Number(t.median.toFixed(1)),
      "min ms": Number(t.min.toFixed(1)),
      [`≤ ${BUDGET_MS} ms`]: t.median <= BUDGET_MS ? "yes" : "NO",
      rows: t.page.rows,
      summary: t.page.summary,
      path: p.length > 60 ? `${p.slice(0, 57)}…` : p,
    });
    console.log(`  ${name.padEnd(30)} ${t.median.toFixed(1).padStart(7)} ms  ${t.page.summary}`);
  }
  return rows;
}

/** The bad cursor must show the first page with its notice. */
async function timeBad(base, p, cookie) {
  const { page } = await get(base, p, cookie);
  if (!page.invalid || !page.summary) throw new Error(`${p}: no notice, or no list`);
  const samples = [];
  for (let i = 0; i < ROUNDS; i++) samples.push((await get(base, p, cookie)).ms);
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(ROUNDS / 2)], min: samples[0], page };
}

// ---- setting it all up (tsx bench/admin-list.mjs) ----

function run(script, args, env) {
  const result = spawnSync(bin("tsx"), [script, ...args], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${script} failed`);
}

/** Users generated by db:seed --users (their usernames start "seed-"). */
async function countUsers(pg, url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "User" WHERE username LIKE 'seed-%'`);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

async function setUp(cleanups) {
  const { freePort, startTempPostgres } = await import("../tests/helpers/temp-postgres.ts");
  const pg = (await import("pg")).default;
  const users = Number(process.env.BENCH_USERS ?? 1_000_000);
  const sharedBuffers = process.env.BENCH_SHARED_BUFFERS ?? "1GB";
  const keptDir = process.env.BENCH_PG_DIR ? path.resolve(process.env.BENCH_PG_DIR) : undefined;
  const server = await startTempPostgres({ dir: keptDir, port: process.env.BENCH_PG_PORT ? Number(process.env.BENCH_PG_PORT) : undefined });
  cleanups.push(() => server.stop());
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(`ALTER SYSTEM SET shared_buffers = '${sharedBuffers.replace(/[^0-9A-Za-z]/g, "")}'`);
  await client.end();
  server.pause();
  server.resume();
  const env = { ...process.env, DATABASE_URL: server.url, SEED_DEMO: "true", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATA_DIR;
  run("lib/db/migrate.ts", [], env);
  if (!keptDir || (await countUsers(pg, server.url)) < users) run("lib/db/seed.ts", ["--users", String(users)], env);
  else console.log(`${keptDir} holds ${users.toLocaleString("en-US")} users or more: not seeding.`);
  const check = new pg.Client({ connectionString: server.url });
  await check.connect();
  const { rows } = await check.query(`SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS buffers,
    pg_size_pretty(pg_total_relation_size('"User"')) AS size, (SELECT count(*) FROM "User")::int AS users`);
  await check.end();
  ensureBuild(root, bin("next"));
  const port = process.env.BENCH_APP_PORT ? Number(process.env.BENCH_APP_PORT) : await freePort();
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "admin-list-bench-"));
  cleanups.push(() => fs.rmSync(logDir, { recursive: true, force: true }));
  const logFile = path.join(logDir, "next.log");
  const log = fs.openSync(logFile, "w");
  const app = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...env, NODE_ENV: "production", LOG_LEVEL: "warn", AUTH_SECRET: crypto.randomBytes(33).toString("base64url") },
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  const exited = new Promise((resolve) => app.once("exit", resolve));
  cleanups.push(async () => {
    if (app.exitCode === null) app.kill("SIGTERM");
    await exited;
  });
  const base = `http://127.0.0.1:${port}`;
  const tail = () => fs.readFileSync(logFile, "utf8").split("\n").slice(-20).join("\n");
  for (const deadline = Date.now() + 60_000; ; await new Promise((r) => setTimeout(r, 200))) {
    if (app.exitCode !== null) throw new Error(`next start exited:\n${tail()}`);
    if (Date.now() > deadline) throw new Error(`next start was not ready within 60 s:\n${tail()}`);
    if (await fetch(`${base}/api/ready`).then((r) => r.ok, () => false)) break;
  }
  return { base, database: { postgres: rows[0].version, sharedBuffers: rows[0].buffers, users: rows[0].users, tableWithIndexes: rows[0].size } };
}

// ---- main ----

const cleanups = [];
const cleanup = async () => {
  for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch((e) => console.error("cleanup:", e.message));
};
process.on("SIGINT", async () => {
  await cleanup();
  process.exit(130);
});
try {
  const given = process.argv[2];
  const { base, database } = given ? { base: given, database: null } : await setUp(cleanups);
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  console.log(`\nAdmin list on ${base} — ${JSON.stringify({ ...machine, ...database })}; median of ${ROUNDS}:`);
  const rows = await measure(base);
  console.table(rows.map(({ path: _, ...row }) => row));
  const over = rows.filter((r) => r["median ms"] > BUDGET_MS);
  console.log(over.length ? `${over.length} of ${rows.length} over ${BUDGET_MS} ms: ${over.map((r) => r.request).join(", ")}` : `All ${rows.length} within ${BUDGET_MS} ms.`);
  fs.mkdirSync(path.join(root, "bench/results"), { recursive: true });
  const file = path.join(root, `bench/results/admin-list-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), machine, database, budgetMs: BUDGET_MS, rounds: ROUNDS, rows }, null, 2));
  console.log(`Written to ${path.relative(root, file)}.`);
} finally {
  await cleanup();
}
