import { db } from "../db/client";
import type { Prisma, SecurityEventType } from "../generated/prisma/client";
import { requestContext } from "../http/request-context";
import { log } from "../log";
import { enqueueMail } from "../mail/outbox";
import { findManaged } from "../profile/target";
import type { Caller } from "../profile/types";

export type { SecurityEventType };

interface EventFacts {
  /** Whose account it concerns; without one the event is only logged. */
  userId?: string | null;
  /** Who did it, when that is someone else (an administrator). */
  actorId?: string | null;
  /** A few words: a token's name, a role, why a session ended. Never a secret. */
  detail?: Record<string, string | number | boolean | null>;
}

/**
 * Records a security event: one log line (with the request id) always, and a row in the user's
 * security activity when the account is known. Pass `tx` to commit it with the change it records.
 */
export async function recordSecurityEvent(type: SecurityEventType, facts: EventFacts, tx?: Prisma.TransactionClient) {
  const context = requestContext();
  const { userId = null, actorId = null, detail = {} } = facts;
  log.info({ event: type, userId, actorId, requestId: context?.id, address: context?.address, ...detail }, "security event");
  if (!userId) return;
  const client = tx ?? (await db());
  await client.securityEvent.create({
    data: { type, userId, actorId, address: context?.address ?? "", userAgent: context?.userAgent ?? "", detail },
  });
  await tellOwner(client, type, userId, facts);
}

/** The events the account's owner is told of by email, at the address in force. */
async function tellOwner(tx: Prisma.TransactionClient, type: SecurityEventType, userId: string, { actorId, detail = {} }: EventFacts) {
  if (type !== "PASSWORD_CHANGED" && type !== "PASSWORD_RESET" && type !== "TOKEN_CREATED") return;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { username: true, displayName: true, email: true } });
  if (!user?.email) return;
  const to = { userId, email: user.email };
  const about = { name: user.displayName, username: user.username, at: new Date() };
  if (type === "TOKEN_CREATED") {
    const expires = typeof detail.expires === "string" ? new Date(detail.expires) : null;
    await enqueueMail(tx, to, "tokenCreated", { ...about, token: String(detail.token), expires });
  } else {
    // An administrator resetting their own password (with their current one) changed it.
    await enqueueMail(tx, to, type === "PASSWORD_RESET" && actorId !== userId ? "passwordReset" : "passwordChanged", about);
  }
}

export interface SecurityEventView {
  id: string;
  type: SecurityEventType;
  createdAt: Date;
  address: string;
  userAgent: string;
  detail: Record<string, unknown>;
  actor: { id: string; displayName: string } | null;
}

/** A user's security activity, newest first: their own, or of a user the caller administers. */
export async function listSecurityEvents(caller: Caller, userId: string, limit = 20): Promise<SecurityEventView[]> {
  await findManaged(caller, userId);
  const client = await db();
  const rows = await client.securityEvent.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, type: true, createdAt: true, address: true, userAgent: true, detail: true, actor: { select: { id: true, displayName: true } } },
  });
  return rows.map((row) => ({ ...row, detail: row.detail as Record<string, unknown> }));
}
