import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { isAdmin } from "../profile/access";
import { db } from "../db/client";
import type { Caller } from "../profile/types";
import { auth } from "./index";

export interface SessionUser extends Caller {
  username: string;
  displayName: string;
}

/**
 * The signed-in person, read fresh from the database (role and organisation may have changed);
 * once per request, however many components ask.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!session || !id) return null;
  const client = await db();
  const user = await client.user.findUnique({
    where: { id },
    select: { id: true, orgId: true, role: true, username: true, displayName: true, passwordChangedAt: true },
  });
  if (!user) return null;
  const { passwordChangedAt, ...rest } = user;
  // A password reset ends the sessions signed in before it (JWTs cannot be recalled otherwise).
  if (passwordChangedAt && session.signedInAt < passwordChangedAt.getTime()) return null;
  return rest;
});

const loginUrl = (returnTo?: string) => (returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");

/** Guard for pages: the signed-in person, or a redirect to /login that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(loginUrl(returnTo));
  return user;
}

/** Guard for admin pages: ORG_ADMIN or ADMIN, else the 403 page. */
export async function requireAdmin(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!isAdmin(user)) forbidden();
  return user;
}

/** Guard for server actions: the signed-in person, or a redirect to /login (nothing is done). */
export async function requireCaller(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(loginUrl());
  return user;
}
