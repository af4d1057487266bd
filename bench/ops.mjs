// The app's per-request work written directly against the database: token authentication, the
// access rules, body validation, and the compare-and-set write with its history event. The bare
// node:http server and the raw-pg loop both use it, so both do the same database work as the app
// (lib/auth/tokens.ts, lib/auth/api.ts, lib/profile/service.ts), minus the framework.
import crypto from "node:crypto";
import { searchText } from "../lib/profile/search.ts"; // the app's own (bare-server.mjs runs under tsx too)

export class BenchError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

const PROFILE = `id, username, "orgId", email, "firstName", "lastName", "nickName", "displayName", "preferredLanguage",
  gender, role, sequence, "createdAt", "updatedAt"`;
const FIELDS = ["firstName", "lastName", "nickName", "displayName", "preferredLanguage", "gender", "email"];
const UTC_NOW = "(now() AT TIME ZONE 'UTC')"; // timestamp(3) columns hold UTC, as Prisma writes them

export const hashToken = (token) => crypto.createHash("sha256").update(token).digest("hex");

/** The token's owner as a caller; null when unknown, revoked or (Basic) owned by another username. */
async function callerForToken(db, token, username) {
  if (!token.startsWith("pst_") || token.length > 200) return null;
  const [row] = await db.query(
    `SELECT t.id AS "tokenId", t."revokedAt", u.id, u."orgId", u.role, u.username,
       t."lastUsedAt" IS NULL OR t."lastUsedAt" < ${UTC_NOW} - interval '1 minute' AS stale
     FROM "ApiToken" t JOIN "User" u ON u.id = t."userId" WHERE t."tokenHash" = $1`,
    [hashToken(token)],
  );
  if (!row || row.revokedAt || (username !== undefined && row.username !== username)) return null;
  // As the app: last use is kept to the minute, so a busy token does not write on every request.
  if (row.stale) await db.query(`UPDATE "ApiToken" SET "lastUsedAt" = ${UTC_NOW} WHERE id = $1`, [row.tokenId]);
  return { id: row.id, orgId: row.orgId, role: row.role, tokenId: row.tokenId };
}

export async function authenticateBearer(db, header) {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match) throw new BenchError("UNAUTHENTICATED", "Authentication required: send Authorization: Bearer <token>");
  const caller = await callerForToken(db, match[1]);
  if (!caller) throw new BenchError("UNAUTHENTICATED", "The token is invalid or was revoked");
  return caller;
}

/** HTTP Basic with `username:api-token` (passwords are not part of the benchmark). */
export async function authenticateBasic(db, header) {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match) throw new BenchError("UNAUTHENTICATED", "Authentication required: send HTTP Basic credentials");
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) throw new BenchError("UNAUTHENTICATED", "Malformed Basic credentials");
  const caller = await callerForToken(db, decoded.slice(colon + 1), decoded.slice(0, colon).toLowerCase());
  if (!caller) throw new BenchError("UNAUTHENTICATED", "Wrong username or password");
  return caller;
}

const canSee = (caller, user) => caller.role === "ADMIN" || caller.orgId === user.orgId || caller.id === user.id;
const canManage = (caller, user) =>
  caller.id === user.id ||
  caller.role === "ADMIN" ||
  (caller.role === "ORG_ADMIN" && caller.orgId === user.orgId && user.role !== "ADMIN");

/** The target ({id} or {username}) if the caller may manage it: NOT_FOUND when they may not even see it. */
export async function findManaged(db, caller, target) {
  const [column, value] = "username" in target ? ["username", target.username] : ["id", target.id];
  const [user] = await db.query(`SELECT ${PROFILE} FROM "User" WHERE ${column} = $1`, [value]);
  if (!user || !canSee(caller, user)) throw new BenchError("NOT_FOUND", `User with id ${value} does not exist`);
  if (!canManage(caller, user)) throw new BenchError("FORBIDDEN", "You may not access this user's profile");
  return user;
}

