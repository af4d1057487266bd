import { PrismaClient } from "../generated/prisma/client";
import { openAdapter } from "./adapter";
import { rebuildSearchText } from "./rebuild-search";
import { runIfMain } from "./run";
import { applyMigrations } from "./schema-engine";

/** `npm run db:migrate`: applies pending migrations to the configured database, then rebuilds search text they emptied. */
export async function migrate(): Promise<void> {
  const open = await openAdapter();
  try {
    const applied = await applyMigrations(open.factory);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${open.describe}: ${applied.join(", ")}`
        : `Database is up to date (${open.describe}).`,
    );
    const client = new PrismaClient({ adapter: open.factory });
    try {
      await rebuildSearchText(client);
    } finally {
      await client.$disconnect();
    }
  } finally {
    await open.close();
  }
}

runIfMain(import.meta.url, migrate);
