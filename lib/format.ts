/**
 * How the app writes dates and languages, in one place, in the reader's locale and time zone: an
 * exact time is "28 Nov 2026, 19:48 UTC" (English), "28.11.2026, 20:48 MEZ" (German) on pages and
 * in mail; a recent or near one reads better as "3 minutes ago" / "in 2 days".
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.DisplayNames>();
function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) cache.set(key, (value = make()));
  return value;
}

// English dates read day-month-year with a 24-hour clock, as in the rest of the app's English.
const dateLocale = (locale: string) => (locale === "en" ? "en-GB" : locale);

export function exactTime(date: Date, locale = "en", timeZone = "UTC"): string {
  const format = cached(`exact|${locale}|${timeZone}`, () =>
    new Intl.DateTimeFormat(dateLocale(locale), {
      year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short",
    }),
  );
  return format.format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [["minute", 60], ["hour", 3600], ["day", 86_400]];

/**
 * "3 minutes ago", "in 5 hours", "yesterday" (null within 45 seconds, which the caller words as
 * "just now", and beyond a week, where the date itself reads better).
 */
export function relativeTime(date: Date, now = new Date(), locale = "en"): string | null {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  const distance = Math.abs(seconds);
  if (distance < 45 || distance >= 7 * 86_400) return null;
  const [unit, size] = UNITS.findLast(([, s]) => distance >= s * 0.75) ?? UNITS[0]!;
  const format = cached(`relative|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
  return format.format(Math.round(seconds / size), unit);
}

/** Within 45 seconds of now: "just now". */
export const isJustNow = (date: Date, now = new Date()) => Math.abs(date.getTime() - now.getTime()) < 45_000;

/** A language's name in another language ("de-CH" in French: "allemand suisse"); undefined when the runtime does not know it. */
function nameIn(locale: string, tag: string): string | undefined {
  try {
    return cached(`language|${locale}`, () => new Intl.DisplayNames([locale], { type: "language", fallback: "none" })).of(tag);
  } catch {
    return undefined;
  }
}

/** "British English" for "en-GB" in English, "Britisches Englisch" in German; the tag itself when unknown. */
export const languageName = (tag: string, locale: string) => nameIn(locale, tag) ?? tag;

/** A language in its own name ("Deutsch", "日本語"); undefined when the runtime does not speak it. */
export const ownLanguageName = (tag: string) => (Intl.DisplayNames.supportedLocalesOf([tag]).length > 0 ? nameIn(tag, tag) : undefined);
