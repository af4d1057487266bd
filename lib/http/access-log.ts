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

/**
 * The client's address. Without trusted proxies it is the socket's peer (an X-Forwarded-For sent by
 * a client is ignored: anyone can write one); behind `hops` proxies it is the entry the outermost
 * of them appended.
 */
export function clientAddress(forwardedFor: string | string[] | undefined, peer: string | undefined, hops: number): string {
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
      refuseUnrepresentableMethods(server);
    }
    const context: Started = {
      id: saneRequestId(request.headers["x-request-id"]),
      address: clientAddress(request.headers["x-forwarded-for"], socket.remoteAddress, env().TRUST_PROXY_HOPS),
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
        path: (request.url ?? "").split("?")[0],
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

/** Answers TRACE and the like with 405 before the framework sees them (proxy.ts never runs for them). */
function refuseUnrepresentableMethods(server: Server): void {
  const listeners = server.listeners("request") as ((request: IncomingMessage, response: ServerResponse) => void)[];
  server.removeAllListeners("request");
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    if (!UNREPRESENTABLE.has(request.method ?? "")) {
      for (const listener of listeners) listener.call(server, request, response);
      return;
    }
    const id = String(request.headers["x-request-id"]);
    const answer = refusal((request.url ?? "/").split("?")[0]!, id, 405, `The method ${request.method} is not allowed`);
    void answer.text().then((body) => {
      response.writeHead(405, { ...Object.fromEntries(answer.headers), allow: ALLOWED });
      response.end(body);
    });
  });
}
