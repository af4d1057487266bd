import "server-only";
import { PrismaClient } from "../generated/prisma/client";
import { openAdapter, type OpenAdapter } from "./adapter";

export type Db = PrismaClient;

interface Holder {
  db?: Promise<PrismaClient>;
}
// Kept on globalThis so dev reloads and route bundles share one connection (and one PGlite lock).
const holder = globalThis as typeof globalThis & { __profileDb?: Holder };
const state: Holder = (holder.__profileDb ??= {});

/** The process's database client, opened on first use (never at import or build time). */
export function db(): Promise<PrismaClient> {
  state.db ??= openAdapter()
    .then((open: OpenAdapter) => new PrismaClient({ adapter: open.factory }))
    .catch((error) => {
      state.db = undefined;
      throw error;
    });
  return state.db;
}

/** Points the process at another client (each test file brings its own database). */
export function setDb(client: PrismaClient): void {
  state.db = Promise.resolve(client);
}
