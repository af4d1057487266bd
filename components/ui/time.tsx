import { exactTime, relativeTime } from "@/lib/format";

/**
 * A point in time: "3 minutes ago" where that reads better, with the exact time on hover and for
 * screen readers; the exact time alone otherwise (or with `exact`, for deadlines: "until …").
 */
export function Time({ value, exact = false }: { value: Date | string; exact?: boolean }) {
  const date = new Date(value);
  const precise = exactTime(date);
  const relative = exact ? null : relativeTime(date);
  return (
    // Rendered on the server and again in the browser a moment later: the words may differ by then.
    <time dateTime={date.toISOString()} title={relative ? precise : undefined} suppressHydrationWarning>
      {relative ?? precise}
      {relative && <span className="sr-only"> ({precise})</span>}
    </time>
  );
}
