import type { Caller } from "./types";

/** Whether the caller may know that the target exists at all (else: NOT_FOUND, never FORBIDDEN). */
export function canSee(caller: Caller, target: { id: string; orgId: string }): boolean {
  return caller.role === "ADMIN" || caller.orgId === target.orgId || caller.id === target.id;
}

/** Whether the caller may read and change the target's profile. */
export function canManage(caller: Caller, target: { id: string; orgId: string }): boolean {
  if (caller.id === target.id || caller.role === "ADMIN") return true;
  return caller.role === "ORG_ADMIN" && caller.orgId === target.orgId;
}
