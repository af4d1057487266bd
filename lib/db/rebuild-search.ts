import type { PrismaClient } from "../generated/prisma/client";
import { searchText } from "../profile/search";

/**
 * Recomputes User.searchText where it is empty (a migration empties it when the folding changes),
 * in batches by id, one UPDATE per batch. Returns how many rows it rebuilt; when none need it, this
 * is one query that finds nothing.
 */
export async function rebuildSearchText(
  client: PrismaClient,
  { batchSize = 5000, log = console.log }: { batchSize?: number; log?: (line: string) => void } = {},
): Promise<number> {
  let rebuilt = 0;
  let after = "";
  for (;;) {
    const users = await client.user.findMany({
      where: { searchText: "", id: { gt: after } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, username: true, email: true, firstName: true, lastName: true, displayName: true, nickName: true },
    });
    if (!users.length) return rebuilt;
    // Only rows still empty: one the app wrote meanwhile already has current text.
    rebuilt += await client.$executeRaw`
      UPDATE "User" AS u SET "searchText" = v.text
      FROM unnest(${users.map((user) => user.id)}::text[], ${users.map(searchText)}::text[]) AS v(id, text)
      WHERE u.id = v.id AND u."searchText" = ''`;
    after = users.at(-1)!.id;
    log(`Rebuilt search text: ${rebuilt} user(s) so far.`);
  }
}
