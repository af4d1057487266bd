/**
 * The messages the service sends: each a subject, a plain-text body and a simple HTML body, with
 * the product's name and, where there is a link, when it stops working; in the recipient's
 * language and time zone (the "mail" catalogue). Values are escaped in HTML.
 */
import { directionOf, type Locale } from "../i18n/config";
import { translator } from "../i18n/translate";
import { exactTime } from "../format";

export interface Message {
  subject: string;
  text: string;
  html: string;
}

/** What a template writes with: the recipient's catalogue and their clock. */
export interface Writer {
  locale: Locale;
  t: (key: string, values?: Record<string, string | number>) => string;
  when: (date: Date) => string;
}

export async function writerFor(locale: Locale, timeZone: string): Promise<Writer> {
  const t = await translator(locale, "mail");
  return { locale, t, when: (date) => exactTime(date, locale, timeZone) };
}

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

type Part = string | { link: string; label: string };

/** A message from paragraphs; a link part becomes a button in HTML and the bare address in text. */
function compose({ locale, t }: Writer, subject: string, name: string, parts: Part[]): Message {
  const greeting = t("hello", { name });
  const signature = t("signature");
  const text = [greeting, ...parts.map((p) => (typeof p === "string" ? p : `${p.label}:\n${p.link}`)), signature].join("\n\n");
  const blocks = parts.map((p) =>
    typeof p === "string"
      ? `<p>${escape(p)}</p>`
      : `<p><a href="${escape(p.link)}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#ffffff;border-radius:6px;text-decoration:none">${escape(p.label)}</a></p>` +
        `<p style="font-size:13px;color:#475569">${escape(t("openAddress", { link: p.link }))}</p>`,
  );
  const html =
    `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><body style="font-family:system-ui,sans-serif;color:#0f172a;line-height:1.5;max-width:560px">` +
    `<p>${escape(greeting)}</p>${blocks.join("")}<p style="color:#475569">${escape(signature)}</p></body></html>`;
  return { subject: t("subject", { subject }), text, html };
}

/** "The link works once, for 24 hours (until …)." */
function expiry({ t, when }: Writer, sentAt: Date, expiresAt: Date): string {
  const hours = Math.round((expiresAt.getTime() - sentAt.getTime()) / 3_600_000);
  const duration = hours % 24 === 0 && hours > 24 ? t("days", { count: hours / 24 }) : t("hours", { count: hours });
  return t("expiry", { duration, until: when(expiresAt) });
}

interface Link {
  link: string;
  sentAt: Date;
  expiresAt: Date;
}
type Account = { name: string; username: string };

/** A confirmation: what happened, the button, how long it works, and what to do if it was not them. */
const confirmation = (kind: string) => (w: Writer, p: Link & Account & { email: string }) =>
  compose(w, w.t(`${kind}.subject`), p.name, [
    w.t(`${kind}.body`, { email: p.email, username: p.username }),
    { link: p.link, label: w.t("confirmButton") },
    expiry(w, p.sentAt, p.expiresAt),
    w.t(`${kind}.notYou`),
  ]);

export const templates = {
  /** To the new address of a change the user asked for. */
  confirmNewEmail: confirmation("confirmNewEmail"),
  /** To the address in force, not yet confirmed, when its owner asks for a link. */
  confirmAddress: confirmation("confirmAddress"),
  /** To an address an administrator set (or created the account with). */
  confirmSetEmail: confirmation("confirmSetEmail"),

  /** To the old address once a change the user asked for is confirmed. */
  emailChanged: (w: Writer, p: Link & Account & { email: string }) =>
    compose(w, w.t("emailChanged.subject"), p.name, [
      w.t("emailChanged.body", { email: p.email, username: p.username }),
      w.t("emailChanged.secure"),
      { link: p.link, label: w.t("emailChanged.button") },
      expiry(w, p.sentAt, p.expiresAt),
    ]),

  /** To the old address when an administrator changed it. */
  emailChangedByAdmin: (w: Writer, p: Account & { email: string }) =>
    compose(w, w.t("emailChangedByAdmin.subject"), p.name, [
      w.t("emailChangedByAdmin.body", { email: p.email, username: p.username }),
      w.t("contactIfUnexpected"),
    ]),

  passwordChanged: (w: Writer, p: Account & { at: Date }) =>
    compose(w, w.t("passwordChanged.subject"), p.name, [
      w.t("passwordChanged.body", { username: p.username, at: w.when(p.at) }),
      w.t("passwordChanged.notYou"),
    ]),

  passwordReset: (w: Writer, p: Account & { at: Date }) =>
    compose(w, w.t("passwordReset.subject"), p.name, [
      w.t("passwordReset.body", { username: p.username, at: w.when(p.at) }),
      w.t("contactIfUnexpected"),
    ]),

  tokenCreated: (w: Writer, p: Account & { token: string; expires: Date | null; at: Date }) =>
    compose(w, w.t("tokenCreated.subject"), p.name, [
      `${w.t("tokenCreated.body", { token: p.token, username: p.username, at: w.when(p.at) })} ${
        p.expires ? w.t("tokenCreated.expires", { until: w.when(p.expires) }) : w.t("tokenCreated.noExpiry")
      }`,
      w.t("tokenCreated.notYou"),
    ]),
} satisfies Record<string, (writer: Writer, params: never) => Message>;

export type MailKind = keyof typeof templates;
export type MailParams<K extends MailKind> = Parameters<(typeof templates)[K]>[1];
