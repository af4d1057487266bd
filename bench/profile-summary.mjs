// Self time of a V8 CPU profile (.cpuprofile, from `node --cpu-prof`) by package: our code (lib/, app/),
// Prisma + pg, Auth, next-intl, Next, React, … Frames in Next's server bundles are traced back to their
// source through the build's source maps (.next/server/**/*.js.map), so bundled code counts for its package.
// Usage: node bench/profile-summary.mjs <file.cpuprofile> [--from <µs> --to <µs>] [--top N] [--callers <name>] [--root <checkout>]
//   --from/--to: only samples in that window (V8's monotonic clock, as process.hrtime in µs on Linux); without
//   them, the whole profile, start-up included. --callers: the call paths to functions whose label contains <name>
//   (CALLER_DEPTH frames, default 8). --root: the checkout the profiled server ran from (default: this one).
// Imported by bench/run.mjs (`npm run bench:profile`), which passes the GET and the PUT windows.
import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const CATEGORIES = [
  "ours (lib/, app/)",
  "Prisma + pg",
  "Auth (next-auth, argon2, jose)",
  "next-intl",
  "Next",
  "React",
  "pino (access log)",
  "zod",
  "other packages",
  "Node.js internals",
  "native (syscalls, JSON, microtasks)",
  "GC",
  "V8 (program)",
];
// Time in these is done for whoever called it: the "charged" column gives it to the nearest JavaScript caller outside them.
const RUNTIME = new Set(["Node.js internals", "native (syscalls, JSON, microtasks)"]);

/** The package a node_modules path belongs to (`@scope/name` or `name`), from its last node_modules/. */
function packageOf(file) {
  const at = file.lastIndexOf("node_modules/");
  if (at < 0) return null;
  const parts = file.slice(at + "node_modules/".length).split("/");
  return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
}

const PRISMA = /^(@prisma\/|prisma$|pg$|pg-|pgpass$|postgres-|pglite-prisma-adapter$|@electric-sql\/)/;
const AUTH = /^(next-auth$|@auth\/|@node-rs\/argon2|jose$|@panva\/|oauth4webapi$|preact-render-to-string$|preact$)/;
const INTL = /^(next-intl$|use-intl$|@formatjs\/|intl-messageformat$|negotiator$|@schummar\/)/;
const PINO = /^(pino$|pino-|sonic-boom$|thread-stream$|fast-redact$|@pinojs\/|on-exit-leak-free$|quick-format-unescaped$|atomic-sleep$|safe-stable-stringify$)/;

