import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";

/** What the server knows of the request being served, wherever in the app code asks. */
export interface RequestContext {
  id: string;
  /** The client's address: the socket's peer, or what TRUST_PROXY_HOPS trusted proxies say. */
  address: string;
  userAgent: string;
  /** Who it turned out to be, once authenticated (for the access log). */
  callerId?: string;
}

// One store for the whole process: instrumentation and each route are bundled separately, so a
// module-level instance would not be shared between them.
const KEY = Symbol.for("profiles.request-context");
const holder = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<RequestContext> };
const storage = (holder[KEY] ??= new AsyncLocalStorage<RequestContext>());

export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Makes `context` the current one for the rest of this request (called as the request starts). */
export function enterRequestContext(context: RequestContext): void {
  storage.enterWith(context);
}

/** Runs `fn` with `context` (tests, scripts). */
export function withRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** Notes who is asking, for the access log line of this request. */
export function noteCaller(callerId: string): void {
  const context = storage.getStore();
  if (context) context.callerId = callerId;
}

/** The caller's x-request-id when it is sane, else a new one. */
export function saneRequestId(given: string | string[] | undefined | null): string {
  return typeof given === "string" && /^[\w.:-]{1,100}$/.test(given) ? given : crypto.randomUUID();
}
