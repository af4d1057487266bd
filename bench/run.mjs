// `npm run bench`: the profile API under load, on PGlite and on PostgreSQL, next to two references
// measured in the same run on the same machine:
//   bare node — bench/bare-server.mjs: the same routes and database work on node:http + pg (the platform's limit);
//   raw pg    — the same SQL per operation in a tight loop with as many workers as connections (the database's limit).
// Every request uses another user's token, so reads and writes are spread over many rows as in real use.
// Settings: BENCH_SECONDS (per scenario, default 8). Results: printed, and written to bench/results/<time>.json.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { hasPostgresBinaries, startTempPostgres } from "../tests/helpers/temp-postgres.ts";
import { openDb } from "./db.mjs";
import { authenticateBasic, authenticateBearer, findManaged, hashToken, updateProfile } from "./ops.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = 2;
const CONNECTIONS = 16;
const USERS = 2000;
const TOKENS = 200;
const TARGET = 0.6; // app ≥ 0.6 × bare node, for GET and PUT on PostgreSQL
const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);

// ---- cleanup: everything started is undone at the end, on failure and on Ctrl-C ----

const cleanups = [];
/** Registers an undo step and returns it, run at most once (early by the caller, or by cleanup()). */
function defer(fn) {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    await fn();
  };
  cleanups.push(once);
  return once;
}
async function cleanup() {
  for (const once of cleanups.reverse()) {
    try {
      await once();
    } catch (error) {
      console.error("cleanup:", error.message);
    }
  }
}
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    // Ctrl-C can arrive twice (tsx relays it as well): only the first one cleans up, and the later ones must not exit early.
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping servers and removing temporary data…`);
    await cleanup();
    process.exit(130);
  });
}
/** After Ctrl-C, the run stops at its next step instead of starting new work while cleanup runs. */
function checkInterrupted() {
  if (interrupted) throw new Error("interrupted");
}

// ---- the scenarios: one HTTP request or one raw operation per user token ----

const bearer = (t) => `Bearer ${t.token}`;
const basic = (t) => `Basic ${Buffer.from(`${t.username}:${t.token}`).toString("base64")}`;
const json = { "content-type": "application/json" };
// Request i takes token i mod TOKENS, and each write carries i, so every PUT really changes the row and
// adds an event. One counter for the whole run: no body repeats an earlier one (that would be a no-op).
let counter = 0;
const zitadelBody = (i) => ({
  firstName: "Bench",
  lastName: "User",
  nickName: `nick ${i}`,
  displayName: "Bench User",
  preferredLanguage: "en",
  gender: "GENDER_UNSPECIFIED",
});
const camundaPatch = (t, i) => ({ firstName: `Bench ${i}`, lastName: "User", email: t.email });
const camundaPath = (t) => `/engine-rest/user/${encodeURIComponent(t.username)}/profile`;

const SCENARIOS = [
  {
    name: "ZITADEL auth GET",
    kind: "GET",
    http: (t) => ({ method: "GET", path: "/auth/v1/users/me/profile", headers: { authorization: bearer(t) } }),
    expect: [200, (body) => body.profile?.firstName !== undefined && body.details?.sequence !== undefined],
    raw: async (db, t) => {
      const caller = await authenticateBearer(db, bearer(t));
      await findManaged(db, caller, { id: caller.id });
    },
  },
  {
    name: "ZITADEL auth PUT",
    kind: "PUT",
    http: (t, i) => ({
      method: "PUT",
      path: "/auth/v1/users/me/profile",
      headers: { authorization: bearer(t), ...json },
      body: JSON.stringify(zitadelBody(i)),
    }),
    expect: [200, (body) => body.details?.sequence !== undefined && body.profile === undefined],
    raw: async (db, t, i) => {
      const caller = await authenticateBearer(db, bearer(t));
      await updateProfile(db, caller, { id: caller.id }, zitadelBody(i), "ZITADEL_API");
    },
  },
  {
    name: "Camunda GET",
    kind: "GET",
    http: (t) => ({ method: "GET", path: camundaPath(t), headers: { authorization: basic(t) } }),
    expect: [200, (body) => body.id !== undefined && body.email !== undefined],
    raw: async (db, t) => {
      const caller = await authenticateBasic(db, basic(t));
      await findManaged(db, caller, { username: t.username });
    },
  },
  {
    name: "Camunda PUT",
    kind: "PUT",
    http: (t, i) => ({
      method: "PUT",
      path: camundaPath(t),
      headers: { authorization: basic(t), ...json },
      body: JSON.stringify({ id: t.username, ...camundaPatch(t, i) }),
    }),
    expect: [204, (body) => body === null],
    raw: async (db, t, i) => {
      const caller = await authenticateBasic(db, basic(t));
      await updateProfile(db, caller, { username: t.username }, camundaPatch(t, i), "CAMUNDA_API");
    },
  },
];

// ---- build, database preparation, servers ----

/** Builds when .next/BUILD_ID is missing or older than any source file. */
function ensureBuild() {
  const buildId = path.join(root, ".next/BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  let newest = 0;
  const visit = (p) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (stat?.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else if (stat) newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of [
    "app",
    "components",
    "lib",
    "public",
    "next.config.mjs",
    "package.json",
    "postcss.config.mjs",
    "tsconfig.json",
  ]) {
    visit(path.join(root, p));
  }
  if (builtAt > newest) return console.log("Build is up to date.");
  console.log("Building the app (next build)…");
  const result = spawnSync(bin("next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

/** The environment with exactly one database chosen (an inherited DATABASE_URL would override PGlite). */
function envWith(db) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of ["DATABASE_URL", "DATA_DIR", "DB_POOL_SIZE"]) delete env[name];
  return { ...env, ...db };
}

function tsx(script, args, env) {
  const result = spawnSync(bin("tsx"), [script, ...args], { cwd: root, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stderr || result.stdout}`);
}

