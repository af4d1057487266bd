import fs from "node:fs";
import path from "node:path";

/**
 * An exclusive lock on the embedded database folder. PGlite has none of its own, and two processes
 * opening one data folder corrupt it silently, so every process that opens it takes this first.
 */
export function lockDataFolder(folder: string): () => void {
  const lockFile = path.join(folder, "pglite.lock");
  fs.mkdirSync(folder, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockFile, "utf8"));
      if (holder && isAlive(holder)) {
        const who = holder === process.pid ? "this process already" : `process ${holder} (a running server, migration or seed)`;
        throw new Error(
          `The embedded database in ${folder} is in use by ${who}. ` +
            `Stop that process first; only one process may open the embedded database at a time. ` +
            `To run several processes, set DATABASE_URL to a PostgreSQL server.`,
        );
      }
      fs.rmSync(lockFile, { force: true }); // left behind by a process that died
    }
  }
  throw new Error(`Could not lock ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
