import { cache } from "react";
import { db } from "../db/client";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { requestContext } from "../http/request-context";
import { findManaged } from "../profile/target";
import type { Caller } from "../profile/types";
import { recordSecurityEvent } from "./events";

/** The signed-in person as every page and server action sees them. */
export interface SessionUser extends Caller {
  username: string;
  displayName: string;
  /** The browser session this request belongs to. */
  sessionId: string;
  /** An administrator chose the password: nothing but choosing a new one until that is done. */
  mustChangePassword: boolean;
  /** The language and time zone pages are written in (lib/i18n/request.ts). */
  preferredLanguage?: string | null;
  timeZone?: string | null;
}

type EndReason = "signed out" | "ended by the user" | "ended by an administrator" | "password changed" | "role changed" | "email change reported" | "idle" | "expired";

const LAST_SEEN_GRANULARITY_MS = 60_000;
const idleMs = () => env().SESSION_IDLE_MINUTES * 60_000;
const lifetimeMs = () => env().SESSION_MAX_HOURS * 3_600_000;

/** Starts a browser session for a user who just proved who they are; its id goes into the cookie. */
export async function startSession(userId: string): Promise<string> {
  const context = requestContext();
  const client = await db();
  const session = await client.session.create({
    data: { userId, userAgent: context?.userAgent ?? "", address: context?.address ?? "" },
    select: { id: true },
  });
  await recordSecurityEvent("SIGN_IN", { userId, detail: { session: session.id } });
  return session.id;
}

/**
 * The session's user if the session is live: not ended, used within the idle time and younger
 * than the absolute lifetime; else null (and a session found expired is ended). Once per request.
 */
export const loadSession = cache(async (sessionId: string): Promise<SessionUser | null> => {
  const client = await db();
  const row = await client.session.findUnique({
    where: { id: sessionId },
    select: {
      createdAt: true, lastSeenAt: true, endedAt: true,
      user: {
        select: {
          id: true, orgId: true, role: true, username: true, displayName: true, mustChangePassword: true, preferredLanguage: true, timeZone: true,
        },
      },
    },
  });
  if (!row || row.endedAt) return null;
  const now = Date.now();
  const expired = now - row.createdAt.getTime() > lifetimeMs() ? "expired" : now - row.lastSeenAt.getTime() > idleMs() ? "idle" : null;
  if (expired) {
    await endWhere({ id: sessionId }, expired);
    return null;
  }
  if (now - row.lastSeenAt.getTime() > LAST_SEEN_GRANULARITY_MS) {
    await client.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(now) } });
  }
  return { ...row.user, sessionId };
});

/** Ends the sessions `where` selects that are still live; returns how many. */
async function endWhere(where: Prisma.SessionWhereInput, reason: EndReason, tx?: Prisma.TransactionClient): Promise<number> {
  const client = tx ?? (await db());
  const { count } = await client.session.updateMany({ where: { ...where, endedAt: null }, data: { endedAt: new Date(), endReason: reason } });
  return count;
}

/** Sign-out: the session is over on the server, not only in this browser. */
export async function endOwnSession(sessionId: string): Promise<void> {
  const client = await db();
  const session = await client.session.findUnique({ where: { id: sessionId }, select: { userId: true } });
  if (session && (await endWhere({ id: sessionId }, "signed out"))) {
    await recordSecurityEvent("SIGNED_OUT", { userId: session.userId, detail: { session: sessionId } });
  }
}

/**
 * Ends a user's sessions (all of them, or all but `except`, the caller's current one). Inside a
 * transaction when `tx` is given, so they end with the change that ends them.
 */
export async function endUserSessions(userId: string, reason: EndReason, { except, tx }: { except?: string; tx?: Prisma.TransactionClient } = {}) {
  return endWhere({ userId, ...(except && { id: { not: except } }) }, reason, tx);
}

/** Who ends a user's sessions: the user, or an administrator (who is then named in the event). */
const endedBy = (caller: SessionUser, userId: string) =>
  userId === caller.id ? { reason: "ended by the user" as const, actorId: null } : { reason: "ended by an administrator" as const, actorId: caller.id };

/** One session of the user's own, or of a user the caller administers, ended by the caller. */
export async function endSession(caller: SessionUser, sessionId: string): Promise<void> {
  const client = await db();
  const session = await client.session.findUnique({ where: { id: sessionId }, select: { userId: true } });
  if (!session) return;
  await findManaged(caller, session.userId);
  const { reason, actorId } = endedBy(caller, session.userId);
  if (await endWhere({ id: sessionId }, reason)) {
    await recordSecurityEvent("SESSION_ENDED", { userId: session.userId, actorId, detail: { session: sessionId } });
  }
}

/** "Sign out everywhere": every session of the user but the caller's current one. */
export async function endAllSessions(caller: SessionUser, userId: string): Promise<number> {
  await findManaged(caller, userId);
  const { reason, actorId } = endedBy(caller, userId);
  const count = await endUserSessions(userId, reason, { except: caller.sessionId });
  if (count) await recordSecurityEvent("SESSION_ENDED", { userId, actorId, detail: { sessions: count } });
  return count;
}

export interface SessionView {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string;
  address: string;
}

/** The user's live sessions, most recently used first. */
export async function listSessions(caller: Caller, userId: string): Promise<SessionView[]> {
  await findManaged(caller, userId);
  const client = await db();
  const now = Date.now();
  return client.session.findMany({
    where: {
      userId,
      endedAt: null,
      createdAt: { gt: new Date(now - lifetimeMs()) },
      lastSeenAt: { gt: new Date(now - idleMs()) },
    },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, address: true },
  });
}
