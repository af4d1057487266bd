// A build that matches the sources, for the benches that serve the built app (bench/run.mjs, bench/admin-list.mjs).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.mjs",
  "proxy.ts",
  "instrumentation.ts",
  "package.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

/** Runs `next build` (the binary `next`) in `root` when .next/BUILD_ID is missing or older than any source file. */
export function ensureBuild(root, next) {
  const buildId = path.join(root, ".next/BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  let newest = 0;
  const visit = (p) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (stat?.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else if (stat) newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of SOURCES) visit(path.join(root, p));
  if (builtAt > newest) return console.log(`Build is up to date (${root}).`);
  console.log(`Building the app (next build in ${root})…`);
  const result = spawnSync(next, ["build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed");
}
