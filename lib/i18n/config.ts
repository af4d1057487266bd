/**
 * The languages the app speaks and how a person's language is chosen: their profile's
 * preferredLanguage, else the language menu's cookie, else the browser's Accept-Language, else English.
 */
export const LOCALES = ["en", "de", "fr", "es", "ja", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The cookie the language menu sets (for everyone: before sign-in it is all there is). */
export const LOCALE_COOKIE = "locale";
/** The browser's time zone, as it last told us (components/time-zone-sync.tsx). */
export const TIME_ZONE_COOKIE = "tz";

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set(["ar"]);
export const directionOf = (locale: Locale) => (RIGHT_TO_LEFT.has(locale) ? "rtl" : "ltr");

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/**
 * The supported language a BCP-47 tag asks for, by its language subtag: "de-CH" → "de",
 * "ja-JP" → "ja"; null when none fits ("zh-Hant", "tlh") or the tag is not a tag.
 */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  try {
    const language = new Intl.Locale(tag.trim()).language;
    return isLocale(language) ? language : null;
  } catch {
    return null;
  }
}

/** The best supported language of an Accept-Language header, by q-value; null when none fits. */
export function matchAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .slice(0, 32)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => tag && tag !== "*" && q > 0 && q <= 1)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return null;
}

/** An IANA time zone this runtime knows ("Europe/Zurich"), else null. */
export function validTimeZone(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 64 || !/^[A-Za-z][\w+/-]*$/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
