import dc from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { env } from "../env";
import { log } from "../log";
import { refusal } from "./refusal";
import { enterRequestContext, saneRequestId, type RequestContext } from "./request-context";

interface Started extends RequestContext {
  startedAt: number;
}

/** The request's path, without its query string. */
const pathOf = (request: IncomingMessage) => (request.url ?? "/").split("?")[0]!;

/**
 * The client's address. Without trusted proxies it is the socket's peer (an X-Forwarded-For sent by
 * a client is ignored: anyone can write one); behind `hops` proxies it is the entry the outermost
 * of them appended.
 */
function addressOf(forwardedFor: string | string[] | undefined, peer: string | undefined, hops: number): string {
  const chain = hops > 0 && typeof forwardedFor === "string" ? forwardedFor.split(",").map((a) => a.trim()).filter(Boolean) : [];
  const address = chain.length ? chain[Math.max(0, chain.length - hops)]! : (peer ?? "");
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}

/**
 * Watches every HTTP request of this server (Node's diagnostics channels, so pages, route
 * handlers, server actions and the framework's own answers alike): gives it a request id and a
 * context the app reads (lib/http/request-context.ts), and logs one line when the answer is sent.
 */
export function watchRequests(): void {
  const started = new WeakMap<IncomingMessage, Started>();
  const guarded = new WeakSet<Server>();
  dc.subscribe("http.server.request.start", (message) => {
    const { request, response, socket, server } = message as { request: IncomingMessage; response: ServerResponse; socket: Socket; server: Server };
    if (!guarded.has(server)) {
      guarded.add(server);
      refuseWhatTheFrameworkCannotParse(server);
    }
    const context: Started = {
      id: saneRequestId(request.headers["x-request-id"]),
      address: addressOf(request.headers["x-forwarded-for"], socket.remoteAddress, env().TRUST_PROXY_HOPS),
      userAgent: String(request.headers["user-agent"] ?? "").slice(0, 300),
      startedAt: performance.now(),
    };
    // Handlers read the id from the request; every answer carries it.
    request.headers["x-request-id"] = context.id;
    response.setHeader("x-request-id", context.id);
    started.set(request, context);
    enterRequestContext(context);
  });
  dc.subscribe("http.server.response.finish", (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const context = started.get(request);
    if (!context) return;
    log.info(
      {
        requestId: context.id,
        method: request.method,
        path: pathOf(request),
        status: response.statusCode,
        ms: Math.round((performance.now() - context.startedAt) * 10) / 10,
        callerId: context.callerId,
        address: context.address,
      },
      "request",
    );
  });
}

// Methods the Fetch standard forbids: Next cannot build a Request for them and answers 500.
const UNREPRESENTABLE = new Set(["TRACE", "TRACK", "CONNECT"]);
const ALLOWED = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

/** Why the framework would answer this request with a 500, or null when it can take it. */
function unparsable(request: IncomingMessage): { status: 400 | 405; message: string } | null {
  if (UNREPRESENTABLE.has(request.method ?? "")) return { status: 405, message: `The method ${request.method} is not allowed` };
  try {
    decodeURIComponent(pathOf(request));
    return null;
  } catch {
    return { status: 400, message: "The path is not valid percent-encoding" };
  }
}

/**
 * Answers, in the surface's format, the requests Next turns into a 500 before any of our code
 * (proxy.ts included) could see them: TRACE and the like, which Fetch cannot represent, and paths
 * with broken percent-encoding, which its router fails to decode.
 */
function refuseWhatTheFrameworkCannotParse(server: Server): void {
  const listeners = server.listeners("request") as ((request: IncomingMessage, response: ServerResponse) => void)[];
  server.removeAllListeners("request");
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const refused = unparsable(request);
    if (!refused) {
      for (const listener of listeners) listener.call(server, request, response);
      return;
    }
    const answer = refusal(pathOf(request), String(request.headers["x-request-id"]), refused.status, refused.message);
    void answer.text().then((body) => {
      response.writeHead(refused.status, { ...Object.fromEntries(answer.headers), ...(refused.status === 405 && { allow: ALLOWED }) });
      response.end(body);
    });
  });
}