/** One API token each for TOKENS generated users, inserted directly (only hashes are stored, as the app does). */
async function createTokens(dbOptions) {
  const db = await openDb(dbOptions);
  try {
    const users = await db.query(
      `SELECT id, username, email FROM "User" WHERE username LIKE 'seed-%' ORDER BY username LIMIT $1`,
      [TOKENS],
    );
    if (users.length < TOKENS) throw new Error(`only ${users.length} generated users to give tokens to`);
    const tokens = users.map((u) => ({ ...u, token: `pst_${crypto.randomBytes(32).toString("base64url")}` }));
    await db.query(
      `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash") SELECT gen_random_uuid()::text, u, 'bench', h FROM unnest($1::text[], $2::text[]) AS t(u, h)`,
      [tokens.map((t) => t.id), tokens.map((t) => hashToken(t.token))],
    );
    return tokens;
  } finally {
    await db.close();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const tail = (file) => fs.readFileSync(file, "utf8").split("\n").slice(-30).join("\n");

/** Starts a server (its output goes to a log file) and waits until /api/ready answers. */
async function startServer(name, command, args, env, logDir) {
  checkInterrupted();
  const port = await freePort();
  const log = path.join(logDir, `${name}.log`);
  const out = fs.openSync(log, "w");
  const child = spawn(command, args(port), { cwd: root, env: { ...env, PORT: String(port) }, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const stop = defer(async () => {
    child.kill("SIGTERM");
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited; // PGlite: the folder is free only once the server is gone
    clearTimeout(force);
  });
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ; await sleep(200)) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${name} exited before it was ready:\n${tail(log)}`);
    if (Date.now() > deadline) throw new Error(`${name} was not ready within 60 s:\n${tail(log)}`);
    const ready = await fetch(`${base}/api/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { base, pid: child.pid, log, stop };
  }
}

/** CPU time (user + system, ms) a process has used so far, from /proc; null where there is none. */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100 Hz)
  } catch {
    return null;
  }
}

// ---- measuring ----

/** One request per scenario first: the right status and body shape, or the numbers would mean nothing. */
async function smokeTest(server, token) {
  const seen = {};
  for (const s of SCENARIOS) {
    const { method, path: p, headers, body } = s.http(token, counter++);
    const res = await fetch(server.base + p, { method, headers, body });
    const text = await res.text();
    const [status, check] = s.expect;
    if (res.status === status) seen[s.name] = text ? JSON.parse(text) : null;
    if (res.status !== status || !check(seen[s.name]))
      throw new Error(`${s.name}: expected ${status}, got ${res.status} ${text.slice(0, 300)}`);
  }
  // A PUT must be a real write: the sequence moves on by one.
  const [read, written] = [seen["ZITADEL auth GET"], seen["ZITADEL auth PUT"]].map((b) => Number(b.details.sequence));
  if (written !== read + 1) throw new Error(`ZITADEL auth PUT did not write: sequence ${read} → ${written}`);
}

