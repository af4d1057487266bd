import { ProfileError } from "./errors";
import { ROLES } from "./schema";
import type { Caller, Role } from "./types";
import { sentence } from "../i18n/sentence";

/** Whether `role` is at most `than`: nobody grants or manages above their own role. */
export function roleAtMost(role: Role, than: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(than);
}

/** The roles `role` may grant: its own and those below. */
export function grantableRoles(role: Role): Role[] {
  return ROLES.filter((r) => roleAtMost(r, role));
}

export function isAdmin(caller: Caller): boolean {
  return caller.role === "ADMIN" || caller.role === "ORG_ADMIN";
}

/** Whether the caller may know that the target exists at all (else: NOT_FOUND, never FORBIDDEN). */
export function canSee(caller: Caller, target: { id: string; orgId: string }): boolean {
  return caller.role === "ADMIN" || caller.orgId === target.orgId || caller.id === target.id;
}

/** Whether the caller may read and change the target: self; ADMIN anyone; ORG_ADMIN their organisation, up to their own role. */
export function canManage(caller: Caller, target: { id: string; orgId: string; role: Role }): boolean {
  if (caller.id === target.id || caller.role === "ADMIN") return true;
  return caller.role === "ORG_ADMIN" && caller.orgId === target.orgId && roleAtMost(target.role, "ORG_ADMIN");
}

/** Selecting an organisation (x-zitadel-orgid): one's own, or any for an ADMIN. */
export function canSelectOrg(caller: Caller, orgId: string): boolean {
  return caller.role === "ADMIN" || caller.orgId === orgId;
}

/**
 * The organisation a management request works in: the x-zitadel-orgid header, else the caller's own.
 * Selecting one the caller may not administer is FORBIDDEN.
 */
export function selectOrganisation(caller: Caller, header: string | null): string {
  const orgId = header?.trim() || caller.orgId;
  if (!canSelectOrg(caller, orgId)) {
    throw new ProfileError("FORBIDDEN", sentence("noAccessToOrganisation", { orgId }));
  }
  return orgId;
}
