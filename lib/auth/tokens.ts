import crypto from "node:crypto";
import { db } from "../db/client";
import { findManaged, PROFILE_SELECT, profileColumns } from "../profile/target";
import { ProfileError, validate } from "../profile/errors";
import { tokenForm } from "../profile/schema";
import type { Caller, Profile } from "../profile/types";
import { recordSecurityEvent } from "./events";
import { sentence } from "../i18n/sentence";

const PREFIX = "pst_";

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export interface TokenView {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** Past its expiry: refused like a revoked one. */
  expired: boolean;
}

const VIEW = { id: true, name: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } as const;
const DAY_MS = 86_400_000;

/** A new personal access token for the caller; the token itself is returned once and only its hash stored. */
export async function createApiToken(caller: Caller, input: unknown): Promise<{ token: string; view: TokenView }> {
  if (caller.tokenId) throw new ProfileError("FORBIDDEN", sentence("tokensCannotCreateTokens"));
  const { name, expiresInDays } = validate(tokenForm, input);
  const token = PREFIX + crypto.randomBytes(32).toString("base64url");
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * DAY_MS) : null;
  const client = await db();
  const view = await client.$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { userId: caller.id, name, tokenHash: hashToken(token), expiresAt }, select: VIEW });
    await recordSecurityEvent("TOKEN_CREATED", { userId: caller.id, detail: { token: name, expires: expiresAt?.toISOString() ?? null } }, tx);
    return created;
  });
  return { token, view: { ...view, expired: false } };
}

/** A user's tokens, newest first: the user's own, or those of a user the caller administers. */
export async function listApiTokens(caller: Caller, userId: string): Promise<TokenView[]> {
  await findManaged(caller, userId);
  const client = await db();
  const tokens = await client.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: VIEW });
  const now = Date.now();
  return tokens.map((t) => ({ ...t, expired: t.expiresAt !== null && t.expiresAt.getTime() <= now }));
}

/** Revokes a token at once: the next request with it is 401. Answers whose token it was. */
export async function revokeApiToken(caller: Caller, tokenId: string): Promise<{ userId: string }> {
  const client = await db();
  const token = await client.apiToken.findUnique({ where: { id: tokenId }, select: { userId: true, name: true } });
  if (!token) throw new ProfileError("NOT_FOUND", sentence("noSuchToken"));
  await findManaged(caller, token.userId);
  const { count } = await client.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count) {
    await recordSecurityEvent("TOKEN_REVOKED", { userId: token.userId, actorId: caller.id === token.userId ? null : caller.id, detail: { token: token.name } });
  }
  return { userId: token.userId };
}

const LAST_USED_GRANULARITY_MS = 60_000;

/** The token's columns and its owner's profile, as one row. */
interface TokenOwner extends Profile {
  tokenId: string;
  tokenName: string;
  revokedAt: Date | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

const PROFILE_KEYS = Object.keys(PROFILE_SELECT) as (keyof typeof PROFILE_SELECT)[];
const OWNER_COLUMNS = profileColumns("u");

/**
 * The profile read with the token, for the request that authenticated with it: reading one's own
 * profile (GET …/me/profile) needs no second query. Taken at most once (lib/profile/service.ts
 * getProfile), and dropped by any write through the service, so it never outlives what it saw.
 */
const readWithToken = new WeakMap<Caller, Profile>();

export function takeProfileReadWithToken(caller: Caller): Profile | undefined {
  const profile = readWithToken.get(caller);
  readWithToken.delete(caller);
  return profile;
}

/**
 * The caller a token stands for (its owner, with the owner's rights), or null if unknown, revoked,
 * expired or (with `username`, as Basic auth sends) someone else's.
 */
export async function callerForToken(token: string, username?: string): Promise<Caller | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const client = await db();
  // One statement (token joined to its owner, with the owner's profile): this runs on every API request.
  const [row] = await client.$queryRaw<TokenOwner[]>`
    SELECT t."id" AS "tokenId", t."name" AS "tokenName", t."revokedAt", t."expiresAt", t."lastUsedAt", ${OWNER_COLUMNS}
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
    WHERE t."tokenHash" = ${hashToken(token)}`;
  if (!row || (username !== undefined && row.username !== username)) return null;
  if (row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) {
    await recordSecurityEvent("TOKEN_REFUSED", { userId: row.id, detail: { token: row.tokenName, reason: row.revokedAt ? "revoked" : "expired" } });
    return null;
  }
  // Last use is kept to the minute, so a busy token does not write on every request (and the write returns nothing).
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await client.apiToken.updateMany({ where: { id: row.tokenId }, data: { lastUsedAt: new Date() } });
  }
  const caller: Caller = { id: row.id, orgId: row.orgId, role: row.role, tokenId: row.tokenId };
  readWithToken.set(caller, Object.fromEntries(PROFILE_KEYS.map((key) => [key, row[key]])) as unknown as Profile);
  return caller;
}
