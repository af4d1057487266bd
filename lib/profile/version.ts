import type { Prisma } from "../generated/prisma/client";
import { searchText } from "./search";
import { PROFILE_SELECT } from "./target";
import type { Caller, ChangeVia, EventChanges, Profile } from "./types";

/**
 * The next version of a user and its history event, in the caller's transaction (which holds the
 * row lock): the columns in `data`, the sequence bumped, the search text rebuilt.
 */
export async function writeVersion(
  tx: Prisma.TransactionClient,
  caller: Caller,
  current: Profile,
  { data, changes, via }: { data: Partial<Profile>; changes: EventChanges; via: ChangeVia },
): Promise<Profile> {
  const sequence = current.sequence + 1;
  const profile = await tx.user.update({
    where: { id: current.id },
    data: { ...(data as Prisma.UserUpdateInput), sequence, searchText: searchText({ ...current, ...data }) },
    select: PROFILE_SELECT,
  });
  await tx.profileEvent.create({
    data: { userId: current.id, sequence, actorId: caller.id, tokenId: caller.tokenId ?? null, via, changes },
    select: { id: true },
  });
  return profile;
}
