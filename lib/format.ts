/**
 * How the app writes dates and languages, in one place: an exact time is "28 Nov 2026, 19:48 UTC"
 * everywhere (pages and mail); a recent or near one reads better as "3 minutes ago" / "in 2 days".
 */
const exactFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

export const exactTime = (date: Date) => `${exactFormat.format(date)} UTC`;

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [["minute", 60], ["hour", 3600], ["day", 86_400]];

/** "just now", "3 minutes ago", "in 5 hours", "yesterday"; null beyond a week, where the date itself reads better. */
export function relativeTime(date: Date, now = new Date()): string | null {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  const distance = Math.abs(seconds);
  if (distance < 45) return "just now";
  if (distance >= 7 * 86_400) return null;
  const [unit, size] = UNITS.findLast(([, s]) => distance >= s * 0.75) ?? UNITS[0]!;
  return relativeFormat.format(Math.round(seconds / size), unit);
}

/** "English (United Kingdom)" for "en-GB"; the tag itself when the runtime does not know it. */
export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
