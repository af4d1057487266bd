import { z } from "zod";

const ORIGIN = "http://return-path.invalid";

/**
 * Where to go after signing in: a path on this origin, resolved as a URL the way a browser would.
 * Control characters (browsers drop tabs and line breaks, turning "/\t/evil.example" into
 * "//evil.example"), backslashes and encoded slashes or control characters are refused outright.
 */
const returnPath = z
  .string()
  .max(2000)
  .refine((value) => value.startsWith("/") && !/[\p{Cc}\\]|%2f|%5c|%[01][0-9a-f]|%7f/iu.test(value))
  .transform((value, ctx) => {
    const url = URL.parse(value, ORIGIN);
    if (!url || url.origin !== ORIGIN || url.pathname.startsWith("//")) {
      ctx.addIssue({ code: "custom", message: "Not a path on this site" });
      return z.NEVER;
    }
    return `${url.pathname}${url.search}${url.hash}`;
  });

/** The return path, or `fallback` for anything that is not a safe one. */
export function safeReturnPath(value: unknown, fallback = "/profile"): string {
  const parsed = returnPath.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}
