import { db } from "../db/client";
import { env } from "../env";
import { verifyPassword } from "../auth/password";
import { Prisma } from "../generated/prisma/client";
import { canManage, canSee } from "./access";
import { ProfileError } from "./errors";
import { searchText } from "./search";
import { CURRENT_PASSWORD_REQUIRED, fieldIssues, profilePatch } from "./schema";
import type { Caller, ChangeVia, EventChanges, Profile, ProfileChanges, ProfileEventView, ProfileField } from "./types";

const PROFILE_SELECT = {
  id: true, username: true, orgId: true, email: true, firstName: true, lastName: true, nickName: true,
  displayName: true, preferredLanguage: true, gender: true, role: true, sequence: true, createdAt: true,
  updatedAt: true,
} as const;

const FIELDS: ProfileField[] = ["firstName", "lastName", "nickName", "displayName", "preferredLanguage", "gender", "email"];
const EMAIL_TAKEN = "This email address is already used by another account";

/** A user by id, or by username (Camunda's user id). */
export type Target = string | { username: string };

export interface Scope {
  /** Only users of this organisation exist for the request (ZITADEL's x-zitadel-orgid). */
  orgId?: string;
}

/** The target, if the caller may manage it: NOT_FOUND when they may not even see it, else FORBIDDEN. */
export async function findManaged(caller: Caller, target: Target, scope: Scope = {}): Promise<Profile> {
  const client = await db();
  const where = typeof target === "string" ? { id: target } : { username: target.username };
  const user = await client.user.findUnique({ where, select: PROFILE_SELECT });
  const name = typeof target === "string" ? target : target.username;
  if (!user || !canSee(caller, user) || (scope.orgId && user.orgId !== scope.orgId)) {
    throw new ProfileError("NOT_FOUND", `User with id ${name} does not exist`);
  }
  if (!canManage(caller, user)) throw new ProfileError("FORBIDDEN", "You may not access this user's profile");
  return user;
}

export async function getProfile(caller: Caller, target: Target, scope: Scope = {}): Promise<Profile> {
  return findManaged(caller, target, scope);
}

export function isReadOnly(): boolean {
  return env().IDENTITY_READ_ONLY;
}

export interface UpdateOptions extends Scope {
  via: ChangeVia;
  /** Compare-and-set: the sequence the caller's copy was read at. Omitted: last writer wins, atomically. */
  ifSequence?: number;
  /** Required when people change their own email in the browser (profile or admin page). */
  currentPassword?: string;
}

export interface UpdateResult {
  profile: Profile;
  /** False when the input matched the stored profile: nothing was written, no new sequence. */
  changed: boolean;
}

/**
 * Validates and applies a change to a user's profile: authorisation, read-only mode, no-op
 * detection, compare-and-set on `sequence` and the history event, in one transaction.
 */
export async function updateProfile(
  caller: Caller,
  target: Target,
  input: unknown,
  options: UpdateOptions,
): Promise<UpdateResult> {
  if (isReadOnly()) throw new ProfileError("READ_ONLY", "Identity service implementation is read-only.");
  const parsed = profilePatch.safeParse(input);
  if (!parsed.success) {
    throw new ProfileError("INVALID", "The profile is not valid", { issues: fieldIssues(parsed.error) });
  }
  const patch = parsed.data;
  // Without a version from the caller, retry on a concurrent write so that the last writer wins.
  for (let attempt = 0; ; attempt++) {
    const current = await findManaged(caller, target, options);
    if (options.ifSequence !== undefined && options.ifSequence !== current.sequence) {
      throw new ProfileError("PRECONDITION_FAILED", "The profile was changed by someone else in the meantime", { current });
    }
    const changes = diff(current, patch);
    if (Object.keys(changes).length === 0) return { profile: current, changed: false };
    if (changes.email) await checkEmailChange(caller, current, changes.email.to, options);

    const written = await write(caller, current, changes, options.via);
    if (written) return { profile: written, changed: true };
    if (options.ifSequence !== undefined || attempt >= 4) {
      throw new ProfileError("PRECONDITION_FAILED", "The profile was changed by someone else in the meantime", {
        current: await findManaged(caller, target, options),
      });
    }
  }
}

function diff(current: Profile, patch: Record<string, unknown>): ProfileChanges {
  const changes: ProfileChanges = {};
  for (const field of FIELDS) {
    const to = patch[field] as string | null | undefined;
    if (to === undefined || to === current[field]) continue;
    changes[field] = { from: current[field], to };
  }
  return changes;
}

async function checkEmailChange(caller: Caller, current: Profile, to: string | null, options: UpdateOptions) {
  // In the browser, a session alone does not let anyone move an account's email: the password does.
  if ((options.via === "UI" || options.via === "ADMIN") && caller.id === current.id && !caller.tokenId) {
    const client = await db();
    const self = await client.user.findUnique({ where: { id: current.id }, select: { passwordHash: true } });
    const ok = options.currentPassword ? await verifyPassword(self?.passwordHash, options.currentPassword) : false;
    if (!ok) {
      const message = options.currentPassword ? "The current password is not correct" : CURRENT_PASSWORD_REQUIRED;
      throw new ProfileError("INVALID", message, { issues: [{ field: "currentPassword", message }] });
    }
  }
  if (to && (await (await db()).user.findUnique({ where: { email: to }, select: { id: true } }))) {
    throw new ProfileError("CONFLICT", EMAIL_TAKEN, { issues: [{ field: "email", message: EMAIL_TAKEN }] });
  }
}

/** Compare-and-set write plus its event; null when another writer got there first. */
async function write(caller: Caller, current: Profile, changes: ProfileChanges, via: ChangeVia): Promise<Profile | null> {
  const client = await db();
  const data: Record<string, string | null> = {};
  for (const [field, change] of Object.entries(changes)) data[field] = change.to;
  const sequence = current.sequence + 1;
  data.searchText = searchText({ ...current, ...data } as Profile);
  try {
    // One batch transaction: the update only matches the version that was read (else P2025), and
    // the event commits with it or not at all.
    const [profile] = await client.$transaction([
      client.user.update({ where: { id: current.id, sequence: current.sequence }, data: { ...data, sequence }, select: PROFILE_SELECT }),
      client.profileEvent.create({
        data: { userId: current.id, sequence, actorId: caller.id, tokenId: caller.tokenId ?? null, via, changes },
        select: { id: true },
      }),
    ]);
    return profile;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError) {
      if (error.code === "P2025") return null; // another writer moved the sequence on
      if (error.code === "P2002") {
        if (changes.email) throw new ProfileError("CONFLICT", EMAIL_TAKEN, { issues: [{ field: "email", message: EMAIL_TAKEN }] });
        return null; // the (userId, sequence) event key: a concurrent writer won
      }
    }
    throw error;
  }
}

/** The user's change history, newest first. */
export async function listProfileEvents(
  caller: Caller,
  targetId: string,
  { limit = 20, beforeSequence }: { limit?: number; beforeSequence?: number } = {},
): Promise<ProfileEventView[]> {
  await findManaged(caller, targetId);
  const client = await db();
  const rows = await client.profileEvent.findMany({
    where: { userId: targetId, ...(beforeSequence !== undefined ? { sequence: { lt: beforeSequence } } : {}) },
    orderBy: { sequence: "desc" },
    take: limit,
    select: {
      sequence: true, createdAt: true, via: true, changes: true,
      actor: { select: { id: true, username: true, displayName: true } },
      token: { select: { id: true, name: true } },
    },
  });
  return rows.map((row) => ({ ...row, changes: row.changes as EventChanges }));
}
