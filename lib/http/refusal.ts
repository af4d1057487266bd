import { ProfileError } from "../profile/errors";
import { camunda } from "./camunda";
import type { Dialect } from "./dialect";
import { zitadel } from "./zitadel";

/** The API dialect a path belongs to; pages answer in plain text. */
function dialectOf(pathname: string): Dialect | null {
  if (pathname.startsWith("/auth/v1/") || pathname.startsWith("/management/v1/")) return zitadel;
  if (pathname.startsWith("/engine-rest/")) return camunda;
  return null;
}

/**
 * An answer for a request the framework would otherwise turn into a 500 (broken percent-encoding,
 * TRACE, an oversized server-action body): in the surface's format, with the request id.
 */
export function refusal(pathname: string, requestId: string, status: 400 | 405 | 413, message: string): Response {
  const dialect = dialectOf(pathname);
  const code = status === 413 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST";
  const answer = dialect
    ? dialect.errorResponse(new ProfileError(code, message), { requestId, say: String })
    : new Response(`${message} (request id ${requestId})\n`, { headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(answer.body, {
    status,
    headers: { ...Object.fromEntries(answer.headers), "x-request-id": requestId, "cache-control": "no-store" },
  });
}
