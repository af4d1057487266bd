import { db } from "../db/client";
import { ProfileError } from "../profile/errors";
import type { Caller } from "../profile/types";
import { verifyPassword } from "./password";
import { callerForToken } from "./tokens";

const unauthenticated = (message: string) => new ProfileError("UNAUTHENTICATED", message);

/** `Authorization: Bearer <token>` (the ZITADEL routes). */
export async function authenticateBearer(header: string | null): Promise<Caller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match) throw unauthenticated("Authentication required: send Authorization: Bearer <token>");
  const caller = await callerForToken(match[1]!);
  if (!caller) throw unauthenticated("The token is invalid or was revoked");
  return caller;
}

/** `Authorization: Basic base64(user:password)` or `user:token` (the Camunda routes). */
export async function authenticateBasic(header: string | null): Promise<Caller> {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match) throw unauthenticated("Authentication required: send HTTP Basic credentials");
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) throw unauthenticated("Malformed Basic credentials");
  const username = decoded.slice(0, colon).toLowerCase();
  const secret = decoded.slice(colon + 1);
  const byToken = await callerForToken(secret, username);
  if (byToken) return byToken;
  const client = await db();
  const user = await client.user.findUnique({ where: { username }, select: { id: true, orgId: true, role: true, passwordHash: true } });
  if (!(await verifyPassword(user?.passwordHash, secret)) || !user) throw unauthenticated("Wrong username or password");
  return { id: user.id, orgId: user.orgId, role: user.role };
}
