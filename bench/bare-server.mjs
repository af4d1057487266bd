// The platform's limit: the benchmarked routes on bare node:http + pg (or PGlite), doing the app's
// work (bench/ops.mjs) with the same status codes, headers and bodies, and no framework.
// Usage: PORT=… DATABASE_URL=… | DATA_DIR=… node --import tsx bench/bare-server.mjs (bench/ops.mjs uses the app's search text)
import crypto from "node:crypto";
import http from "node:http";
import { openDb } from "./db.mjs";
import {
  BenchError,
  authenticateBasic,
  authenticateBearer,
  camundaInput,
  findManaged,
  updateProfile,
  zitadelInput,
} from "./ops.mjs";

const MAX_BODY_BYTES = 64 * 1024;
// The headers next.config.mjs and lib/http/api.ts put on every response.
const COMMON = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  "cache-control": "no-store",
};

const db = await openDb({
  url: process.env.DATABASE_URL,
  dataDir: process.env.DATA_DIR,
  poolSize: Number(process.env.DB_POOL_SIZE ?? 16),
});

// The two dialects' mapping tables (lib/http/zitadel.ts, lib/http/camunda.ts), for the codes these routes produce.
const ZITADEL = {
  INVALID: [3, 400, "PROFILE-Invalid"],
  BAD_REQUEST: [3, 400, "PROFILE-BadRequest"],
  UNSUPPORTED_MEDIA_TYPE: [3, 415, "PROFILE-MediaType"],
  PAYLOAD_TOO_LARGE: [3, 413, "PROFILE-TooLarge"],
  NOT_FOUND: [5, 404, "USER-NotFound"],
  CONFLICT: [6, 409, "USER-AlreadyExists"],
  FORBIDDEN: [7, 403, "AUTH-PermissionDenied"],
  PRECONDITION_FAILED: [9, 412, "PROFILE-SequenceMismatch"],
  UNAUTHENTICATED: [16, 401, "AUTH-Unauthenticated"],
};
const CAMUNDA = {
  INVALID: [400, "InvalidRequestException"],
  BAD_REQUEST: [400, "InvalidRequestException"],
  UNSUPPORTED_MEDIA_TYPE: [415, "InvalidRequestException"],
  PAYLOAD_TOO_LARGE: [413, "InvalidRequestException"],
  NOT_FOUND: [404, "InvalidRequestException"],
  CONFLICT: [400, "InvalidRequestException"],
  FORBIDDEN: [403, "AuthorizationException"],
  PRECONDITION_FAILED: [412, "OptimisticLockingException"],
  UNAUTHENTICATED: [401, "AuthenticationException"],
};

const zitadelError = (error) => {
  const [code, status, id] = ZITADEL[error.code];
  const detail = { "@type": "type.googleapis.com/zitadel.v1.ErrorDetail", id, message: error.message };
  return [status, { code, message: error.message, details: [detail] }];
};
const camundaError = (error) => {
  const [status, type] = CAMUNDA[error.code];
  const headers = error.code === "UNAUTHENTICATED" ? { "www-authenticate": 'Basic realm="default"' } : {};
  return [status, { type, message: error.message }, headers];
};

const details = (p) => ({
  sequence: String(p.sequence),
  creationDate: p.createdAt.toISOString(),
  changeDate: p.updatedAt.toISOString(),
  resourceOwner: p.orgId,
});
const zitadelProfile = (p) => ({
  firstName: p.firstName,
  lastName: p.lastName,
  nickName: p.nickName ?? "",
  displayName: p.displayName,
  preferredLanguage: p.preferredLanguage ?? "",
  gender: p.gender,
});
const etag = (p) => ({ etag: `"${p.sequence}"` });

