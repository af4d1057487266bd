import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { isAdmin } from "../profile/access";
import { noteCaller } from "../http/request-context";
import { auth } from "./index";
import { loadSession, type SessionUser } from "./session-store";

export type { SessionUser };

/** Where someone whose password an administrator set goes before anything else. */
export const CHANGE_PASSWORD_PATH = "/settings/security";

/**
 * The signed-in person: the session cookie names a live Session row, and the user is read fresh
 * with it (role and organisation may have changed). Once per request, however many ask.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const user = session?.sessionId ? await loadSession(session.sessionId) : null;
  if (user) noteCaller(user.id);
  return user;
});

const loginUrl = (returnTo?: string) => (returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");

/**
 * Guard for pages: the signed-in person, or a redirect to /login that comes back to `returnTo`.
 * Until they replace a password an administrator chose, people see only the page that does that.
 */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(loginUrl(returnTo));
  if (user.mustChangePassword && returnTo !== CHANGE_PASSWORD_PATH) redirect(CHANGE_PASSWORD_PATH);
  return user;
}

/** Guard for admin pages: ORG_ADMIN or ADMIN, else the 403 page. */
export async function requireAdmin(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!isAdmin(user)) forbidden();
  return user;
}

/**
 * Guard for server actions: the signed-in person, or a redirect to /login (nothing is done).
 * Only `passwordChange` actions run while an administrator-set password awaits replacing.
 */
export async function requireCaller({ passwordChange = false } = {}): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(loginUrl());
  if (user.mustChangePassword && !passwordChange) redirect(CHANGE_PASSWORD_PATH);
  return user;
}
