import type { Locale } from "./config";

/**
 * The message catalogues: one JSON file per language and area (messages/<locale>/<namespace>.json),
 * so each area's sentences sit together and translators work one language at a time.
 */
export const NAMESPACES = [
  "common", "sentences", "fields", "login", "profile", "email", "security", "tokens", "admin", "mail", "docs",
] as const;
export type Namespace = (typeof NAMESPACES)[number];
export type Messages = Record<Namespace, Record<string, unknown>>;

/**
 * The parts of the catalogues that code in the browser reads: the namespaces its useTranslations
 * calls name (tests/i18n.test.ts checks this list against every module a "use client" file
 * reaches). Only these go into the page (app/layout.tsx); the text server components render, the
 * mail and the docs' prose stay on the server instead of riding along in every page's HTML.
 */
export const BROWSER_NAMESPACES = [
  "common", "sentences", "fields",
  "login.form", "profile.form", "profile.conflict", "email.link", "email.status",
  "security.password", "security.sessions", "tokens.create", "tokens.list", "tokens.revoke",
  "admin.create", "admin.passwordReset", "admin.roleForm", "docs.interactive",
] as const;

/** The browser's share of a language's catalogues: the groups BROWSER_NAMESPACES names. */
export function browserMessages(messages: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const picked: Record<string, Record<string, unknown>> = {};
  for (const name of BROWSER_NAMESPACES) {
    const [area, group] = name.split(".") as [string, string | undefined];
    const catalogue = messages[area] as Record<string, unknown> | undefined;
    if (!catalogue) continue;
    if (group === undefined) picked[area] = catalogue;
    else if (group in catalogue) (picked[area] ??= {})[group] = catalogue[group];
  }
  return picked;
}

const loaded = new Map<Locale, Promise<Messages>>();

/** Every catalogue of a language, by namespace (read once per process). */
export function loadMessages(locale: Locale): Promise<Messages> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = Promise.all(
      NAMESPACES.map(async (ns) => [ns, (await import(`./messages/${locale}/${ns}.json`)).default] as const),
    ).then((entries) => Object.fromEntries(entries) as Messages);
    loaded.set(locale, messages);
  }
  return messages;
}