/** autocannon with CONNECTIONS connections; each request takes the next user's token. */
async function drive(server, scenario, tokens, seconds) {
  checkInterrupted();
  const result = await autocannon({
    url: server.base,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => {
          const n = counter++;
          return { ...req, ...scenario.http(tokens[n % tokens.length], n) };
        },
      },
    ],
  });
  checkInterrupted();
  return result;
}

async function measureServer(server, tokens) {
  const out = {};
  await smokeTest(server, tokens[0]);
  for (const s of SCENARIOS) {
    await drive(server, s, tokens, WARMUP_SECONDS);
    const cpuBefore = cpuMs(server.pid);
    const r = await drive(server, s, tokens, SECONDS);
    const cpuAfter = cpuMs(server.pid);
    const failures = r.non2xx + r.errors + r.timeouts;
    out[s.name] = {
      reqPerSec: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      requests: r.requests.total,
      cpuMsPerReq: cpuBefore === null ? null : (cpuAfter - cpuBefore) / r.requests.total,
      failures: failures ? { non2xx: r.non2xx, "4xx": r["4xx"], "5xx": r["5xx"], errors: r.errors, timeouts: r.timeouts } : null,
    };
    console.log(
      `  ${s.name.padEnd(17)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms`,
    );
    if (failures) {
      console.error(
        `  !!!!! ${s.name}: ${failures} FAILED REQUESTS — THIS RESULT IS INVALID: ${JSON.stringify(out[s.name].failures)}`,
      );
      console.error(`  !!!!! server log (${server.log}):\n${tail(server.log)}`);
    }
  }
  return out;
}

/** One scenario's operations straight on the database: CONNECTIONS workers in a loop for `seconds`. */
async function loop(db, scenario, tokens, seconds) {
  checkInterrupted();
  let done = 0;
  let errors = 0;
  let firstError;
  const started = performance.now();
  const end = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const n = counter++;
      try {
        await scenario.raw(db, tokens[n % tokens.length], n);
        done++;
      } catch (error) {
        errors++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  checkInterrupted();
  return { opsPerSec: done / ((performance.now() - started) / 1000), errors, firstError: firstError?.message };
}

async function measureRaw(dbOptions, tokens) {
  const db = await openDb({ ...dbOptions, poolSize: CONNECTIONS });
  const out = {};
  try {
    for (const s of SCENARIOS) {
      await loop(db, s, tokens, 1); // opens the pool's connections
      out[s.name] = await loop(db, s, tokens, SECONDS);
      console.log(`  ${s.name.padEnd(17)} ${out[s.name].opsPerSec.toFixed(0).padStart(6)} ops/s`);
      if (out[s.name].errors) {
        console.error(
          `  !!!!! ${s.name}: ${out[s.name].errors} FAILED OPERATIONS — THIS RESULT IS INVALID: ${out[s.name].firstError}`,
        );
      }
    }
  } finally {
    await db.close();
  }
  return out;
}

/** Prepares a fresh database, then measures the app, the bare-node server and raw pg on it, in turn. */
async function benchDatabase(name) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "profile-bench-"));
  const removeTmp = defer(() => fs.rmSync(tmp, { recursive: true, force: true }));
  let stopPostgres = async () => {};
  try {
    let dbEnv;
    if (name === "PostgreSQL") {
      const pg = await startTempPostgres();
      stopPostgres = defer(() => pg.stop());
      dbEnv = { DATABASE_URL: pg.url, DB_POOL_SIZE: String(CONNECTIONS) };
    } else {
      dbEnv = { DATA_DIR: path.join(tmp, "data") };
    }
    const env = envWith(dbEnv);
    const dbOptions = { url: dbEnv.DATABASE_URL, dataDir: dbEnv.DATA_DIR };
    console.log(`\n== ${name} ==`);
    tsx("lib/db/migrate.ts", [], env);
    tsx("lib/db/seed.ts", ["--users", String(USERS)], env);
    const tokens = await createTokens(dbOptions);
    console.log(`Migrated, seeded ${USERS} users, created ${tokens.length} API tokens.`);

    console.log("app (next start):");
    const appEnv = { ...env, NODE_ENV: "production", AUTH_SECRET: crypto.randomBytes(33).toString("base64url") };
    const app = await startServer("app", bin("next"), (port) => ["start", "-p", String(port), "-H", "127.0.0.1"], appEnv, tmp);
    const appResults = await measureServer(app, tokens);
    await app.stop();

    console.log("bare node (node:http + pg):");
    const bare = await startServer("bare", process.execPath, () => [path.join(root, "bench/bare-server.mjs")], env, tmp);
    const bareResults = await measureServer(bare, tokens);
    await bare.stop();

    console.log("raw pg (SQL in a loop):");
    const rawResults = await measureRaw(dbOptions, tokens);

    return SCENARIOS.map((s) => ({
      database: name,
      scenario: s.name,
      kind: s.kind,
      app: appResults[s.name],
      bare: bareResults[s.name],
      raw: rawResults[s.name],
      appVsBare: appResults[s.name].reqPerSec / bareResults[s.name].reqPerSec,
      appVsRaw: appResults[s.name].reqPerSec / rawResults[s.name].opsPerSec,
    }));
  } finally {
    await stopPostgres();
    await removeTmp();
  }
}

