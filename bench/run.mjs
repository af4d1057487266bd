// `npm run bench`: the profile API under load, on PGlite and on PostgreSQL, next to three references
// measured in the same run on the same machine:
//   floor     — GET /api/health on the same `next start`: a constant JSON, no database, no auth, but the
//               framework and everything that runs on every request (the access log); the app's ceiling;
//   bare node — bench/bare-server.mjs: the same routes and database work on node:http + pg (the platform's limit);
//   raw pg    — the same SQL per operation in a tight loop with as many workers as connections (the database's limit).
// Every request uses another user's token, so reads and writes are spread over many rows as in real use.
// Settings: BENCH_SECONDS (per scenario, default 8); BENCH_DATABASES (PGlite,PostgreSQL);
//   BENCH_NODE — the node binary that runs the servers (default: this one);
//   BENCH_APP_DIR — measure the app of another built checkout (default: this one; migrate and seed run from it);
//   BENCH_BASELINE_DIR / BENCH_BASELINE_NODE — also measure another built checkout (or the same one on another
//   node) as "baseline" in the same run, for before/after numbers from one run.
// `--profile` (npm run bench:profile): PostgreSQL only (unless BENCH_DATABASES says otherwise), the app (and the
//   baseline) under `node --cpu-prof`, no bare or raw; prints self time by package for the GET, the PUT and the floor
//   load (bench/profile-summary.mjs) and keeps the .cpuprofile files in bench/results/.
// Results: printed, and written to bench/results/<time>.json and .svg (a chart); a full run (BENCH_SECONDS ≥ 8,
// both databases, no failed request, not --profile) also to bench/latest.json and bench/latest.svg, which the
// README shows.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { freePort, hasPostgresBinaries, startTempPostgres } from "../tests/helpers/temp-postgres.ts";
import { ensureBuild } from "./build.mjs";
import { chartSvg } from "./chart.mjs";
import { openDb } from "./db.mjs";
import { formatSummary, summarise } from "./profile-summary.mjs";
import { authenticateBasic, authenticateBearer, findManaged, hashToken, updateProfile } from "./ops.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = 2;
const CONNECTIONS = 16;
const USERS = 2000;
const TOKENS = 200;
// Goals on PostgreSQL, reported (a run does not fail on them): the long-term mark against bare node, and
// what the framework leaves room for (its floor).
const TARGET = 0.6; // app ≥ 0.6 × bare node, GET and PUT
const FLOOR_GOALS = { GET: 0.7, PUT: 0.5 }; // app ≥ 0.7 × floor for GET, ≥ 0.5 × floor for PUT
const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);

const PROFILE = process.argv.includes("--profile");
const DATABASES = (process.env.BENCH_DATABASES ?? (PROFILE ? "PostgreSQL" : "PGlite,PostgreSQL")).split(",").map((d) => d.trim());
const SERVER_NODE = process.env.BENCH_NODE || process.execPath;
const APP_DIR = path.resolve(process.env.BENCH_APP_DIR || root);
const BASELINE =
  process.env.BENCH_BASELINE_DIR || process.env.BENCH_BASELINE_NODE
    ? { dir: path.resolve(process.env.BENCH_BASELINE_DIR || APP_DIR), node: process.env.BENCH_BASELINE_NODE || SERVER_NODE }
    : null;
/** The servers that run `next start` in each database's round: the app, and the baseline when one is asked for. */
const APPS = [{ key: "app", dir: APP_DIR, node: SERVER_NODE }, ...(BASELINE ? [{ key: "baseline", ...BASELINE }] : [])];

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

/** The framework floor: a route handler that answers a constant, on the same server (app/api/health/route.ts). */
const FLOOR = {
  name: "floor GET /api/health",
  kind: "GET",
  http: () => ({ method: "GET", path: "/api/health" }),
  expect: [200, (body) => body?.status === "ok"],
};

// ---- build, database preparation, servers ----

/** The environment with exactly one database chosen (an inherited DATABASE_URL would override PGlite). */
function envWith(db) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of ["DATABASE_URL", "DATA_DIR", "DB_POOL_SIZE"]) delete env[name];
  return { ...env, ...db };
}

