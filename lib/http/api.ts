import { z } from "zod";
import { authenticateBasic, authenticateBearer } from "../auth/api";
import { log } from "../log";
import type { Dialect } from "./dialect";
import { noteCaller, saneRequestId } from "./request-context";
import { pathId } from "./search-params";
import { ProfileError, validate, type ProfileErrorCode } from "../profile/errors";
import { asProfileError } from "./known-error";
import type { Caller } from "../profile/types";
import { sentence } from "../i18n/sentence";
import { apiLocale, sentences } from "../i18n/translate";

export const MAX_BODY_BYTES = 64 * 1024;

/** The request id: the one the server gave the request (lib/http/access-log.ts), else a new one. */
export function requestId(request: Request): string {
  return saneRequestId(request.headers.get("x-request-id"));
}

/**
 * The JSON body, refused early: 415 unless JSON, 413 past 64 KB (from Content-Length, or counted
 * while streaming, so a large body is never read whole), 400 when it does not parse.
 */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(type)) {
    throw new ProfileError("UNSUPPORTED_MEDIA_TYPE", sentence("bodyNotJson"));
  }
  const tooLarge = () => new ProfileError("PAYLOAD_TOO_LARGE", sentence("bodyTooLarge", { kb: MAX_BODY_BYTES / 1024 }));
  if (Number(request.headers.get("content-length")) > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    throw new ProfileError("BAD_REQUEST", sentence("bodyInvalidJson"));
  }
}

/** Parses a JSON body with one of the profile schemas; a non-object or invalid body is INVALID. */
export function parseBody<T extends z.core.$ZodType>(schema: T, body: unknown): z.output<T> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ProfileError("BAD_REQUEST", sentence("bodyNotObject"));
  }
  return validate(schema, body);
}

/**
 * The sequence an If-Match header asks for: undefined for none or `*` (last writer wins, as the
 * originals do); a value that can never match for anything that is not one of our ETags.
 */
export function ifMatch(request: Request): number | undefined {
  const header = request.headers.get("if-match")?.trim();
  if (!header || header === "*") return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(header);
  return match ? Number(match[1]) : -1;
}


/** How a route's callers prove who they are: a token (ZITADEL) or HTTP Basic (Camunda). */
export type AuthKind = "bearer" | "basic";
const AUTHENTICATE: Record<AuthKind, (header: string | null) => Promise<Caller>> = {
  bearer: authenticateBearer,
  basic: authenticateBasic,
};

type Params = Record<string, string | undefined>;
type Handler<P extends Params> = (request: Request, caller: Caller, params: P) => Promise<Response>;

export interface RouteOptions<P extends Params> {
  auth: AuthKind;
  /** What the dialect's messages call the target (Camunda names the user in some of them). */
  subject?: (params: P) => string | undefined;
}

/**
 * Wraps a route handler: checks the path parameters, authenticates the caller the route's way and
 * hands the caller to the handler, maps the one error type through the dialect's table, turns
 * anything else into a 500 that carries the request id (the stack goes to the log, never to the
 * client), and puts x-request-id and no-store on every response.
 */
export function apiRoute<P extends Params>(dialect: Dialect, options: RouteOptions<P>, handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const id = requestId(request);
    let params: P | undefined;
    let response: Response;
    try {
      const given = ((await context.params) ?? {}) as P; // a route without segments has none
      if (!Object.values(given).every((v) => v === undefined || pathId.safeParse(v).success)) {
        throw new ProfileError("BAD_REQUEST", sentence("pathCharacters"));
      }
      params = given;
      const caller = await AUTHENTICATE[options.auth](request.headers.get("authorization"));
      noteCaller(caller.id);
      response = await handler(request, caller, given);
    } catch (thrown) {
      const error = asProfileError(thrown);
      if (error) {
        const say = await sentences(apiLocale(request));
        response = dialect.errorResponse(error, { requestId: id, subject: params && options.subject?.(params), say });
        if (error.retryAfter) response.headers.set("retry-after", String(error.retryAfter));
      } else if (request.signal.aborted || (thrown as NodeJS.ErrnoException)?.code === "ECONNRESET") {
        // The client went away mid-request: nothing to answer and nothing wrong with the server.
        log.warn({ requestId: id, method: request.method, path: new URL(request.url).pathname }, "client disconnected");
        response = dialect.errorResponse(new ProfileError("BAD_REQUEST", sentence("requestCutOff")), { requestId: id, say: String });
      } else {
        log.error({ requestId: id, method: request.method, path: new URL(request.url).pathname, err: thrown }, "request failed");
        response = dialect.internalError(id, await sentences(apiLocale(request)));
      }
    }
    response.headers.set("x-request-id", id);
    response.headers.set("cache-control", "no-store");
    return response;
  };
}

export type { ProfileErrorCode };
