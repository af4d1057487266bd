/**
 * A throwaway PostgreSQL server from the machine's binaries, for tests and benchmarks.
 * (initdb refuses root, so as root the server runs as the postgres user.)
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

function findBinaries(): string {
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const dir = path.join(base, v, "bin");
    if (fs.existsSync(path.join(dir, "pg_ctl"))) return dir;
  }
  throw new Error(
    "PostgreSQL binaries were not found under /usr/lib/postgresql. Install them (apt-get install -y postgresql) " +
      "or set TEST_DATABASE_URL to a server whose role may create databases.",
  );
}

export function hasPostgresBinaries(): boolean {
  try {
    findBinaries();
    return true;
  } catch {
    return false;
  }
}

/** A TCP port nobody listens on now (the benches start their servers on these too). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface TempPostgres {
  url: string;
  /** Stops the server and deletes its data (unless it was started in a given folder). */
  stop(): void;
  /** Stops the server, keeping its data (a database that went away)... */
  pause(): void;
  /** ...and starts it again on the same port. */
  resume(): void;
}

/**
 * `dir`: keep the server's data in this folder instead of a new temporary one, and reuse it when it
 * already holds a database (a bench seeds a million users once); `stop()` then keeps it too.
 * `port`: listen on this port instead of a free one.
 */
export async function startTempPostgres(options: { dir?: string; port?: number } = {}): Promise<TempPostgres> {
  const bin = findBinaries();
  const kept = Boolean(options.dir);
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "profile-pg-"));
  fs.mkdirSync(dir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args], { stdio: "pipe" })
      : execFileSync(path.join(bin, cmd), args, { stdio: "pipe" });
  if (asRoot) execFileSync("chown", ["postgres", dir]);
  const port = options.port ?? (await freePort());
  if (!fs.existsSync(`${dir}/data/PG_VERSION`)) run("initdb", ["-D", `${dir}/data`, "-U", "app", "--auth=trust", "--no-sync"]);
  // -l: without a log file the server keeps our stdout open and whoever reads it never finishes.
  const serverOptions = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`;
  const start = () => run("pg_ctl", ["-D", `${dir}/data`, "-l", `${dir}/server.log`, "-w", "-o", serverOptions, "start"]);
  const halt = () => run("pg_ctl", ["-D", `${dir}/data`, "stop", "-m", "fast"]);
  start();
  return {
    url: `postgres://app@127.0.0.1:${port}/postgres`,
    stop() {
      halt();
      if (!kept) fs.rmSync(dir, { recursive: true, force: true });
    },
    pause: halt,
    resume: start,
  };
}
