import crypto from "node:crypto";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { env } from "../env";
import { Prisma, type EmailTokenPurpose } from "../generated/prisma/client";
import { enqueueMail } from "../mail/outbox";
import { recordSecurityEvent } from "../auth/events";
import { endUserSessions } from "../auth/session-store";
import { waitValues, emailTakenError, ProfileError, readOnlyError } from "./errors";
import { lockManaged } from "./target";
import type { Caller, ChangeVia, EventChanges, Profile } from "./types";
import { writeLockedVersion } from "./version";
import { sentence } from "../i18n/sentence";

/**
 * Email addresses are proven before they count. A person changing their own email gets a
 * *pending* address and a link sent to it; the address in force (what every GET answers, what
 * signs in) changes only when the link is opened. An administrator's change takes effect at once,
 * unverified, and both addresses are told. The old address of a confirmed change gets a link to
 * undo it. Links are single-use, expire, and only their sha256 is stored.
 */

const HOUR_MS = 3_600_000;
const VERIFY_MS = 24 * HOUR_MS;
const REPORT_MS = 7 * 24 * HOUR_MS;
/** Links a person may have sent to themselves in an hour (each one is a message to any address). */
const LINKS_PER_HOUR = 5;

export const LINK_PATHS: Record<EmailTokenPurpose, string> = { VERIFY: "/email/verify", REPORT: "/email/report" };

/** Why a link does nothing, in the words its page uses. */
export const LINK_MESSAGES = {
  unknown: sentence("linkUnknown"),
  expired: sentence("linkExpired"),
  used: sentence("linkUsed"),
  replaced: sentence("linkReplaced"),
};
export type LinkProblem = keyof typeof LINK_MESSAGES;

const hash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

const isSelf = (caller: Caller, user: { id: string }) => caller.id === user.id;

/** The live (unused, uncancelled, unexpired) links of one purpose for a user. */
const live = (userId: string, purpose: EmailTokenPurpose, now = new Date()) =>
  ({ userId, purpose, usedAt: null, cancelledAt: null, expiresAt: { gt: now } }) satisfies Prisma.EmailTokenWhereInput;

/** A new link for `purpose`, stored hashed; returns the address it opens. */
async function createLink(tx: Prisma.TransactionClient, userId: string, purpose: EmailTokenPurpose, email: string, sentAt: Date, lifetime: number) {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(sentAt.getTime() + lifetime);
  await tx.emailToken.create({ data: { userId, purpose, email, tokenHash: hash(token), expiresAt }, select: { id: true } });
  return { link: `${env().APP_URL}${LINK_PATHS[purpose]}?token=${token}`, expiresAt };
}

