import { handlers } from "@/lib/auth";
import { signInBlockedFor } from "@/lib/auth/credentials";
import { rateLimitedError } from "@/lib/profile/errors";
import { apiLocale, sentences } from "@/lib/i18n/translate";

export const { GET } = handlers;

/**
 * Auth.js's own endpoints. A password sign-in posted straight to its callback is throttled like
 * the form (authorize() counts the failures); while blocked it is answered 429 with Retry-After
 * before any password is checked, instead of Auth.js's redirect to an error page.
 */
export async function POST(request: Request) {
  if (new URL(request.url).pathname.endsWith("/callback/credentials")) {
    const name = (await request.clone().formData().catch(() => null))?.get("username");
    const wait = typeof name === "string" && name.length <= 254 && !/\p{Cc}/u.test(name) ? await signInBlockedFor(name) : 0;
    if (wait > 0) {
      const message = (await sentences(apiLocale(request)))(rateLimitedError(wait).message);
      return Response.json({ error: "CredentialsSignin", code: "retry_later", message }, { status: 429, headers: { "retry-after": String(wait), "cache-control": "no-store" } });
    }
  }
  return handlers.POST(request as Parameters<typeof handlers.POST>[0]);
}
