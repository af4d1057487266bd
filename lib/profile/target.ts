import { db } from "../db/client";
import { canManage, canSee } from "./access";
import { ERROR_MESSAGES, ProfileError } from "./errors";
import type { Caller, Profile } from "./types";

export const PROFILE_SELECT = {
  id: true, username: true, orgId: true, email: true, firstName: true, lastName: true, nickName: true,
  displayName: true, preferredLanguage: true, gender: true, role: true, sequence: true, createdAt: true,
  updatedAt: true,
} as const;

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
    throw new ProfileError("NOT_FOUND", ERROR_MESSAGES.userNotFound(name));
  }
  if (!canManage(caller, user)) throw new ProfileError("FORBIDDEN", "You may not access this user's profile");
  return user;
}