/** Applies a validated patch: no-op detection, compare-and-set on sequence plus the event; retried like the app. */
export async function updateProfile(db, caller, target, patch, via) {
  for (let attempt = 0; ; attempt++) {
    const current = await findManaged(db, caller, target);
    const changes = {};
    for (const field of FIELDS) {
      if (patch[field] !== undefined && patch[field] !== current[field])
        changes[field] = { from: current[field], to: patch[field] };
    }
    if (Object.keys(changes).length === 0) return current;
    if (changes.email && (await db.query(`SELECT 1 FROM "User" WHERE email = $1`, [changes.email.to])).length) {
      throw new BenchError("CONFLICT", "This email address is already used by another account");
    }
    const written = await write(db, caller, current, changes, via);
    if (written) return written;
    if (attempt >= 4) throw new BenchError("PRECONDITION_FAILED", "The profile was changed by someone else in the meantime");
  }
}

/** lib/profile/version.ts: the update, the new sequence, the search text and the event as one compare-and-set statement. */
async function write(db, caller, current, changes, via) {
  const fields = Object.keys(changes); // from FIELDS only, so safe to name in SQL
  const next = { ...current, ...Object.fromEntries(fields.map((f) => [f, changes[f].to])) };
  const sets = fields.map((f, i) => `"${f}" = $${i + 9}`).join(", ");
  try {
    const [row] = await db.query(
      `WITH next AS (
         UPDATE "User" SET ${sets}, sequence = sequence + 1, "searchText" = $3, "updatedAt" = ${UTC_NOW}
         WHERE id = $1 AND sequence = $2 RETURNING ${PROFILE}
       ), event AS (
         INSERT INTO "ProfileEvent" (id, "userId", sequence, "actorId", "tokenId", via, changes, "createdAt")
         SELECT $4::text, id, sequence, $5::text, $6::text, $7::text::"ChangeVia", $8::jsonb, ${UTC_NOW} FROM next
       )
       SELECT * FROM next`,
      [current.id, current.sequence, searchText(next), crypto.randomUUID(), caller.id, caller.tokenId ?? null, via, JSON.stringify(changes),
        ...fields.map((f) => changes[f].to)],
    );
    return row ?? null; // null: another writer got there first
  } catch (error) {
    if (error.code === "23505") throw new BenchError("CONFLICT", "This email address is already used by another account");
    throw error;
  }
}

// Validation with the rules of lib/profile/schema.ts (trimmed NFC text, no control characters, lengths in characters).
const GENDERS = ["GENDER_UNSPECIFIED", "GENDER_FEMALE", "GENDER_MALE", "GENDER_DIVERSE"];
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|\d{3}))?$/i;

function text(body, field, required, max = 200) {
  const value = body[field];
  const blank = value == null || (typeof value === "string" && value.trim() === "");
  if (blank && required) throw invalid(field, "is required");
  if (blank) return null;
  if (typeof value !== "string") throw invalid(field, "must be text");
  const clean = value.normalize("NFC").trim();
  if (!clean.isWellFormed() || /\p{Cc}/u.test(clean)) throw invalid(field, "must not contain control characters");
  if ([...clean].length > max) throw invalid(field, `at most ${max} characters`);
  return clean;
}

const invalid = (field, message) => new BenchError("INVALID", `${field}: ${message}`);

function object(body) {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new BenchError("BAD_REQUEST", "The body must be a JSON object");
  return body;
}

/** ZITADEL UpdateHumanProfile body → patch. */
export function zitadelInput(raw) {
  const body = object(raw);
  const language = text(body, "preferredLanguage", false, 10);
  if (language !== null && !LANGUAGE_TAG.test(language)) throw invalid("preferredLanguage", "use a language tag such as en");
  const gender = body.gender ?? "GENDER_UNSPECIFIED";
  if (!GENDERS.includes(gender)) throw invalid("gender", `choose one of ${GENDERS.join(", ")}`);
  return {
    firstName: text(body, "firstName", true),
    lastName: text(body, "lastName", true),
    nickName: text(body, "nickName", false),
    displayName: text(body, "displayName", true),
    preferredLanguage: language && Intl.getCanonicalLocales(language)[0],
    gender,
  };
}

/** Camunda profile body → { id, patch }. */
export function camundaInput(raw) {
  const body = object(raw);
  if (body.id !== undefined && typeof body.id !== "string") throw invalid("id", "must be text");
  const email = text(body, "email", true, 254).toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw invalid("email", "enter a valid email address");
  return { id: body.id, patch: { firstName: text(body, "firstName", true), lastName: text(body, "lastName", true), email } };
}
