import crypto from "node:crypto";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { searchText } from "./search";
import { PROFILE_COLUMNS, PROFILE_ENUMS } from "./target";
import type { Caller, ChangeVia, EventChanges, Profile } from "./types";

/**
 * The next version of a user and its history event, as one statement (a statement is a
 * transaction of its own): the columns in `data`, the sequence bumped, the search text rebuilt,
 * and the event that says so — but only while the stored sequence is still `current`'s. Null when
 * it moved on: a caller holding the row lock never sees that; a caller without it (the token
 * caller's compare-and-set in lib/profile/service.ts) starts again under the lock.
 */
export async function writeVersion(
  client: Prisma.TransactionClient | PrismaClient,
  caller: Caller,
  current: Profile,
  { data, changes, via }: { data: Partial<Profile>; changes: EventChanges; via: ChangeVia },
): Promise<Profile | null> {
  const sets = (Object.keys(data) as (keyof Profile)[]).map((column) => {
    const type = PROFILE_ENUMS[column];
    const value = type ? Prisma.sql`${data[column]}::text::${Prisma.raw(`"${type}"`)}` : Prisma.sql`${data[column]}`;
    return Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`;
  });
  const now = new Date(); // as Prisma sets @updatedAt and @default(now()): the server's clock, in UTC
  const [profile] = await client.$queryRaw<Profile[]>`
    WITH next AS (
      UPDATE "User" SET ${Prisma.join([...sets, Prisma.sql`"sequence" = "sequence" + 1`])},
        "searchText" = ${searchText({ ...current, ...data })}, "updatedAt" = ${now}::timestamp(3)
      WHERE "id" = ${current.id} AND "sequence" = ${current.sequence}
      RETURNING ${PROFILE_COLUMNS}
    ), event AS (
      INSERT INTO "ProfileEvent" ("id", "userId", "sequence", "actorId", "tokenId", "via", "changes", "createdAt")
      SELECT ${crypto.randomUUID()}::text, "id", "sequence", ${caller.id}::text, ${caller.tokenId ?? null}::text,
        ${via}::text::"ChangeVia", ${JSON.stringify(changes)}::jsonb, ${now}::timestamp(3)
      FROM next
    )
    SELECT * FROM next`;
  return profile ?? null;
}

/** writeVersion for a caller holding the row lock, under which the sequence cannot move. */
export async function writeLockedVersion(...args: Parameters<typeof writeVersion>): Promise<Profile> {
  const profile = await writeVersion(...args);
  if (!profile) throw new Error(`the version of ${args[2].id} moved on under its row lock`);
  return profile;
}
