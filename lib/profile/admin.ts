import { db } from "../db/client";
import { assertCurrentPassword } from "../auth/credentials";
import { recordSecurityEvent } from "../auth/events";
import { sendVerification } from "./email";
import { generatePassword, hashPassword } from "../auth/password";
import { assertStrongPassword } from "../auth/password-policy";
import { endUserSessions } from "../auth/session-store";
import { Prisma } from "../generated/prisma/client";
import { isAdmin, roleAtMost } from "./access";
import { emailTakenError, fieldError, ProfileError, readOnlyError, validate } from "./errors";
import { createUserForm, passwordResetForm, PROFILE_FIELDS, role as roleSchema } from "./schema";
import { searchText, searchWords } from "./search";
import { findManaged, isReadOnly } from "./service";
import type { Caller, Profile, Role } from "./types";
import { sentence } from "../i18n/sentence";

export const SORTS = {
  name: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
  displayName: [{ displayName: "asc" }, { id: "asc" }],
  username: [{ username: "asc" }],
  email: [{ email: "asc" }],
  created: [{ createdAt: "desc" }, { id: "desc" }],
} as const satisfies Record<string, Prisma.UserOrderByWithRelationInput[]>;
export type SortKey = keyof typeof SORTS;
export const PAGE_SIZE = 25;

export interface UserQuery {
  q?: string;
  orgId?: string;
  role?: Role;
  sort?: SortKey;
  page?: number;
}

export interface UserRow {
  id: string;
  username: string;
  email: string | null;
  displayName: string;
  firstName: string;
  lastName: string;
  role: Role;
  org: { id: string; name: string };
  updatedAt: Date;
}

function assertAdmin(caller: Caller) {
  if (!isAdmin(caller)) throw new ProfileError("FORBIDDEN", sentence("adminsOnly"));
}

function assertWritable() {
  if (isReadOnly()) throw readOnlyError();
}

const aboveOwnRole = () => fieldError("FORBIDDEN", "role", sentence("roleAboveOwn"));

/** Users the caller administers, filtered, sorted and paged. ORG_ADMINs see their organisation only. */
export async function searchUsers(caller: Caller, query: UserQuery) {
  assertAdmin(caller);
  const orgId = caller.role === "ADMIN" ? query.orgId : caller.orgId;
  const where: Prisma.UserWhereInput = {
    ...(orgId && { orgId }),
    ...(query.role && { role: query.role }),
    AND: searchWords(query.q ?? "").map((word) => ({ searchText: { contains: escapeLike(word) } })),
  };
  const client = await db();
  const total = await client.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pageCount);
  const rows: UserRow[] = await client.user.findMany({
    where,
    orderBy: [...SORTS[query.sort ?? "name"]],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      id: true, username: true, email: true, displayName: true, firstName: true, lastName: true, role: true,
      updatedAt: true, org: { select: { id: true, name: true } },
    },
  });
  return { rows, total, page, pageCount };
}

