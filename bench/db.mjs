// One small query interface over pg.Pool and PGlite, for the bare-node server, the raw loop and token setup.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const TIMESTAMP = 1114;
// The schema stores UTC in `timestamp(3)` (Prisma's convention); read it as UTC whatever the machine's zone.
const utc = (text) => new Date(text.replace(" ", "T") + "Z");

/**
 * `{ query(sql, params) → rows, close() }` on PostgreSQL (`url`) or on the
 * PGlite folder the app uses under `dataDir` (taking the app's lock file, see lib/db/lock.ts).
 */
export async function openDb({ url, dataDir, poolSize = 16 }) {
  return url ? openPostgres(url, poolSize) : openPglite(dataDir);
}

function openPostgres(url, poolSize) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: { getTypeParser } });
  return {
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    close: () => pool.end(),
  };
}

function getTypeParser(oid, format) {
  return oid === TIMESTAMP ? utc : pg.types.getTypeParser(oid, format);
}

async function openPglite(dataDir) {
  // Imported here so that a PostgreSQL-only run never loads the WASM build.
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const release = lock(dataDir);
  try {
    // pg_trgm: the User.searchText GIN index uses its operator class, so every profile write needs it.
    const db = new PGlite(path.join(dataDir, "pglite"), { extensions: { pg_trgm }, parsers: { [TIMESTAMP]: utc } });
    await db.waitReady;
    return {
      query: async (sql, params) => (await db.query(sql, params)).rows,
      async close() {
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** The app's lock protocol: DATA_DIR/pglite.lock holds the owner's pid; two processes on one folder corrupt it. */
function lock(dataDir) {
  const file = path.join(dataDir, "pglite.lock");
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, String(process.pid), { flag: "wx" });
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
    const holder = Number(fs.readFileSync(file, "utf8"));
    if (isAlive(holder)) throw new Error(`The embedded database in ${dataDir} is open in process ${holder}`);
    fs.writeFileSync(file, String(process.pid)); // left behind by a process that died
  }
  return () => fs.rmSync(file, { force: true });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
