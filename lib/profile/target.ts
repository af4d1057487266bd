import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { canManage, canSee } from "./access";
import { sentence } from "../i18n/sentence";
import { ProfileError } from "./errors";
import type { Caller, Profile } from "./types";

export const PROFILE_SELECT = {
  id: true, username: true, orgId: true, email: true, emailVerified: true, firstName: true, lastName: true, nickName: true,
  displayName: true, preferredLanguage: true, gender: true, role: true, sequence: true, createdAt: true,
  updatedAt: true,
} as const;

/** A user by id, or by username (Camunda's user id). */
export type Target = string | { username: string };

export interface Scope {
  /** Only users of this organisation exist for the request (ZITADEL's x-zitadel-orgid). */
  orgId?: string;
}

const nameOf = (target: Target) => (typeof target === "string" ? target : target.username);

/** The profile's columns that are PostgreSQL enums, by their type's name: raw SQL reads them as text and writes text cast to the type. */
export const PROFILE_ENUMS: Partial<Record<keyof Profile, string>> = { gender: "Gender", role: "Role" };

/**
 * The profile's columns for raw SQL (of the table `alias`, if given), enums as text as Prisma's
 * select reads them: for the queries that read a profile in a statement of their own.
 */
export function profileColumns(alias?: string): Prisma.Sql {
  const of = alias ? `${alias}.` : "";
  return Prisma.raw(
    Object.keys(PROFILE_SELECT)
      .map((column) => (column in PROFILE_ENUMS ? `${of}"${column}"::text AS "${column}"` : `${of}"${column}"`))
      .join(", "),
  );
}

/** Whether `user`, already read, is the target and one the caller may manage in the scope: assertManaged's rules, as a yes or no. */
export function isManagedTarget(caller: Caller, target: Target, user: Profile, scope: Scope): boolean {
  const isTarget = typeof target === "string" ? target === user.id : target.username === user.username;
  return isTarget && canSee(caller, user) && (!scope.orgId || user.orgId === scope.orgId) && canManage(caller, user);
}

/** The user found for the target, if the caller may manage it: NOT_FOUND when they may not even see it, else FORBIDDEN. */
function assertManaged(caller: Caller, target: Target, user: Profile | null | undefined, scope: Scope): Profile {
  if (!user || !canSee(caller, user) || (scope.orgId && user.orgId !== scope.orgId)) {
    throw new ProfileError("NOT_FOUND", sentence("userNotFound", { id: nameOf(target) }));
  }
  if (!canManage(caller, user)) throw new ProfileError("FORBIDDEN", sentence("noAccessToUser"));
  return user;
}

/** The target, if the caller may manage it: NOT_FOUND when they may not even see it, else FORBIDDEN. */
export async function findManaged(caller: Caller, target: Target, scope: Scope = {}): Promise<Profile> {
  const client = await db();
  const where = typeof target === "string" ? { id: target } : { username: target.username };
  return assertManaged(caller, target, await client.user.findUnique({ where, select: PROFILE_SELECT }), scope);
}

/** The profile's columns of "User", for raw statements that read or return a whole profile. */
export const PROFILE_COLUMNS = profileColumns();

/** As findManaged, locking the row until the transaction ends (writers queue on it). */
export async function lockManaged(tx: Prisma.TransactionClient, caller: Caller, target: Target, scope: Scope = {}): Promise<Profile> {
  const where = typeof target === "string" ? Prisma.sql`"id" = ${target}` : Prisma.sql`"username" = ${target.username}`;
  const [user] = await tx.$queryRaw<Profile[]>`SELECT ${PROFILE_COLUMNS} FROM "User" WHERE ${where} FOR UPDATE`;
  return assertManaged(caller, target, user, scope);
}