/** Runs one of the app's scripts (migrate, seed) from the app's checkout. */
function tsx(script, args, env) {
  const result = spawnSync(bin("tsx"), [script, ...args], { cwd: APP_DIR, env, encoding: "utf8" });
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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const tail = (file) => fs.readFileSync(file, "utf8").split("\n").slice(-30).join("\n");

/** Starts a server (its output goes to a log file) and waits until /api/ready answers. */
async function startServer(name, command, args, env, logDir, cwd = root) {
  checkInterrupted();
  const port = await freePort();
  const log = path.join(logDir, `${name}.log`);
  const out = fs.openSync(log, "w");
  const child = spawn(command, args(port), { cwd, env: { ...env, PORT: String(port) }, stdio: ["ignore", out, out] });
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

// ---- progress: step n of m, time spent, time left ----

const HTTP_STEP_SECONDS = WARMUP_SECONDS + SECONDS;
const RAW_STEP_SECONDS = 1 + SECONDS;
const progress = {
  startedAt: performance.now(),
  steps: [], // { label, seconds } for every measurement the run will make, in order
  done: 0,
  setupsLeft: 0,
  setupSeconds: [], // how long each database's preparation (migrate, seed, tokens) took
  plan() {
    const http = (who, names) => names.map((n) => ({ label: `${who} · ${n}`, seconds: HTTP_STEP_SECONDS }));
    const names = SCENARIOS.map((s) => s.name);
    for (const database of DATABASES) {
      for (const app of APPS) this.steps.push(...http(`${database} · ${app.key}`, [...names, FLOOR.name]));
      if (PROFILE) continue;
      this.steps.push(...http(`${database} · bare`, names));
      this.steps.push(...names.map((n) => ({ label: `${database} · raw · ${n}`, seconds: RAW_STEP_SECONDS })));
    }
    this.setupsLeft = DATABASES.length;
  },
  /** Printed as each measurement starts. */
  step() {
    const step = this.steps[this.done++];
    const remaining = this.steps.slice(this.done - 1).reduce((sum, s) => sum + s.seconds, 0);
    const setup = this.setupSeconds.length ? this.setupSeconds.reduce((a, b) => a + b) / this.setupSeconds.length : 30;
    // Each server start and smoke test costs a few seconds too.
    const left = remaining + this.setupsLeft * setup + (this.steps.length - this.done + 1) * 0.3;
    const n = String(this.done).padStart(String(this.steps.length).length);
    console.log(`[${n}/${this.steps.length}] ${step.label.padEnd(50)} elapsed ${clock(this.elapsed())}, ~${clock(left)} left`);
  },
  elapsed: () => (performance.now() - progress.startedAt) / 1000,
};
const clock = (seconds) => {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

// ---- measuring ----

/** One request per scenario first: the right status and body shape, or the numbers would mean nothing. */
async function smokeTest(server, token, scenarios) {
  const seen = {};
  for (const s of scenarios) {
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

/** Monotonic time in µs: the clock V8's CPU profiles use (CLOCK_MONOTONIC on Linux), to cut a profile by scenario. */
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/** Each scenario after a warm-up; the measured part's time window is kept, for the CPU profile. */
async function measureServer(server, tokens, scenarios) {
  const out = {};
  await smokeTest(server, tokens[0], scenarios);
  for (const s of scenarios) {
    progress.step();
    await drive(server, s, tokens, WARMUP_SECONDS);
    const cpuBefore = cpuMs(server.pid);
    const from = nowUs();
    const r = await drive(server, s, tokens, SECONDS);
    const to = nowUs();
    const cpuAfter = cpuMs(server.pid);
    const failures = r.non2xx + r.errors + r.timeouts;
    out[s.name] = {
      reqPerSec: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      requests: r.requests.total,
      cpuMsPerReq: cpuBefore === null ? null : (cpuAfter - cpuBefore) / r.requests.total,
      failures: failures ? { non2xx: r.non2xx, "4xx": r["4xx"], "5xx": r["5xx"], errors: r.errors, timeouts: r.timeouts } : null,
      window: [from, to],
    };
    console.log(
      `        ${s.name.padEnd(22)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms`,
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
  let errors = 0;
  let firstError;
  const latencies = [];
  const started = performance.now();
  const end = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const n = counter++;
      const at = performance.now();
      try {
        await scenario.raw(db, tokens[n % tokens.length], n);
        latencies.push(performance.now() - at);
      } catch (error) {
        errors++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  checkInterrupted();
  latencies.sort((a, b) => a - b);
  const pct = (p) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] * 10) / 10 : null);
  return {
    opsPerSec: latencies.length / ((performance.now() - started) / 1000),
    p50: pct(0.5),
    p99: pct(0.99),
    errors,
    firstError: firstError?.message,
  };
}

async function measureRaw(dbOptions, tokens) {
  const db = await openDb({ ...dbOptions, poolSize: CONNECTIONS });
  const out = {};
  try {
    for (const s of SCENARIOS) {
      progress.step();
      await loop(db, s, tokens, 1); // opens the pool's connections
      out[s.name] = await loop(db, s, tokens, SECONDS);
      const r = out[s.name];
      console.log(`        ${s.name.padEnd(22)} ${r.opsPerSec.toFixed(0).padStart(6)} ops/s  p50 ${r.p50} ms  p99 ${r.p99} ms`);
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

/** The database server's version (PostgreSQL, or PGlite's embedded one). */
async function databaseVersion(dbOptions) {
  const db = await openDb(dbOptions);
  try {
    const [row] = await db.query("SELECT current_setting('server_version') AS version");
    return row.version;
  } finally {
    await db.close();
  }
}

/** The largest .cpuprofile in a folder (the server's; a short-lived helper process would write a small one). */
function readProfile(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).map((f) => path.join(dir, f));
  if (!files.length) throw new Error(`no CPU profile was written to ${dir} (did the server exit cleanly?)`);
  const file = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  return { file, profile: JSON.parse(fs.readFileSync(file, "utf8")) };
}

/** Prepares a fresh database, then measures the app (with its floor), the bare-node server and raw pg on it, in turn. */
async function benchDatabase(name) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "profile-bench-"));
  const removeTmp = defer(() => fs.rmSync(tmp, { recursive: true, force: true }));
  let stopPostgres = async () => {};
  try {
    const setupStarted = performance.now();
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
    const version = await databaseVersion(dbOptions);
    console.log(`Migrated, seeded ${USERS} users, created ${tokens.length} API tokens (server version ${version}).`);
    progress.setupSeconds.push((performance.now() - setupStarted) / 1000);
    progress.setupsLeft--;

    const appEnv = { ...env, NODE_ENV: "production", AUTH_SECRET: crypto.randomBytes(33).toString("base64url") };
    const results = {};
    const profiles = {};
    for (const app of APPS) {
      const where = [app.dir !== root && `in ${app.dir}`, app.node !== process.execPath && `on ${app.node}`].filter(Boolean).join(" ");
      console.log(`${app.key} (next start${where ? ` ${where}` : ""}), then its floor:`);
      const profileDir = PROFILE ? fs.mkdtempSync(path.join(tmp, `cpu-${app.key}-`)) : null;
      const args = (port) => [
        ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
        path.join(app.dir, "node_modules/next/dist/bin/next"),
        "start",
        "-p",
        String(port),
        "-H",
        "127.0.0.1",
      ];
      const server = await startServer(app.key, app.node, args, appEnv, tmp, app.dir);
      results[app.key] = await measureServer(server, tokens, [...SCENARIOS, FLOOR]);
      await server.stop();
      if (profileDir) profiles[app.key] = { ...readProfile(profileDir), dir: app.dir };
    }

    if (!PROFILE) {
      console.log("bare node (node:http + pg):");
      const bare = await startServer("bare", SERVER_NODE, () => ["--import", "tsx", path.join(root, "bench/bare-server.mjs")], env, tmp);
      results.bare = await measureServer(bare, tokens, SCENARIOS);
      await bare.stop();

      console.log("raw pg (SQL in a loop):");
      results.raw = await measureRaw(dbOptions, tokens);
    }

    const rows = SCENARIOS.map((s) => {
      const app = results.app[s.name];
      const floor = results.app[FLOOR.name];
      const row = { database: name, scenario: s.name, kind: s.kind, app, floor, appVsFloor: app.reqPerSec / floor.reqPerSec };
      if (results.baseline) {
        Object.assign(row, {
          baseline: results.baseline[s.name],
          baselineFloor: results.baseline[FLOOR.name],
          appVsBaseline: app.reqPerSec / results.baseline[s.name].reqPerSec,
        });
      }
      if (results.bare) {
        Object.assign(row, {
          bare: results.bare[s.name],
          raw: results.raw[s.name],
          appVsBare: app.reqPerSec / results.bare[s.name].reqPerSec,
          appVsRaw: app.reqPerSec / results.raw[s.name].opsPerSec,
        });
      }
      return row;
    });
    return { database: name, version, rows, profiles, results };
  } finally {
    await stopPostgres();
    await removeTmp();
  }
}

// ---- report ----

const fmt = (n, digits = 0) => (n === null || n === undefined ? "-" : n.toFixed(digits));

function printTable(rows) {
  const withBaseline = rows.some((r) => r.baseline);
  const withBare = rows.some((r) => r.bare);
  const columns = [
    ["database", (r) => r.database],
    ["scenario", (r) => r.scenario],
    ["app req/s", (r) => fmt(r.app.reqPerSec)],
    ["p50 ms", (r) => fmt(r.app.p50)],
    ["p99 ms", (r) => fmt(r.app.p99)],
    ...(withBaseline ? [["baseline req/s", (r) => fmt(r.baseline?.reqPerSec)], ["app/baseline", (r) => fmt(r.appVsBaseline, 2)]] : []),
    ["floor req/s", (r) => fmt(r.floor.reqPerSec)],
    ...(withBaseline ? [["baseline floor req/s", (r) => fmt(r.baselineFloor?.reqPerSec)]] : []),
    ...(withBare ? [["bare req/s", (r) => fmt(r.bare?.reqPerSec)], ["raw ops/s", (r) => fmt(r.raw?.opsPerSec)]] : []),
    ["app/floor", (r) => fmt(r.appVsFloor, 2)],
    ...(withBare ? [["app/bare", (r) => fmt(r.appVsBare, 2)], ["app/raw", (r) => fmt(r.appVsRaw, 2)]] : []),
    ["app cpu ms/req", (r) => fmt(r.app.cpuMsPerReq, 2)],
    ["floor cpu ms/req", (r) => fmt(r.floor.cpuMsPerReq, 2)],
    ...(withBaseline ? [["baseline cpu ms/req", (r) => fmt(r.baseline?.cpuMsPerReq, 2)]] : []),
    ...(withBare ? [["bare cpu ms/req", (r) => fmt(r.bare?.cpuMsPerReq, 2)]] : []),
    [
      "goals (PostgreSQL)",
      (r) =>
        r.database !== "PostgreSQL"
          ? "-"
          : [
              `floor ${r.floorGoalMet ? "met" : "NOT MET"}`,
              ...(r.bare ? [`bare ${r.targetMet ? "met" : "NOT MET"}`] : []),
            ].join(", "),
    ],
  ];
  const lines = rows.map((r) => columns.map(([, cell]) => cell(r)));
  const widths = columns.map(([h], c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const line = (cells) => cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  console.log(`\n${line(columns.map(([h]) => h))}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${lines.map(line).join("\n")}`);
}

function printGoals(rows) {
  const pg = rows.filter((r) => r.database === "PostgreSQL");
  if (!pg.length) return;
  console.log("\nGoals on PostgreSQL (reported, not failing):");
  const report = (label, of, ratio, met) =>
    of.length &&
    console.log(
      `  ${label.padEnd(34)} ${of.every(met) ? "met    " : "NOT MET"} (${of.map((r) => `${r.scenario} ${r[ratio].toFixed(2)}`).join(", ")})`,
    );
  for (const kind of ["GET", "PUT"]) {
    report(`${kind}: app ≥ ${FLOOR_GOALS[kind]} × floor`, pg.filter((r) => r.kind === kind), "appVsFloor", (r) => r.floorGoalMet);
  }
  if (pg.some((r) => r.bare)) {
    for (const kind of ["GET", "PUT"]) {
      report(`${kind}: app ≥ ${TARGET} × bare (long-term)`, pg.filter((r) => r.kind === kind), "appVsBare", (r) => r.targetMet);
    }
  }
}

/** Self time by package for the GET, the PUT and the floor load, from each profiled server's CPU profile. */
function profileReport(databases, stamp, dir) {
  const texts = [];
  for (const d of databases) {
    for (const [key, { profile, dir: appDir }] of Object.entries(d.profiles)) {
      const kept = path.join(dir, `${stamp}-${d.database}-${key}.cpuprofile`);
      fs.writeFileSync(kept, JSON.stringify(profile)); // the server's own file went with the run's temporary folder
      const end = profile.endTime;
      const results = d.results[key];
      const groups = [
        ["GET", SCENARIOS.filter((s) => s.kind === "GET").map((s) => s.name)],
        ["PUT", SCENARIOS.filter((s) => s.kind === "PUT").map((s) => s.name)],
        ["floor", [FLOOR.name]],
      ];
      for (const [label, names] of groups) {
        const windows = names.map((n) => results[n].window);
        if (!windows.every(([from, to]) => from >= profile.startTime && to <= end)) {
          texts.push(`(${label}: the load's time window is outside the profile's clock; summarising the whole profile)`);
          windows.splice(0, windows.length, [-Infinity, Infinity]);
        }
        const requests = names.reduce((sum, n) => sum + results[n].requests, 0);
        const summary = summarise(profile, { root: appDir, windows });
        texts.push(formatSummary(`${d.database} · ${key} · ${label} load (${names.join(", ")})`, summary, { requests }));
      }
      texts.push(`CPU profile kept: ${path.relative(root, kept)} (open it in Chrome DevTools → Performance, or node bench/profile-summary.mjs)`);
    }
  }
  const text = texts.join("\n\n");
  console.log(`\n${text}`);
  const file = path.join(dir, `${stamp}-profile.txt`);
  fs.writeFileSync(file, `${text}\n`);
  console.log(`\nWritten to ${path.relative(root, file)}`);
}

function nodeVersion(binary) {
  const result = spawnSync(binary, ["--version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : null;
}

async function main() {
  const startedAt = new Date();
  const machine = {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model?.trim() ?? null,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    benchNode: process.version,
    serverNode: nodeVersion(SERVER_NODE),
    ...(APP_DIR !== root && { appDir: APP_DIR }),
    ...(BASELINE && { baselineNode: nodeVersion(BASELINE.node), baselineDir: BASELINE.dir }),
  };
  console.log(
    `${PROFILE ? "CPU profile" : "Bench"}: ${DATABASES.join(" and ")}, ${SECONDS} s per scenario (+${WARMUP_SECONDS} s warm-up), ` +
      `${CONNECTIONS} connections; servers on node ${machine.serverNode}${BASELINE ? `, baseline on node ${machine.baselineNode} in ${BASELINE.dir}` : ""}; ` +
      `${machine.cores} × ${machine.cpu}, load ${machine.loadAverageAtStart.join(" ")}`,
  );
  for (const dir of new Set(APPS.map((a) => a.dir))) ensureBuild(dir, bin("next"));
  const databases = [];
  const planned = DATABASES.filter((database) => {
    if (database === "PostgreSQL" && !hasPostgresBinaries()) {
      console.log("\nPostgreSQL skipped: no binaries under /usr/lib/postgresql (apt-get install -y postgresql).");
      return false;
    }
    if (database !== "PostgreSQL" && database !== "PGlite") throw new Error(`BENCH_DATABASES: unknown database ${database}`);
    return true;
  });
  DATABASES.splice(0, DATABASES.length, ...planned);
  progress.plan();
  for (const database of DATABASES) databases.push(await benchDatabase(database));
  const rows = databases.flatMap((d) => d.rows);
  for (const r of rows) {
    const pg = r.database === "PostgreSQL";
    r.floorGoal = FLOOR_GOALS[r.kind];
    r.floorGoalMet = pg ? r.appVsFloor >= r.floorGoal : null;
    if (r.bare) r.targetMet = pg ? r.appVsBare >= TARGET : null;
  }
  printTable(rows);
  printGoals(rows);
  const dir = path.join(root, "bench/results");
  fs.mkdirSync(dir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
  if (PROFILE) profileReport(databases, stamp, dir);

  const invalid = rows.filter((r) => [r.app, r.floor, r.baseline, r.bare].some((x) => x?.failures) || r.raw?.errors);
  if (invalid.length) {
    console.error(
      `\n!!!!! INVALID: requests failed in ${invalid.map((r) => `${r.database} ${r.scenario}`).join(", ")} — see above.`,
    );
    process.exitCode = 1;
  }
  for (const d of databases) machine[d.database === "PostgreSQL" ? "postgres" : "pglite"] = d.version;
  const settings = {
    seconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    connections: CONNECTIONS,
    users: USERS,
    tokens: TOKENS,
    target: TARGET,
    floorGoals: FLOOR_GOALS,
    profile: PROFILE,
  };
  const result = { startedAt, settings, machine, rows, durationSeconds: Math.round(progress.elapsed()) };
  const json = JSON.stringify(result, null, 2);
  const svg = chartSvg(result);
  for (const [ext, text] of [["json", json], ["svg", svg]]) fs.writeFileSync(path.join(dir, `${stamp}.${ext}`), text);
  console.log(`\nWritten to bench/results/${stamp}.json and .svg (${clock(progress.elapsed())} in all)`);
  // The chart the README shows: only from a complete, valid run at full length.
  if (!PROFILE && !invalid.length && SECONDS >= 8 && DATABASES.length === 2) {
    fs.writeFileSync(path.join(root, "bench/latest.json"), json);
    fs.writeFileSync(path.join(root, "bench/latest.svg"), svg);
    console.log("Updated bench/latest.json and bench/latest.svg (shown in the README).");
  }
}

try {
  await main();
} catch (error) {
  if (!interrupted) console.error(`\nbench failed: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
