import nodemailer from "nodemailer";
import { db } from "../db/client";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { log } from "../log";
import { DEFAULT_LOCALE, matchLocale, validTimeZone } from "../i18n/config";
import { templates, writerFor, type MailKind, type MailParams, type Message, type Writer } from "./templates";

/**
 * The outbox. A message is written in the transaction of the change it tells of, so a change
 * never goes untold and a rolled-back one never tells. A worker in each app instance sends what
 * is due over SMTP (when SMTP_URL is set); without SMTP the messages stay here, for /dev/mail.
 *
 * A worker claims messages with `FOR UPDATE SKIP LOCKED` and a lease, so two instances never
 * send one message twice; a failed attempt is retried with a growing delay, a permanent refusal
 * (an SMTP 5xx) or the eighth failure gives up. A delivered message keeps its envelope but loses
 * its body: the links in it are secrets.
 */

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
}

/** Hands one message to the mail server; throws when it was not accepted. */
export type Send = (mail: OutgoingMail) => Promise<void>;

/**
 * Queues the message a template writes, in the recipient's language and time zone (their
 * preferredLanguage, else English; their browser's zone, else UTC); pass the transaction of the
 * change it tells of.
 */
export async function enqueueMail<K extends MailKind>(
  tx: Prisma.TransactionClient,
  to: { userId: string; email: string },
  kind: K,
  params: MailParams<K>,
): Promise<void> {
  const reader = await tx.user.findUnique({ where: { id: to.userId }, select: { preferredLanguage: true, timeZone: true } });
  const writer = await writerFor(matchLocale(reader?.preferredLanguage) ?? DEFAULT_LOCALE, validTimeZone(reader?.timeZone) ?? "UTC");
  const message = (templates[kind] as (w: Writer, p: MailParams<K>) => Message)(writer, params);
  await tx.mail.create({ data: { userId: to.userId, to: to.email, kind, ...message, nextAttemptAt: new Date() }, select: { id: true } });
}

const LEASE_MS = 5 * 60_000; // longer than any one SMTP exchange may take (timeouts below)
export const MAX_ATTEMPTS = 8;

/** How long to wait after the nth failed attempt: 30 s, 1 min, 2 min, … at most an hour. */
export const retryDelayMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);

/** Sends up to `limit` due messages; answers how many were taken, sent and given up on. */
export async function deliverDue(send: Send, limit = 10): Promise<{ claimed: number; sent: number; failed: number }> {
  const client = await db();
  const now = new Date();
  const claimed = await client.$queryRaw<OutgoingMail[]>`
    UPDATE "Mail" SET "claimedUntil" = ${new Date(now.getTime() + LEASE_MS)}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "Mail"
      WHERE "sentAt" IS NULL AND "failedAt" IS NULL AND "nextAttemptAt" <= ${now}
        AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})
      ORDER BY "nextAttemptAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "to", "subject", "text", "html", "attempts"`;
  let sent = 0;
  let failed = 0;
  for (const mail of claimed) {
    try {
      await send(mail);
      await client.mail.update({ where: { id: mail.id }, data: { sentAt: new Date(), claimedUntil: null, lastError: null, text: "", html: "" } });
      sent++;
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      const giveUp = (code !== undefined && code >= 500) || mail.attempts >= MAX_ATTEMPTS;
      const reason = error instanceof Error ? error.message.slice(0, 500) : String(error);
      await client.mail.update({
        where: { id: mail.id },
        data: { claimedUntil: null, lastError: reason, nextAttemptAt: new Date(Date.now() + retryDelayMs(mail.attempts)), failedAt: giveUp ? new Date() : null },
      });
      log.warn({ mailId: mail.id, attempt: mail.attempts, gaveUp: giveUp, reason }, "mail not sent");
      if (giveUp) failed++;
    }
  }
  return { claimed: claimed.length, sent, failed };
}

/** A sender over SMTP, from SMTP_URL and MAIL_FROM. */
export function smtpSender(url: string, from: string): Send {
  const transport = nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
  const domain = /@([^>\s]+)>?$/.exec(from)?.[1] ?? "localhost";
  return async (mail) => {
    // The outbox id in the Message-ID: a receiver can tell a repeat from a new message.
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: `<${mail.id}@${domain}>` });
  };
}

const POLL_MS = 2_000;
const worker = globalThis as typeof globalThis & { __mailWorker?: NodeJS.Timeout };

/** Starts this instance's outbox worker, when mail leaves the machine (SMTP_URL). */
export function startMailWorker(): void {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) {
    log.info("SMTP_URL is not set: mail is kept in the database and shown to administrators at /dev/mail");
    return;
  }
  if (worker.__mailWorker) return;
  const send = smtpSender(SMTP_URL, MAIL_FROM);
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      while ((await deliverDue(send)).claimed > 0); // until nothing is due
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : String(error) }, "mail worker: the outbox could not be read");
    } finally {
      busy = false;
    }
  };
  worker.__mailWorker = setInterval(tick, POLL_MS);
  worker.__mailWorker.unref();
}

/** The newest messages, for the development outbox (/dev/mail). */
export async function recentMail(limit: number) {
  const client = await db();
  return client.mail.findMany({ orderBy: { createdAt: "desc" }, take: limit, select: { id: true, to: true, subject: true, text: true, createdAt: true } });
}
