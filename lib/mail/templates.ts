/**
 * The messages the service sends: each a subject, a plain-text body and a simple HTML body, with
 * the product's name and, where there is a link, when it stops working. Values are escaped in HTML.
 */
import { exactTime } from "../format";

export interface Message {
  subject: string;
  text: string;
  html: string;
}

export const PRODUCT = "Profiles";

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const when = exactTime;

/** How long a link works, in words: "24 hours", "7 days". */
function lasting(from: Date, until: Date): string {
  const hours = Math.round((until.getTime() - from.getTime()) / 3_600_000);
  return hours % 24 === 0 && hours > 24 ? `${hours / 24} days` : `${hours} hours`;
}

type Part = string | { link: string; label: string };

/** A message from paragraphs; a link part becomes a button in HTML and the bare address in text. */
function compose(subject: string, greeting: string, parts: Part[]): Message {
  const text = [greeting, ...parts.map((p) => (typeof p === "string" ? p : `${p.label}:\n${p.link}`)), `— ${PRODUCT}`].join("\n\n");
  const blocks = parts.map((p) =>
    typeof p === "string"
      ? `<p>${escape(p)}</p>`
      : `<p><a href="${escape(p.link)}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#ffffff;border-radius:6px;text-decoration:none">${escape(p.label)}</a></p>` +
        `<p style="font-size:13px;color:#475569">Or open this address: ${escape(p.link)}</p>`,
  );
  const html =
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;line-height:1.5;max-width:560px">` +
    `<p>${escape(greeting)}</p>${blocks.join("")}<p style="color:#475569">— ${PRODUCT}</p></body></html>`;
  return { subject: `${PRODUCT}: ${subject}`, text, html };
}

const hello = (name: string) => `Hello ${name},`;
const expiry = (sentAt: Date, expiresAt: Date) => `The link works once, for ${lasting(sentAt, expiresAt)} (until ${when(expiresAt)}).`;
const NOT_YOU = "If you did not ask for this, ignore this message: nothing changes.";

interface Link {
  link: string;
  sentAt: Date;
  expiresAt: Date;
}

export const templates = {
  /** To the new address of a change the user asked for. */
  confirmNewEmail: (p: Link & { name: string; username: string; email: string }) =>
    compose("confirm your new email address", hello(p.name), [
      `You asked to use ${p.email} for your account "${p.username}". Your email changes when you confirm it.`,
      { link: p.link, label: "Confirm this address" },
      expiry(p.sentAt, p.expiresAt),
      NOT_YOU,
    ]),

  /** To the address in force, not yet confirmed, when its owner asks for a link. */
  confirmAddress: (p: Link & { name: string; username: string; email: string }) =>
    compose("confirm your email address", hello(p.name), [
      `Confirm that ${p.email} is the email address of your account "${p.username}".`,
      { link: p.link, label: "Confirm this address" },
      expiry(p.sentAt, p.expiresAt),
      NOT_YOU,
    ]),

  /** To an address an administrator set (or created the account with). */
  confirmSetEmail: (p: Link & { name: string; username: string; email: string }) =>
    compose("confirm your email address", hello(p.name), [
      `An administrator set ${p.email} as the email of your account "${p.username}". Confirm that it is yours.`,
      { link: p.link, label: "Confirm this address" },
      expiry(p.sentAt, p.expiresAt),
      "If this account is not yours, ignore this message or tell your administrator.",
    ]),

  /** To the old address once a change the user asked for is confirmed. */
  emailChanged: (p: Link & { name: string; username: string; email: string }) =>
    compose("your email address was changed", hello(p.name), [
      `The email of your account "${p.username}" is now ${p.email}. This address is no longer used for it.`,
      "If that was not you, secure your account: the link puts this address back, signs out every session and revokes every API token.",
      { link: p.link, label: "This was not me" },
      expiry(p.sentAt, p.expiresAt),
    ]),

  /** To the old address when an administrator changed it. */
  emailChangedByAdmin: (p: { name: string; username: string; email: string }) =>
    compose("your email address was changed", hello(p.name), [
      `An administrator changed the email of your account "${p.username}" to ${p.email}. This address is no longer used for it.`,
      "If you did not expect this, contact your administrator.",
    ]),

  passwordChanged: (p: { name: string; username: string; at: Date }) =>
    compose("your password was changed", hello(p.name), [
      `The password of your account "${p.username}" was changed on ${when(p.at)}. Your other sessions were signed out.`,
      "If that was not you, contact your administrator at once.",
    ]),

  passwordReset: (p: { name: string; username: string; at: Date }) =>
    compose("your password was reset", hello(p.name), [
      `An administrator reset the password of your account "${p.username}" on ${when(p.at)}, and your sessions were signed out. Ask them for the new password; you choose your own at the next sign-in.`,
      "If you did not expect this, contact your administrator.",
    ]),

  tokenCreated: (p: { name: string; username: string; token: string; expires: Date | null; at: Date }) =>
    compose("a new API token was created", hello(p.name), [
      `An API token named "${p.token}" was created for your account "${p.username}" on ${when(p.at)}. ${p.expires ? `It works until ${when(p.expires)}.` : "It does not expire."}`,
      "If that was not you, revoke it under Settings → API tokens and change your password.",
    ]),
} satisfies Record<string, (params: never) => Message>;

export type MailKind = keyof typeof templates;
