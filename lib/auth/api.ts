import { db } from "../db/client";
import { sentence } from "../i18n/sentence";
import { ProfileError, rateLimitedError } from "../profile/errors";
import type { Caller } from "../profile/types";
import { checkPassword, clientAddress } from "./credentials";
import { blockedFor, recordFailure } from "./throttle";
import { callerForToken } from "./tokens";

const unauthenticated = (key: string) => new ProfileError("UNAUTHENTICATED", sentence(key));
// Credentials are compared as text: no control characters (PostgreSQL refuses NUL), no novels.
const CLEAN = /^[^\p{Cc}]{1,1024}$/u;

/** `Authorization: Bearer <token>` (the ZITADEL routes). Wrong tokens are throttled per address. */
export async function authenticateBearer(header: string | null): Promise<Caller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match) throw unauthenticated("bearerRequired");
  const caller = CLEAN.test(match[1]!) ? await callerForToken(match[1]!) : null;
  if (caller) return caller;
  const attempt = { kind: "token" as const, address: clientAddress() };
  const wait = (await recordFailure(attempt)) || (await blockedFor(attempt));
  if (wait) throw rateLimitedError(wait);
  throw unauthenticated("tokenInvalid");
}

/** `Authorization: Basic base64(user:password)` or `user:token` (the Camunda routes). */
export async function authenticateBasic(header: string | null): Promise<Caller> {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match) throw unauthenticated("basicRequired");
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const username = decoded.slice(0, colon).toLowerCase();
  const secret = decoded.slice(colon + 1);
  if (colon < 1 || !CLEAN.test(username) || !CLEAN.test(secret)) throw unauthenticated("basicMalformed");
  const byToken = await callerForToken(secret, username);
  if (byToken) return byToken;
  const client = await db();
  const user = await client.user.findUnique({
    where: { username },
    select: { id: true, orgId: true, role: true, passwordHash: true, mustChangePassword: true },
  });
  if (!(await checkPassword(user, username, secret, "basic auth")) || !user) throw unauthenticated("wrongCredentials");
  if (user.mustChangePassword) throw unauthenticated("adminSetPassword");
  return { id: user.id, orgId: user.orgId, role: user.role };
}
