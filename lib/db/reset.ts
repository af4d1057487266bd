import fs from "node:fs";
import path from "node:path";
import { PrismaClient } from "../generated/prisma/client";
import { dataDir, env } from "../env";
import { openAdapter } from "./adapter";
import { migrate } from "./migrate";
import { runIfMain } from "./run";

/** `npm run db:reset`: drops all data, then migrates afresh. Run `npm run db:seed` after it. */
async function main() {
  if (env().NODE_ENV === "production" && process.argv[2] !== "--force") {
    throw new Error("Refusing to reset a production database; pass --force if you mean it.");
  }
  if (env().DATABASE_URL) {
    const open = await openAdapter();
    const client = new PrismaClient({ adapter: open.factory });
    await client.$executeRawUnsafe('DROP SCHEMA IF EXISTS "public" CASCADE');
    await client.$executeRawUnsafe('CREATE SCHEMA "public"');
    await client.$disconnect();
    await open.close();
  } else {
    const folder = path.join(dataDir(), "pglite");
    const open = await openAdapter(); // takes the lock, so a running server is not pulled from under
    await open.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  console.log("Database emptied.");
  await migrate();
}

runIfMain(import.meta.url, main);