/** People may send themselves a few links an hour; an administrator's changes are not counted. */
async function assertMayAskForLink(tx: Prisma.TransactionClient, userId: string, now: Date) {
  const recent = await tx.emailToken.findMany({
    where: { userId, purpose: "VERIFY", createdAt: { gt: new Date(now.getTime() - HOUR_MS) } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (recent.length < LINKS_PER_HOUR) return;
  const retryAfter = Math.max(1, Math.ceil((recent[0]!.createdAt.getTime() + HOUR_MS - now.getTime()) / 1000));
  throw new ProfileError("RATE_LIMITED", sentence("tooManyLinks", waitValues(retryAfter)), { retryAfter });
}

/** Sends a link proving `email` to it, replacing any earlier live one (and with it a pending change). */
export async function sendVerification(tx: Prisma.TransactionClient, user: Profile, email: string, { byUser }: { byUser: boolean }) {
  const sentAt = new Date();
  if (byUser) await assertMayAskForLink(tx, user.id, sentAt);
  await tx.emailToken.updateMany({ where: live(user.id, "VERIFY", sentAt), data: { cancelledAt: sentAt } });
  const { link, expiresAt } = await createLink(tx, user.id, "VERIFY", email, sentAt, VERIFY_MS);
  const params = { name: user.displayName, username: user.username, email, link, sentAt, expiresAt };
  const kind = !byUser ? "confirmSetEmail" : email === user.email ? "confirmAddress" : "confirmNewEmail";
  await enqueueMail(tx, { userId: user.id, email }, kind, params);
}

const isTaken = async (tx: Prisma.TransactionClient, email: string, userId: string) =>
  (await tx.user.findFirst({ where: { email, id: { not: userId } }, select: { id: true } })) !== null;

async function assertFree(tx: Prisma.TransactionClient, email: string, userId: string) {
  if (await isTaken(tx, email, userId)) throw emailTakenError();
}

/** The columns that put `to` in force, verified or not, and the history entries for what that changes. */
function emailInForce(current: Profile, to: string, verified: boolean) {
  const changes: EventChanges = {};
  if (to !== current.email) changes.email = { from: current.email, to };
  if (current.emailVerified !== verified) changes.emailVerified = { from: String(current.emailVerified), to: String(verified) };
  return { data: { email: to, emailVerified: verified }, changes };
}

/** The change the user asked for and has not confirmed yet, if any. */
async function pendingOf(tx: Prisma.TransactionClient, user: Profile) {
  return tx.emailToken.findFirst({
    where: { ...live(user.id, "VERIFY"), email: { not: user.email ?? "" } },
    orderBy: { createdAt: "desc" },
    select: { email: true, createdAt: true, expiresAt: true },
  });
}

/**
 * An email change inside a profile update (the caller holds the row lock). Their own: the address
 * becomes pending and the event says so. Someone else's (an administrator): it takes effect at
 * once, unverified unless the administrator vouches for it (ZITADEL's isEmailVerified), and both
 * addresses are told. Answers the columns and event entries to write.
 */
export async function changeEmail(tx: Prisma.TransactionClient, caller: Caller, current: Profile, to: string, { verified = false } = {}) {
  await assertFree(tx, to, current.id);
  if (isSelf(caller, current)) {
    const before = await pendingOf(tx, current);
    await sendVerification(tx, current, to, { byUser: true });
    return { data: {}, changes: { pendingEmail: { from: before?.email ?? null, to } }, pendingEmail: to };
  }
  if (verified) await tx.emailToken.updateMany({ where: live(current.id, "VERIFY"), data: { cancelledAt: new Date() } });
  else await sendVerification(tx, current, to, { byUser: false });
  if (current.email) {
    await enqueueMail(tx, { userId: current.id, email: current.email }, "emailChangedByAdmin", { name: current.displayName, username: current.username, email: to });
  }
  return { ...emailInForce(current, to, verified), pendingEmail: undefined };
}

/** Nobody proves their own address by saying so: only the link sent to it does (cf. ZITADEL CVE-2026-27946). */
export function assertMayVouch(caller: Caller, target: { id: string } | string) {
  if (caller.id === (typeof target === "string" ? target : target.id)) {
    throw new ProfileError("FORBIDDEN", sentence("ownEmailVerified"));
  }
}

export interface EmailStatus {
  email: string | null;
  verified: boolean;
  /** A change the user asked for, waiting for its link. */
  pending: { email: string; sentAt: Date; expiresAt: Date } | null;
}

/** The address in force, whether it is confirmed, and a change waiting for confirmation (of a profile the caller has read). */
export async function emailStatus(user: Profile): Promise<EmailStatus> {
  const pending = await pendingOf(await db(), user);
  return {
    email: user.email,
    verified: user.emailVerified,
    pending: pending && { email: pending.email, sentAt: pending.createdAt, expiresAt: pending.expiresAt },
  };
}

/** Runs `fn` on the caller's own locked row (not in read-only mode); unique-index races become "email taken". */
async function onOwnRow<T>(userId: string, caller: Caller, fn: (tx: Prisma.TransactionClient, user: Profile) => Promise<T>): Promise<T> {
  if (env().IDENTITY_READ_ONLY) throw readOnlyError();
  const client = await db();
  try {
    return await client.$transaction(async (tx) => fn(tx, await lockManaged(tx, caller, userId)), { maxWait: 10_000, timeout: 10_000 });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTakenError();
    throw error;
  }
}

/** Sends the link again (a new one): for the pending change, else for the unconfirmed address in force. */
export async function resendEmailLink(caller: Caller): Promise<string> {
  return onOwnRow(caller.id, caller, async (tx, user) => {
    const email = (await pendingOf(tx, user))?.email ?? (user.emailVerified ? null : user.email);
    if (!email) throw new ProfileError("INVALID", sentence(user.email ? "emailAlreadyConfirmed" : "noEmailToConfirm"));
    await sendVerification(tx, user, email, { byUser: true });
    return email;
  });
}

/** Cancels the pending change: its link stops working, and the history says so. */
export async function cancelEmailChange(caller: Caller, via: ChangeVia = "UI"): Promise<string | null> {
  return onOwnRow(caller.id, caller, async (tx, user) => {
    const pending = await pendingOf(tx, user);
    if (!pending) return null;
    await tx.emailToken.updateMany({ where: live(user.id, "VERIFY"), data: { cancelledAt: new Date() } });
    await writeLockedVersion(tx, caller, user, { data: {}, changes: { pendingEmail: { from: pending.email, to: null } }, via });
    return pending.email;
  });
}

/** What a link is and whether it still works, for its page (no session needed). */
export async function inspectLink(purpose: EmailTokenPurpose, token: string) {
  const client = await db();
  const row = await client.emailToken.findUnique({
    where: { tokenHash: hash(token) },
    select: { id: true, purpose: true, email: true, expiresAt: true, usedAt: true, cancelledAt: true, user: { select: { id: true, orgId: true, role: true, username: true, email: true } } },
  });
  let problem: LinkProblem | null = null;
  if (!row || row.purpose !== purpose) problem = "unknown";
  else if (row.usedAt) problem = "used";
  else if (row.cancelledAt) problem = "replaced";
  else if (row.expiresAt <= new Date()) problem = "expired";
  return { row: problem ? null : row!, problem };
}

/** The link's row, if it still works; else the reason it does not, as an error. */
async function openLink(purpose: EmailTokenPurpose, token: string) {
  const { row, problem } = await inspectLink(purpose, token);
  if (!row) throw new ProfileError("NOT_FOUND", LINK_MESSAGES[problem!]);
  const asUser: Caller = { id: row.user.id, orgId: row.user.orgId, role: row.user.role };
  return { row, asUser };
}

/** Marks the link used, in the transaction that acts on it: a second click finds it used. */
async function useLink(tx: Prisma.TransactionClient, id: string) {
  const { count } = await tx.emailToken.updateMany({ where: { id, usedAt: null, cancelledAt: null }, data: { usedAt: new Date() } });
  if (!count) throw new ProfileError("NOT_FOUND", LINK_MESSAGES.used);
}

/**
 * The link sent to an address was opened: the address is proven. A pending change takes effect
 * now (if the address is still free), and the old address is told, with a link to undo it.
 */
export async function confirmEmail(token: string): Promise<{ email: string; changed: boolean }> {
  const { row, asUser } = await openLink("VERIFY", token);
  return onOwnRow(row.user.id, asUser, async (tx, user) => {
    await useLink(tx, row.id);
    const change = emailInForce(user, row.email, true);
    if (row.email === user.email) {
      // The address in force, proven: only its verification changes (if it was not already).
      if (change.changes.emailVerified) await writeLockedVersion(tx, asUser, user, { ...change, via: "EMAIL_LINK" });
      return { email: row.email, changed: false };
    }
    await assertFree(tx, row.email, user.id);
    await writeLockedVersion(tx, asUser, user, { ...change, via: "EMAIL_LINK" });
    await tx.emailToken.updateMany({ where: live(user.id, "VERIFY"), data: { cancelledAt: new Date() } });
    if (user.email) {
      const sentAt = new Date();
      const { link, expiresAt } = await createLink(tx, user.id, "REPORT", user.email, sentAt, REPORT_MS);
      await enqueueMail(tx, { userId: user.id, email: user.email }, "emailChanged", { name: user.displayName, username: user.username, email: row.email, link, sentAt, expiresAt });
    }
    return { email: row.email, changed: true };
  });
}

export interface ReportOutcome {
  /** The address put back, or null when another account has taken it since. */
  restored: string | null;
  sessionsEnded: number;
  tokensRevoked: number;
}

/**
 * "This was not me", from the old address of a confirmed change: the address is put back (if no
 * one else has it now), every session ends and every API token is revoked; administrators see it
 * in the user's security activity.
 */
export async function reportEmailChange(token: string): Promise<ReportOutcome> {
  const { row, asUser } = await openLink("REPORT", token);
  return onOwnRow(row.user.id, asUser, async (tx, user) => {
    await useLink(tx, row.id);
    const now = new Date();
    await tx.emailToken.updateMany({ where: live(user.id, "VERIFY", now), data: { cancelledAt: now } });
    const restored = (await isTaken(tx, row.email, user.id)) ? null : row.email;
    if (restored && restored !== user.email) await writeLockedVersion(tx, asUser, user, { ...emailInForce(user, restored, true), via: "EMAIL_LINK" });
    const sessionsEnded = await endUserSessions(user.id, "email change reported", { tx });
    const { count: tokensRevoked } = await tx.apiToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    await recordSecurityEvent("EMAIL_CHANGE_REPORTED", { userId: user.id, detail: { restored, sessionsEnded, tokensRevoked } }, tx);
    return { restored, sessionsEnded, tokensRevoked };
  });
}