// ---- report ----

function printTable(rows) {
  const fmt = (n, digits = 0) => (n === null || n === undefined ? "-" : n.toFixed(digits));
  const header = [
    "database",
    "scenario",
    "app req/s",
    "p50 ms",
    "p99 ms",
    "bare req/s",
    "raw ops/s",
    "app/bare",
    "app/raw",
    "app cpu ms/req",
    "bare cpu ms/req",
    `target app ≥ ${TARGET}×bare`,
  ];
  const lines = rows.map((r) => [
    r.database,
    r.scenario,
    fmt(r.app.reqPerSec),
    fmt(r.app.p50),
    fmt(r.app.p99),
    fmt(r.bare.reqPerSec),
    fmt(r.raw.opsPerSec),
    fmt(r.appVsBare, 2),
    fmt(r.appVsRaw, 2),
    fmt(r.app.cpuMsPerReq, 2),
    fmt(r.bare.cpuMsPerReq, 2),
    r.database === "PostgreSQL" ? (r.targetMet ? "met" : "NOT MET") : "(PostgreSQL only)",
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const row = (cells) => cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  console.log(`\n${row(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${lines.map(row).join("\n")}`);
}

async function main() {
  const startedAt = new Date();
  ensureBuild();
  const rows = [];
  for (const database of ["PGlite", "PostgreSQL"]) {
    if (database === "PostgreSQL" && !hasPostgresBinaries()) {
      console.log("\nPostgreSQL skipped: no binaries under /usr/lib/postgresql (apt-get install -y postgresql).");
      continue;
    }
    rows.push(...(await benchDatabase(database)));
  }
  for (const r of rows) r.targetMet = r.database === "PostgreSQL" ? r.appVsBare >= TARGET : null;
  printTable(rows);
  console.log(`\nTarget: app ≥ ${TARGET} × bare node for GET and PUT on PostgreSQL.`);
  const pg = rows.filter((r) => r.database === "PostgreSQL");
  for (const kind of ["GET", "PUT"]) {
    const of = pg.filter((r) => r.kind === kind);
    if (of.length)
      console.log(
        `  ${kind}: ${of.every((r) => r.targetMet) ? "met" : "NOT MET"} (${of.map((r) => `${r.scenario} ${r.appVsBare.toFixed(2)}`).join(", ")})`,
      );
  }
  const invalid = rows.filter((r) => r.app.failures || r.bare.failures || r.raw.errors);
  if (invalid.length) {
    console.error(
      `\n!!!!! INVALID: requests failed in ${invalid.map((r) => `${r.database} ${r.scenario}`).join(", ")} — see above.`,
    );
    process.exitCode = 1;
  }
  const dir = path.join(root, "bench/results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  const settings = {
    seconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    connections: CONNECTIONS,
    users: USERS,
    tokens: TOKENS,
    target: TARGET,
  };
  const machine = { cpus: os.cpus().length, node: process.version };
  fs.writeFileSync(file, JSON.stringify({ startedAt, settings, machine, rows }, null, 2));
  console.log(`\nWritten to ${path.relative(root, file)}`);
}

try {
  await main();
} catch (error) {
  if (!interrupted) console.error(`\nbench failed: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
