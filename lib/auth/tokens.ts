import crypto from "node:crypto";
import { db } from "../db/client";
import { findManaged } from "../profile/service";
import { ProfileError, validate } from "../profile/errors";
import { tokenForm } from "../profile/schema";
import type { Caller, Role } from "../profile/types";

const PREFIX = "pst_";

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export interface TokenView {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const VIEW = { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** A new personal access token for the caller; the token itself is returned once and only its hash stored. */
export async function createApiToken(caller: Caller, input: unknown): Promise<{ token: string; view: TokenView }> {
  if (caller.tokenId) throw new ProfileError("FORBIDDEN", "Tokens cannot create tokens");
  const { name } = validate(tokenForm, input, "The token is not valid");
  const token = PREFIX + crypto.randomBytes(32).toString("base64url");
  const client = await db();
  const view = await client.apiToken.create({ data: { userId: caller.id, name, tokenHash: hashToken(token) }, select: VIEW });
  return { token, view };
}

/** A user's tokens, newest first: the user's own, or those of a user the caller administers. */
export async function listApiTokens(caller: Caller, userId: string): Promise<TokenView[]> {
  await findManaged(caller, userId);
  const client = await db();
  return client.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: VIEW });
}

/** Revokes a token at once: the next request with it is 401. Answers whose token it was. */
export async function revokeApiToken(caller: Caller, tokenId: string): Promise<{ userId: string }> {
  const client = await db();
  const token = await client.apiToken.findUnique({ where: { id: tokenId }, select: { userId: true } });
  if (!token) throw new ProfileError("NOT_FOUND", "No such token");
  await findManaged(caller, token.userId);
  await client.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: new Date() } });
  return { userId: token.userId };
}

const LAST_USED_GRANULARITY_MS = 60_000;

interface TokenOwner {
  id: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  userId: string;
  orgId: string;
  role: Role;
  username: string;
}

/** The caller a token stands for (its owner, with the owner's rights), or null if unknown or revoked. */
export async function callerForToken(token: string, username?: string): Promise<Caller | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const client = await db();
  // One statement (token joined to its owner): this runs on every API request.
  const [row] = await client.$queryRaw<TokenOwner[]>`
    SELECT t."id", t."revokedAt", t."lastUsedAt", u."id" AS "userId", u."orgId", u."role"::text AS "role", u."username"
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
    WHERE t."tokenHash" = ${hashToken(token)}`;
  if (!row || row.revokedAt || (username !== undefined && row.username !== username)) return null;
  // Last use is kept to the minute, so a busy token does not write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await client.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.userId, orgId: row.orgId, role: row.role, tokenId: row.id };
}
