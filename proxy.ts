import { NextResponse, type NextRequest } from "next/server";
import { refusal } from "@/lib/http/refusal";
import { saneRequestId } from "@/lib/http/request-context";

// Next refuses server-action bodies over 1 MB (serverActions.bodySizeLimit) with a 500.
const MAX_ACTION_BODY_BYTES = 1024 * 1024;

function contentSecurityPolicy(nonce: string, https: boolean, inlineStyles: boolean): string {
  return [
    "default-src 'self'",
    // Next's own inline scripts carry the nonce; 'strict-dynamic' lets the scripts they load run.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
    // /docs embeds the interactive API reference (Scalar), which adds <style> elements and style
    // attributes that cannot carry the nonce; with a nonce in style-src browsers ignore
    // 'unsafe-inline', so that page alone allows inline styles instead. Its scripts stay nonce-only.
    inlineStyles ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * Runs before every page: a fresh CSP nonce (Next puts it on its scripts), HSTS over https, and
 * answers for server-action posts the framework itself would turn into a 500. (Requests it cannot
 * even parse — TRACE, broken percent-encoding — are answered where they enter the server:
 * lib/http/access-log.ts.)
 */
export async function proxy(request: NextRequest) {
  const requestId = saneRequestId(request.headers.get("x-request-id"));
  // A POST to a page is a server action (with JavaScript, or a form posted without it).
  if (request.method === "POST") {
    const length = request.headers.get("content-length");
    if (Number(length) > MAX_ACTION_BODY_BYTES) return refusal(request.nextUrl.pathname, requestId, 413, "The form is too large to send");
    // Its arguments arrive as a list (or as multipart form data); Next applies anything else as
    // the argument list and fails with a 500. (Only bodies of a stated, allowed length are read
    // here: a chunked one is left to Next, which limits it itself.)
    const type = request.headers.get("content-type") ?? "";
    if (length && request.headers.has("next-action") && !type.startsWith("multipart/form-data") && !(await request.clone().text()).trimStart().startsWith("[")) {
      return refusal(request.nextUrl.pathname, requestId, 400, "The form could not be read");
    }
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = request.nextUrl.protocol === "https:";
  const policy = contentSecurityPolicy(nonce, https, request.nextUrl.pathname === "/docs");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  // Pages only: not the API surfaces (JSON, their own limits and headers), the build's static
  // files or public/'s icons — none carries a page that needs a nonce.
  matcher: [
    "/((?!api/|auth/v1/|management/v1/|engine-rest/|_next/static|_next/image|favicon\\.ico|icon|apple-touch-icon|manifest\\.webmanifest).*)",
  ],
};
