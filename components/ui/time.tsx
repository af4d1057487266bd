import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { exactTime, isJustNow, relativeTime } from "@/lib/format";

/**
 * A point in time in the reader's language and time zone: "3 minutes ago" where that reads better,
 * with the exact time on hover and for screen readers; the exact time alone otherwise (or with
 * `exact`, for deadlines: "until …").
 */
export function Time({ value, exact = false }: { value: Date | string; exact?: boolean }) {
  const [locale, timeZone, t] = [useLocale(), useTimeZone() ?? "UTC", useTranslations("common")];
  const date = new Date(value);
  const precise = exactTime(date, locale, timeZone);
  const relative = exact ? null : isJustNow(date) ? t("justNow") : relativeTime(date, new Date(), locale);
  return (
    // Rendered on the server and again in the browser a moment later: the words may differ by then.
    <time dateTime={date.toISOString()} title={relative ? precise : undefined} suppressHydrationWarning>
      {relative ?? precise}
      {relative && <span className="sr-only"> ({precise})</span>}
    </time>
  );
}
