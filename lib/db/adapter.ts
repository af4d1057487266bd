import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { dataDir, env } from "../env";
import { lockDataFolder } from "./lock";

export interface OpenAdapter {
  factory: SqlMigrationAwareDriverAdapterFactory;
  kind: "pglite" | "postgres";
  describe: string;
  close(): Promise<void>;
}

/** PostgreSQL when DATABASE_URL is set, else the embedded PGlite under DATA_DIR (locked). */
export async function openAdapter(): Promise<OpenAdapter> {
  const url = env().DATABASE_URL;
  if (url) return openPostgres(url);
  const folder = path.join(dataDir(), "pglite");
  const release = lockDataFolder(dataDir());
  try {
    fs.mkdirSync(folder, { recursive: true });
    const pglite = new PGlite(folder, { extensions: { pg_trgm } });
    await pglite.waitReady;
    return {
      factory: new PrismaPGlite(pglite),
      kind: "pglite",
      describe: `embedded PostgreSQL (PGlite) in ${folder}`,
      async close() {
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export function openPostgres(url: string): OpenAdapter {
  // A database that does not answer is reported within two seconds, not after the OS's TCP timeout.
  const pool = new pg.Pool({ connectionString: url, max: env().DB_POOL_SIZE, connectionTimeoutMillis: 2000 });
  const where = new URL(url);
  return {
    factory: new PrismaPg(pool),
    kind: "postgres",
    describe: `PostgreSQL at ${where.host}${where.pathname}`,
    close: () => pool.end(),
  };
}

/** An in-memory PGlite, for tests and for diffing migrations. */
export async function openMemory(): Promise<OpenAdapter> {
  const pglite = new PGlite({ extensions: { pg_trgm } });
  await pglite.waitReady;
  const factory = new PrismaPGlite(pglite);
  // The adapter's own shadow database lacks our extensions, so the migrations that create them
  // would not replay there; migration diffs would then repeat their changes.
  factory.connectToShadowDb = async () => new PrismaPGlite(new PGlite({ extensions: { pg_trgm } })).connect();
  return { factory, kind: "pglite", describe: "in-memory PGlite", close: () => pglite.close() };
}
