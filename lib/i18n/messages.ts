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
