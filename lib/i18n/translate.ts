import { createFormatter, createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, matchAcceptLanguage, type Locale } from "./config";
import { loadMessages } from "./messages";
import { say, type ErrorTranslator, type Sentence } from "./sentence";

/**
 * Translation outside React: the API's messages (by Accept-Language) and mail (by the recipient's
 * preferredLanguage). Pages and forms use next-intl's hooks with the same catalogues.
 */
export async function translator(locale: Locale, namespace: string) {
  const messages = await loadMessages(locale);
  // The catalogues are loaded by name at run time, so the translator is not typed by their keys.
  const t = createTranslator({ locale, messages: messages as never, namespace: namespace as never, onError: reportMissing, getMessageFallback });
  return t as unknown as ErrorTranslator;
}

/** Sentences (lib/i18n/sentence.ts) in one language. */
export async function sentences(locale: Locale): Promise<(value: Sentence) => string> {
  const t = await translator(locale, "sentences");
  return (value) => say(t, value);
}

/** The language an API caller reads: Accept-Language when it names one we speak, else English. */
export const apiLocale = (request: Request): Locale => matchAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LOCALE;

/** Dates and numbers in a locale and time zone (mail; pages use next-intl's useFormatter). */
export const formatter = (locale: Locale, timeZone = "UTC") => createFormatter({ locale, timeZone });

/** A key missing from a catalogue is a bug the catalogue test catches; at run time, show the key's path. */
export const getMessageFallback = ({ namespace, key }: { namespace?: string; key: string }) => [namespace, key].filter(Boolean).join(".");

function reportMissing(error: Error) {
  if (process.env.NODE_ENV !== "production") console.error(error.message);
}