/** The JSON body: 415 unless JSON, 413 past 64 KB, 400 when it does not parse (as lib/http/api.ts readJson). */
async function readJson(req) {
  if (!/^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(req.headers["content-type"] ?? "")) {
    throw new BenchError("UNSUPPORTED_MEDIA_TYPE", "The body must be JSON (Content-Type: application/json)");
  }
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BenchError("PAYLOAD_TOO_LARGE", "The body must be at most 64 KB");
    chunks.push(chunk);
  }
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    throw new BenchError("BAD_REQUEST", "The body is not valid JSON");
  }
}

/** Each handler returns [status, body, headers]; an undefined body is an empty response. */
const zitadelMe = {
  async GET(req) {
    const caller = await authenticateBearer(db, req.headers.authorization);
    const p = await findManaged(db, caller, { id: caller.id });
    return [200, { details: details(p), profile: zitadelProfile(p) }, etag(p)];
  },
  async PUT(req) {
    const caller = await authenticateBearer(db, req.headers.authorization);
    const patch = zitadelInput(await readJson(req));
    const p = await updateProfile(db, caller, { id: caller.id }, patch, "ZITADEL_API");
    return [200, { details: details(p) }, etag(p)];
  },
};

const camundaUser = (username) => ({
  async GET(req) {
    const caller = await authenticateBasic(db, req.headers.authorization);
    const p = await findManaged(db, caller, { username });
    return [200, { id: p.username, firstName: p.firstName, lastName: p.lastName, email: p.email }, etag(p)];
  },
  async PUT(req) {
    const caller = await authenticateBasic(db, req.headers.authorization);
    const { id, patch } = camundaInput(await readJson(req));
    if (id !== undefined && id !== username) {
      throw new BenchError("BAD_REQUEST", `The body's id '${id}' does not match the user id '${username}' in the path`);
    }
    await updateProfile(db, caller, { username }, patch, "CAMUNDA_API");
    return [204];
  },
});

const CAMUNDA_PATH = /^\/engine-rest\/(?:engine\/default\/)?user\/([^/]+)\/profile$/;

function route(pathname) {
  if (pathname === "/auth/v1/users/me/profile") return [zitadelMe, zitadelError];
  const camunda = CAMUNDA_PATH.exec(pathname);
  if (camunda) return [camundaUser(decodeURIComponent(camunda[1])), camundaError];
  if (pathname === "/api/ready") return [{ GET: async () => (await db.query("SELECT 1"), [200, { status: "ready" }]) }, null];
  return [null, null];
}

function send(res, requestId, [status, body, headers = {}]) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  res.writeHead(status, {
    ...COMMON,
    "x-request-id": requestId,
    ...(payload && { "content-type": "application/json" }),
    ...headers,
  });
  res.end(payload);
}

let inFlight = 0; // requests whose handler still runs (and may use the database)
const server = http.createServer(async (req, res) => {
  const given = req.headers["x-request-id"];
  const requestId = given && /^[\w.:-]{1,100}$/.test(given) ? given : crypto.randomUUID();
  const [handlers, dialectError] = route(req.url.split("?")[0]);
  const handler = handlers?.[req.method];
  if (!handler) return send(res, requestId, [404, { message: "Not found" }]);
  inFlight++;
  try {
    send(res, requestId, await handler(req));
  } catch (error) {
    if (error instanceof BenchError && dialectError) return send(res, requestId, dialectError(error));
    console.error(`[${requestId}] ${req.method} ${req.url} failed:`, error);
    send(res, requestId, [500, { message: `Internal error; quote request id ${requestId}` }]);
  } finally {
    inFlight--;
  }
});

server.listen(Number(process.env.PORT ?? 3001), "127.0.0.1", () => console.log(`bare server on port ${server.address().port}`));

// Close the database on the way out (PGlite writes its files and releases the folder lock), once
// the requests still running are done with it.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) return; // Ctrl-C reaches the whole process group, and the bench sends SIGTERM as well
    stopping = true;
    server.close();
    server.closeAllConnections();
    while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await db.close();
    process.exit(0);
  });
}
