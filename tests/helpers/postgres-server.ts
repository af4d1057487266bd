/**
 * Vitest global setup: a throwaway PostgreSQL server for the tests that run against a real one.
 * Uses TEST_DATABASE_URL when given (an existing server whose role may create databases);
 * otherwise starts one from the PostgreSQL binaries on this machine, and stops it afterwards.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

function findBinaries(): string {
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const dir = path.join(base, v, "bin");
    if (fs.existsSync(path.join(dir, "pg_ctl"))) return dir;
  }
  throw new Error(
    "PostgreSQL binaries were not found under /usr/lib/postgresql. Install them (apt-get install -y postgresql) " +
      "or set TEST_DATABASE_URL to a server the tests may create databases on.",
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("postgresUrl", process.env.TEST_DATABASE_URL);
    return;
  }
  const bin = findBinaries();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "profile-pg-"));
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: run the server as the postgres user then.
  const as = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args], { stdio: "pipe" })
      : execFileSync(path.join(bin, cmd), args, { stdio: "pipe" });
  if (asRoot) execFileSync("chown", ["postgres", dir]);
  const port = await freePort();
  as("initdb", ["-D", `${dir}/data`, "-U", "app", "--auth=trust", "--no-sync"]);
  // -l: without a log file the server keeps our stdout open and the test run never ends.
  as("pg_ctl", ["-D", `${dir}/data`, "-l", `${dir}/server.log`, "-w", "-o", `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`, "start"]);
  project.provide("postgresUrl", `postgres://app@127.0.0.1:${port}/postgres`);
  return () => {
    as("pg_ctl", ["-D", `${dir}/data`, "stop", "-m", "fast"]);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