/** LIKE wildcards in a search word are matched literally. */
function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listOrganizations(caller: Caller) {
  assertAdmin(caller);
  const client = await db();
  return client.organization.findMany({
    where: caller.role === "ADMIN" ? {} : { id: caller.orgId },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** Creates a user; returns it with the initial password when one was generated (shown once). */
export async function createUser(caller: Caller, input: unknown): Promise<{ user: Profile; generatedPassword?: string }> {
  assertAdmin(caller);
  assertWritable();
  const { password, orgId: requestedOrg, role, ...profile } = validate(createUserForm, input);
  if (!roleAtMost(role, caller.role)) throw aboveOwnRole();
  const orgId = caller.role === "ADMIN" ? (requestedOrg ?? caller.orgId) : caller.orgId;
  const client = await db();
  if (!(await client.organization.findUnique({ where: { id: orgId }, select: { id: true } }))) {
    throw fieldError("INVALID", "orgId", sentence("chooseOrganisation"));
  }
  if (password) await assertStrongPassword(password, "password", { ...profile, names: [profile.firstName, profile.lastName] });
  const generatedPassword = password ? undefined : generatePassword();
  const passwordHash = await hashPassword(password ?? generatedPassword!);
  try {
    const user = await client.$transaction(async (tx) => {
      // The administrator chose the password: the user chooses their own at first sign-in.
      const created = await tx.user.create({
        data: { ...profile, role, orgId, passwordHash, passwordChangedAt: new Date(), mustChangePassword: true, sequence: 1, searchText: searchText(profile) },
      });
      const changes = Object.fromEntries(
        (["username", ...PROFILE_FIELDS, "role"] as const)
          .filter((f) => created[f] != null)
          .map((f) => [f, { from: null, to: created[f] }]),
      );
      await tx.profileEvent.create({
        data: { userId: created.id, sequence: 1, actorId: caller.id, tokenId: caller.tokenId ?? null, via: "ADMIN", changes },
      });
      // An administrator typed the address: its owner confirms it.
      if (created.email) await sendVerification(tx, created, created.email, { byUser: false });
      return created;
    });
    return { user, generatedPassword };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = String(error.meta?.target ?? error.message);
      throw target.includes("email") ? emailTakenError() : fieldError("CONFLICT", "username", sentence("usernameTaken"));
    }
    throw error;
  }
}

/**
 * Changes a user's role, recorded in their history and security activity; their other sessions
 * end (they sign in again with the new role). Nobody grants a role above their own, and the last
 * ADMIN cannot be demoted (the admin rows are locked, so two admins demoting each other at once
 * cannot both succeed).
 */
export async function changeRole(caller: Caller, targetId: string, input: unknown): Promise<Role> {
  assertAdmin(caller);
  assertWritable();
  const parsed = roleSchema.safeParse(input);
  if (!parsed.success) throw fieldError("INVALID", "role", parsed.error.issues[0]!.message);
  const to = parsed.data;
  const target = await findManaged(caller, targetId);
  if (!roleAtMost(to, caller.role) || !roleAtMost(target.role, caller.role)) throw aboveOwnRole();
  if (to === target.role) return to;
  const client = await db();
  await client.$transaction(async (tx) => {
    if (target.role === "ADMIN") {
      const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'ADMIN' FOR UPDATE`;
      if (admins.length <= 1) {
        throw fieldError("INVALID", "role", sentence("lastAdministrator"));
      }
    }
    const { sequence } = await tx.user.update({ where: { id: target.id }, data: { role: to, sequence: { increment: 1 } }, select: { sequence: true } });
    const changes = { role: { from: target.role, to } };
    await tx.profileEvent.create({ data: { userId: target.id, sequence, actorId: caller.id, tokenId: caller.tokenId ?? null, via: "ADMIN", changes } });
    await endUserSessions(target.id, "role changed", { except: caller.sessionId, tx });
    await recordSecurityEvent("ROLE_CHANGED", { userId: target.id, actorId: caller.id, detail: { from: target.role, to } }, tx);
  });
  return to;
}

/**
 * Sets a new password (typed, or generated and returned once): the user must choose their own at
 * next sign-in, every session of theirs ends and, unless asked not to, their API tokens are
 * revoked. An administrator resetting their own password gives the current one first (and keeps
 * this session and chooses their password themselves).
 */
export async function resetPassword(caller: Caller, targetId: string, input: unknown): Promise<{ generatedPassword?: string; revokedTokens: number }> {
  assertAdmin(caller);
  assertWritable();
  const { password, revokeTokens, currentPassword } = validate(passwordResetForm, input);
  const target = await findManaged(caller, targetId);
  const own = target.id === caller.id;
  if (own) await assertCurrentPassword(target.id, currentPassword, "Enter your current password to change your own");
  if (password) await assertStrongPassword(password, "password", { ...target, names: [target.firstName, target.lastName] });
  const generatedPassword = password ? undefined : generatePassword();
  const passwordHash = await hashPassword(password ?? generatedPassword!);
  const client = await db();
  const revokedTokens = await client.$transaction(async (tx) => {
    await tx.user.update({ where: { id: target.id }, data: { passwordHash, passwordChangedAt: new Date(), mustChangePassword: !own } });
    const { count } = revokeTokens
      ? await tx.apiToken.updateMany({ where: { userId: target.id, revokedAt: null }, data: { revokedAt: new Date() } })
      : { count: 0 };
    const ended = await endUserSessions(target.id, "password changed", { except: caller.sessionId, tx });
    await recordSecurityEvent("PASSWORD_RESET", { userId: target.id, actorId: caller.id, detail: { tokensRevoked: count, sessionsEnded: ended } }, tx);
    return count;
  });
  return { generatedPassword, revokedTokens };
}
