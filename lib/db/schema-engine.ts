import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

export const PRISMA_DIR = path.resolve(import.meta.dirname, "../../prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let bindings: Promise<Bindings> | undefined;

/**
 * Instantiates Prisma's schema engine from its WebAssembly build by hand: the package's own entry
 * imports the .wasm as an ES module, which Node 20 only allows behind a flag, and the native engine
 * cannot be downloaded here.
 */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = (await import(bgPath)) as Bindings & { __wbg_set_wasm(exports: unknown): void };
    const bytes = fs.readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return bg;
  })();
  return bindings;
}

/** Runs `fn` with a schema engine on the given adapter, and frees the engine afterwards. */
export async function withSchemaEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const bg = await loadBindings();
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
  const engine = await bg.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => {}, adapter);
  try {
    return await fn(engine);
  } catch (error) {
    throw explain(error, (id) => adapter.errorRegistry.consumeError(id)?.error);
  } finally {
    engine.free();
  }
}

/** The engine reports adapter failures as "External error id#N"; surface the real one. */
function explain(error: unknown, consume: (id: number) => unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  const match = /External error id#(\d+)/.exec(message);
  if (!match) return error;
  const inner = consume(Number(match[1]));
  return new Error(`${message}: ${inner instanceof Error ? inner.message : JSON.stringify(inner)}`);
}

export function readMigrations() {
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  const dirs = fs.existsSync(MIGRATIONS_DIR)
    ? fs
        .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    migrationDirectories: dirs.map((dir) => ({
      path: dir,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok" as const,
          value: fs.readFileSync(path.join(MIGRATIONS_DIR, dir, "migration.sql"), "utf8"),
        },
      },
    })),
    shadowDbInitScript: "",
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** Applies every migration under prisma/migrations that the database has not seen yet. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  return withSchemaEngine(factory, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: readMigrations(), filters: NO_FILTERS });
    return result.appliedMigrationNames;
  });
}