/** Category of a source file (absolute path, or a bundled module's original path). */
export function categorise(file, root) {
  if (!file) return "native (syscalls, JSON, microtasks)";
  if (file.startsWith("node:") || !file.includes("/")) return "Node.js internals";
  if (file.startsWith("wasm://")) return "Prisma + pg"; // on PostgreSQL the only WebAssembly is Prisma's query compiler
  // Next's vendored copies: React lives in next/dist/compiled/react*, next-intl's deps are not vendored.
  if (/node_modules\/next\/dist\/compiled\/(react|react-dom|react-server-dom[^/]*|scheduler)(-experimental)?\//.test(file)) return "React";
  if (/node_modules\/next\/dist\/server\/route-modules\/app-page\/vendored\//.test(file)) return "React";
  const pkg = packageOf(file);
  if (pkg) {
    if (PRISMA.test(pkg)) return "Prisma + pg";
    if (AUTH.test(pkg)) return "Auth (next-auth, argon2, jose)";
    if (INTL.test(pkg)) return "next-intl";
    if (pkg === "next" || pkg.startsWith("@next/") || pkg === "styled-jsx" || pkg === "@swc/helpers") return "Next";
    if (pkg === "react" || pkg === "react-dom" || pkg === "scheduler" || pkg.startsWith("react-server-dom")) return "React";
    if (PINO.test(pkg)) return "pino (access log)";
    if (pkg === "zod") return "zod";
    return "other packages";
  }
  const rel = path.relative(root, file);
  if (rel.startsWith("lib/generated/")) return "Prisma + pg"; // the generated client
  if (/^(lib|app|components)\//.test(rel) || /^(proxy|instrumentation)\.ts$/.test(rel)) return "ours (lib/, app/)";
  if (rel.startsWith(".next/")) return "Next"; // build output without a source map: Next's runtime and glue
  return "other packages";
}

/** Finds a frame's original source through the bundle's source map (cached per file). */
function sourceMapper(root) {
  const maps = new Map();
  const mapFor = (file) => {
    if (!maps.has(file)) {
      let map = null;
      try {
        const payload = JSON.parse(fs.readFileSync(`${file}.map`, "utf8"));
        map = { sourceMap: new SourceMap(payload), dir: path.dirname(file) };
      } catch {
        // no map: the file stands for itself
      }
      maps.set(file, map);
    }
    return maps.get(file);
  };
  return (file, line, column) => {
    if (!file.includes("/.next/")) return { file, line };
    const map = mapFor(file);
    if (!map) return { file, line };
    const entry = map.sourceMap.findEntry(line, column);
    if (!entry?.originalSource) return { file, line };
    let source = entry.originalSource;
    if (source.startsWith("file://")) source = fileURLToPath(source);
    try {
      source = decodeURIComponent(source); // bundlers write [id] and @scope as %5Bid%5D and %40scope
    } catch {
      // not percent-encoded after all
    }
    source = source.replace(/^turbopack:\/\/\/\[project\]\//, `${root}/`).replace(/^webpack:\/\/[^/]*\//, "");
    return { file: path.resolve(map.dir, source), line: entry.originalLine };
  };
}

const fileOfUrl = (url) => (url.startsWith("file://") ? fileURLToPath(url) : url);

/**
 * Self time (ms) by category and by function, over the samples inside `windows` ([[fromµs, toµs]]; all when unset).
 * Returns { totalMs, byCategory: [[category, ms]], byPackage: [[package, ms]], topFunctions, ours }.
 */
export function summarise(profile, { root = process.cwd(), windows = [[-Infinity, Infinity]], callersOf, callerDepth = Number(process.env.CALLER_DEPTH ?? 8) } = {}) {
  const map = sourceMapper(root);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map(); // node id → µs
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    // A sample's time is the gap to the next one (V8's convention in DevTools).
    const dt = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0;
    if (!windows.some(([from, to]) => t >= from && t <= to)) continue;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }

  const frameInfo = new Map(); // node id → { category, pkg, label }
  const info = (id) => {
    if (frameInfo.has(id)) return frameInfo.get(id);
    const { callFrame } = nodes.get(id);
    const { functionName, url, lineNumber, columnNumber } = callFrame;
    let result;
    if (!url) {
      const special = { "(garbage collector)": "GC", "(idle)": "(idle)", "(program)": "V8 (program)", "(root)": "(idle)" };
      const category = special[functionName] ?? "native (syscalls, JSON, microtasks)";
      result = { category, pkg: category, label: functionName || "(native)" };
    } else {
      const { file, line } = map(fileOfUrl(url), lineNumber, columnNumber);
      const category = categorise(file, root);
      const pkg = file.startsWith("node:") ? "node" : (packageOf(file) ?? path.relative(root, file).split("/").slice(0, 2).join("/"));
      const where = file.includes("node_modules/")
        ? file.slice(file.lastIndexOf("node_modules/") + 13)
        : file.startsWith("node:") || !path.isAbsolute(file)
          ? file
          : path.relative(root, file);
      result = { category, pkg, label: `${functionName || "(anonymous)"} ${where}:${line + 1}` };
    }
    frameInfo.set(id, result);
    return result;
  };

  const byCategory = new Map();
  const charged = new Map();
  const byPackage = new Map();
  const byFunction = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const { category, pkg, label } = info(id);
    if (category === "(idle)") continue;
    total += us;
    byCategory.set(category, (byCategory.get(category) ?? 0) + us);
    let payer = category;
    for (let n = id; RUNTIME.has(payer) && n !== undefined; n = parent.get(n)) {
      const c = info(n).category;
      if (!RUNTIME.has(c) && c !== "(idle)") payer = c;
    }
    charged.set(payer, (charged.get(payer) ?? 0) + us);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const key = `${category}\u0000${label}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }

  // Our functions by total time (themselves and what they call), each sample counted once per function.
  const inclusive = new Map();
  for (const [id, us] of self) {
    if (info(id).category === "(idle)") continue;
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const { category, label } = info(n);
      if (category !== "ours (lib/, app/)" || seen.has(label)) continue;
      seen.add(label);
      inclusive.set(label, (inclusive.get(label) ?? 0) + us);
    }
  }

  // With `callersOf` (part of a function's label): the call paths that lead to it, heaviest first.
  const callers = new Map();
  if (callersOf) {
    for (const [id, us] of self) {
      const chain = [];
      let hit = false;
      for (let n = id; n !== undefined; n = parent.get(n)) {
        const { category, label } = info(n);
        if (category === "(idle)") break;
        if (!hit && label.includes(callersOf)) hit = true;
        if (hit) chain.push(label);
      }
      if (!hit) continue;
      const key = chain.slice(0, callerDepth).join("\n      ← ");
      callers.set(key, (callers.get(key) ?? 0) + us);
    }
  }

  const ms = (us) => us / 1000;
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, ms(v)]);
  return {
    totalMs: ms(total),
    byCategory: sorted(byCategory),
    charged: Object.fromEntries(sorted(charged)),
    byPackage: sorted(byPackage),
    topFunctions: sorted(byFunction).map(([key, v]) => {
      const [category, label] = key.split("\u0000");
      return { category, label, ms: v };
    }),
    ours: sorted(inclusive).map(([label, v]) => ({ label, ms: v })),
    callers: sorted(callers).map(([path, v]) => ({ path, ms: v })),
  };
}

/** The summary as text: self time by category, by package, the hottest functions, our functions by total time. */
export function formatSummary(title, s, { top = 20, requests } = {}) {
  const pct = (v) => `${((100 * v) / s.totalMs).toFixed(1).padStart(5)} %`;
  const perReq = (v) => (requests ? `  ${((v * 1000) / requests).toFixed(0).padStart(5)} µs/req` : "");
  const lines = [`${title}: ${(s.totalMs / 1000).toFixed(2)} s of CPU${requests ? ` over ${requests} requests` : ""}`];
  lines.push(`  self time by package group${" ".repeat(13)}self${requests ? "            " : ""}   charged (Node/native time given to its JS caller)`);
  const groups = [...new Set([...s.byCategory.map(([k]) => k), ...Object.keys(s.charged)])];
  for (const k of groups) {
    const v = s.byCategory.find(([c]) => c === k)?.[1] ?? 0;
    const c = s.charged[k] ?? 0;
    lines.push(`    ${k.padEnd(36)} ${pct(v)}${perReq(v)}   ${pct(c)}${perReq(c)}`);
  }
  lines.push("  self time by package (top 12):");
  for (const [k, v] of s.byPackage.slice(0, 12)) lines.push(`    ${k.padEnd(32)} ${pct(v)}`);
  lines.push(`  hottest functions (self time, top ${top}):`);
  for (const f of s.topFunctions.slice(0, top)) lines.push(`    ${pct(f.ms)}  [${f.category}] ${f.label}`);
  lines.push("  our functions by total time (with what they call, top 12):");
  for (const f of s.ours.slice(0, 12)) lines.push(`    ${pct(f.ms)}  ${f.label}`);
  if (s.callers.length) {
    lines.push("  call paths to the function asked for (total time, top 10):");
    for (const c of s.callers.slice(0, 10)) lines.push(`    ${pct(c.ms)}  ${c.path}`);
  }
  return lines.join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const at = args.indexOf(name);
    return at < 0 ? undefined : Number(args.splice(at, 2)[1]);
  };
  const from = option("--from") ?? -Infinity;
  const to = option("--to") ?? Infinity;
  const top = option("--top") ?? 20;
  const text = (name) => {
    const at = args.indexOf(name);
    return at < 0 ? undefined : args.splice(at, 2)[1];
  };
  const callersOf = text("--callers");
  const root = path.resolve(text("--root") ?? path.join(import.meta.dirname, ".."));
  const file = args[0];
  if (!file) {
    console.error("usage: node bench/profile-summary.mjs <file.cpuprofile> [--from µs --to µs] [--top N] [--callers <name>] [--root <checkout>]");
    process.exit(2);
  }
  const profile = JSON.parse(fs.readFileSync(file, "utf8"));
  console.log(formatSummary(path.basename(file), summarise(profile, { root, windows: [[from, to]], callersOf }), { top }));
}
