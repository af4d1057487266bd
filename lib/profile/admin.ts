import { db, type Db } from "../db/client";
import { assertCurrentPassword } from "../auth/credentials";
import { recordSecurityEvent } from "../auth/events";
import { sendVerification } from "./email";
import { generatePassword, hashPassword } from "../auth/password";
import { assertStrongPassword } from "../auth/password-policy";
import { endUserSessions } from "../auth/session-store";
import { Prisma } from "../generated/prisma/client";
import { isAdmin, roleAtMost } from "./access";
import { emailTakenError, fieldError, ProfileError, readOnlyError, validate } from "./errors";
import { createUserForm, passwordResetForm, PROFILE_FIELDS, role as roleSchema } from "./schema";
import { likePattern, searchTerms, searchText } from "./search";
import { findManaged, isReadOnly } from "./service";
import type { Caller, Profile, Role } from "./types";
import { sentence } from "../i18n/sentence";

/**
 * The list's orders. Each is a keyset: columns that together are unique, compared as a row
 * (`("lastName", "firstName", "id") > ($1, $2, $3)`) so that a page starts right after the last
 * row of the one before, found through the column's index however deep it is. `email` may be
 * null: its order is two parts, the addresses (unique) and then the users without one (by id).
 */
export const SORTS = {
  name: { desc: false, parts: [{ columns: ["lastName", "firstName", "id"] }] },
  displayName: { desc: false, parts: [{ columns: ["displayName", "id"] }] },
  username: { desc: false, parts: [{ columns: ["username"] }] },
  email: {
    desc: false,
    parts: [
      { where: `u."email" IS NOT NULL`, columns: ["email"], holds: (row) => row.email !== null },
      { where: `u."email" IS NULL`, columns: ["id"], holds: (row) => row.email === null },
    ],
  },
  created: { desc: true, parts: [{ columns: ["createdAt", "id"] }] },
} as const satisfies Record<string, SortOrder>;
export type SortKey = keyof typeof SORTS;
export const PAGE_SIZE = 25;
/** Counting stops here: "More than 1,000 users" (counting a million rows takes longer than showing a page). */
export const COUNT_LIMIT = 1000;
/** How many rows a search walks in the sort order's index before it looks through the matches instead (see readPart). */
export const WALK = 2000;
/** How many matches, in whatever order is cheapest, a search reads to bound where its page ends (see readPart). */
export const SAMPLE = COUNT_LIMIT + 1;

type KeyColumn = "lastName" | "firstName" | "id" | "displayName" | "username" | "email" | "createdAt";
interface SortOrder {
  /** Newest first: the columns descend. */
  desc: boolean;
  /** In this order; a part with a condition holds the rows that meet it (`holds` says whether a row does). */
  parts: readonly { where?: string; columns: readonly KeyColumn[]; holds?: (row: { email: string | null }) => boolean }[];
}

export interface UserQuery {
  q?: string;
  orgId?: string;
  role?: Role;
  sort?: SortKey;
  /** The page after this cursor... */
  after?: string;
  /** ...or the page before it... */
  before?: string;
  /** ...or the last page (the first one, read backwards); else the first page. */
  last?: boolean;
  /** Rows per page (tests use small pages). */
  pageSize?: number;
  /** How far a search walks the order before it looks through the matches (tests make it short)... */
  walk?: number;
  /** ...and how many matches it reads to bound its page (tests make it small). */
  sample?: number;
}

export interface UserRow {
  id: string;
  username: string;
  email: string | null;
  displayName: string;
  firstName: string;
  lastName: string;
  role: Role;
  org: { id: string; name: string };
  updatedAt: Date;
  createdAt: Date;
}

/** How many users match: exactly, more than `count` (it stopped counting), or about `count` (the planner's estimate). */
export interface UserCount {
  count: number;
  kind: "exact" | "more" | "about";
}

export interface UserPage {
  rows: UserRow[];
  total: UserCount;
  /** Nothing before this page / after it. */
  atStart: boolean;
  atEnd: boolean;
  /** Cursors for the previous and next pages: the first and last rows' keys. */
  before?: string;
  after?: string;
  /** The URL's cursor was not one of ours (tampered, cut, or of another sort): this is the first page. */
  invalidCursor: boolean;
}

function assertAdmin(caller: Caller) {
  if (!isAdmin(caller)) throw new ProfileError("FORBIDDEN", sentence("adminsOnly"));
}

function assertWritable() {
  if (isReadOnly()) throw readOnlyError();
}

const aboveOwnRole = () => fieldError("FORBIDDEN", "role", sentence("roleAboveOwn"));

// ---- cursors ----

/** A position in a sort order: which part of it, and the key columns' values of a row (timestamps as ISO text). */
export interface Cursor {
  part: number;
  values: string[];
}

const CURSOR_VERSION = 1;
const CURSOR_TEXT = /^[A-Za-z0-9_-]{1,4096}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** URL-safe text for a position: base64url of `[version, sort, part, ...values]`. Opaque to readers; decodeCursor checks it all. */
export function encodeCursor(sort: SortKey, cursor: Cursor): string {
  return Buffer.from(JSON.stringify([CURSOR_VERSION, sort, cursor.part, ...cursor.values]), "utf8").toString("base64url");
}

/**
 * The position a cursor names, or null when it is not a cursor of this sort order as encodeCursor
 * writes them: every value a string of the right shape (no control characters, which PostgreSQL
 * refuses; timestamps that PostgreSQL reads), so a tampered cursor can never fail a query.
 */
export function decodeCursor(sort: SortKey, text: string | undefined): Cursor | null {
  if (!text || !CURSOR_TEXT.test(text)) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(decoded) || decoded[0] !== CURSOR_VERSION || decoded[1] !== sort) return null;
  const part = decoded[2];
  const spec = SORTS[sort].parts[part as number];
  if (typeof part !== "number" || !Number.isInteger(part) || !spec) return null;
  const values = decoded.slice(3);
  if (values.length !== spec.columns.length) return null;
  const valid = spec.columns.every((column, i) => {
    const value = values[i];
    if (typeof value !== "string" || value.length > 1000 || !value.isWellFormed() || /\p{Cc}/u.test(value)) return false;
    if (column !== "createdAt") return true;
    return ISO_TIME.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
  });
  return valid ? { part, values: values as string[] } : null;
}

/** The position of a row in a sort order. */
function positionOf(sort: SortKey, row: RawRow): Cursor {
  const parts: SortOrder["parts"] = SORTS[sort].parts;
  const part = parts.findIndex((p) => p.holds?.(row) ?? true);
  const values = parts[part]!.columns.map((column) => {
    const value = row[column];
    return value instanceof Date ? value.toISOString() : String(value);
  });
  return { part, values };
}

// ---- the list ----

/** The filters as SQL on `u` ("User"): organisation and role, and the search's terms; null when the search cannot match anything. */
function conditions(query: UserQuery, orgId: string | undefined): { filters: Prisma.Sql[]; search: Prisma.Sql[]; walk: number; sample: number } | null {
  const terms = searchTerms(query.q ?? "");
  if (terms === null) return null;
  return {
    walk: Math.max(1, Math.floor(query.walk ?? WALK)),
    sample: Math.max(1, Math.floor(query.sample ?? SAMPLE)),
    filters: [
      ...(orgId ? [Prisma.sql`u."orgId" = ${orgId}`] : []),
      ...(query.role ? [Prisma.sql`u."role" = ${query.role}::text::"Role"`] : []),
    ],
    search: terms.map((term) => Prisma.sql`u."searchText" LIKE ${likePattern(term)}`),
  };
}
type Conditions = NonNullable<ReturnType<typeof conditions>>;

interface RawRow extends Omit<UserRow, "org"> {
  orgName: string;
  orgId: string;
}

const and = (sql: Prisma.Sql[]) => (sql.length ? Prisma.join(sql, " AND ") : Prisma.sql`true`);
const ROW_COLUMNS = Prisma.sql`u.id, u.username, u.email, u."displayName", u."firstName", u."lastName", u.role::text AS role,
  u."updatedAt", u."createdAt", u."orgId"`;

/**
 * Up to `limit` rows from one part of a sort order, forwards or backwards, after `from` (a
 * position in this part) or from the part's start: an index range scan, whatever the depth.
 *
 * A search has two ways to its first rows, and PostgreSQL cannot tell which is cheaper, because
 * it assumes matches are spread evenly through the order, and they seldom are (every "Müller" is
 * in one stretch of the names; every "Zoë" comes last among people of the same last name): left
 * to itself it walked half a million rows for a word. So a search walks the order for at most
 * WALK rows (a few milliseconds), which finds the rows of a common word at once. When that is not
 * a page, it looks through the matches (the trigram index), but not through all of them: it reads
 * SAMPLE matches in whatever order is cheapest. Fewer than that are all there are: the page is
 * theirs. Otherwise the `limit`-th of the sample in the order bounds the page (the page's rows
 * are the first `limit` matches, so none comes after the `limit`-th of any `limit` matches), and
 * the page is read from the matches up to that bound, instead of reading and sorting tens of
 * thousands of matches. Where the bound is early in the order (a word spread through it, as "z"
 * at a million users, 45,000 matches), the range is short and cheap to combine with the matches.
 * Where the matches sit together far into the order (every "Müller"), the range is wide and
 * PostgreSQL still checks every match against it (25,000 rows at a million users): the bound then
 * saves the sort, not the reading. A rare word costs what its matches cost.
 */
async function readPart(
  client: Db, where: Conditions, sort: SortKey, part: number, backwards: boolean, from: Cursor | null, limit: number,
): Promise<RawRow[]> {
  const spec: SortOrder["parts"][number] = SORTS[sort].parts[part]!;
  const descending = SORTS[sort].desc !== backwards;
  const columns = spec.columns.map((column) => Prisma.raw(`u."${column}"`));
  // A position in this part as a row of SQL values, to compare with the columns as one row.
  const valuesOf = (position: Cursor) =>
    Prisma.join(position.values.map((v, i) => (spec.columns[i] === "createdAt" ? Prisma.sql`${v}::timestamp(3)` : Prisma.sql`${v}`)));
  const range = [
    ...where.filters,
    ...(spec.where ? [Prisma.raw(spec.where)] : []),
    ...(from ? [Prisma.sql`(${Prisma.join(columns)}) ${Prisma.raw(descending ? "<" : ">")} (${valuesOf(from)})`] : []),
  ];
  const direction = Prisma.raw(descending ? "DESC" : "ASC");
  const order = Prisma.join(columns.map((c) => Prisma.sql`${c} ${direction}`));
  // The organisation's name is joined to the page alone, after the rows are chosen.
  const withOrg = <Row = RawRow>(rows: Prisma.Sql) => client.$queryRaw<Row[]>`
    SELECT u.*, o.name AS "orgName" FROM (${rows}) u JOIN "Organization" o ON o.id = u."orgId" ORDER BY ${order}`;

  if (!where.search.length) {
    return withOrg(Prisma.sql`SELECT ${ROW_COLUMNS} FROM "User" u WHERE ${and(range)} ORDER BY ${order} LIMIT ${limit}`);
  }
  const walked = await withOrg(Prisma.sql`
    SELECT ${ROW_COLUMNS} FROM (SELECT ${ROW_COLUMNS}, u."searchText" FROM "User" u WHERE ${and(range)} ORDER BY ${order} LIMIT ${where.walk}) u
    WHERE ${and(where.search)} ORDER BY ${order} LIMIT ${limit}`);
  if (walked.length >= limit) return walked;
  // Some matches, in no order: their first `limit` in the order, and how many were read.
  const sampleSize = Math.max(where.sample, limit);
  const sampled = await withOrg<RawRow & { sampled: number | bigint }>(Prisma.sql`
    SELECT u.*, count(*) OVER () AS sampled FROM (SELECT ${ROW_COLUMNS} FROM "User" u WHERE ${and([...range, ...where.search])} LIMIT ${sampleSize}) u
    ORDER BY ${order} LIMIT ${limit}`);
  const rows: RawRow[] = sampled.map(({ sampled: _, ...row }) => row);
  if (rows.length < limit || Number(sampled[0]?.sampled) < sampleSize) return rows;
  // The page ends at or before the last of these. OFFSET 0 keeps the planner from walking the
  // order's index (it cannot know how far): it reads the matches within the bound, then sorts.
  const withinBound = Prisma.sql`(${Prisma.join(columns)}) ${Prisma.raw(descending ? ">=" : "<=")} (${valuesOf(positionOf(sort, rows.at(-1)!))})`;
  return withOrg(Prisma.sql`
    SELECT u.* FROM (SELECT ${ROW_COLUMNS} FROM "User" u WHERE ${and([...range, withinBound, ...where.search])} OFFSET 0) u
    ORDER BY ${order} LIMIT ${limit}`);
}

/**
 * Up to `limit` rows in the sort order (or against it, `backwards`), after the position `from`,
 * or from the start (the end, backwards). Crosses from one part of the order into the next.
 */
async function readRows(client: Db, where: Conditions, sort: SortKey, backwards: boolean, from: Cursor | null, limit: number) {
  const parts = SORTS[sort].parts.map((_, i) => i);
  if (backwards) parts.reverse();
  const start = from ? parts.indexOf(from.part) : 0;
  const rows: RawRow[] = [];
  for (const part of parts.slice(start)) {
    rows.push(...(await readPart(client, where, sort, part, backwards, part === from?.part ? from : null, limit - rows.length)));
    if (rows.length >= limit) break;
  }
  return rows;
}

async function countRows(client: Db, { filters, search }: Conditions): Promise<UserCount> {
  const where = [...filters, ...search];
  if (!where.length) {
    // The whole table: PostgreSQL's own estimate (kept by ANALYZE and autovacuum) beyond the limit.
    const [estimate] = await client.$queryRaw<{ n: number }[]>`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = '"User"'::regclass`;
    if (estimate && estimate.n > COUNT_LIMIT) return { count: roughly(estimate.n), kind: "about" };
  }
  const [counted] = await client.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "User" u WHERE ${and(where)} LIMIT ${COUNT_LIMIT + 1}) AS matching`;
  const n = counted?.n ?? 0;
  return n > COUNT_LIMIT ? { count: COUNT_LIMIT, kind: "more" } : { count: n, kind: "exact" };
}

/** Two significant digits: 1,234,567 → 1,200,000. */
function roughly(n: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

const toRow = ({ orgId, orgName, ...row }: RawRow): UserRow => ({ ...row, org: { id: orgId, name: orgName } });

/**
 * Users the caller administers, filtered, sorted and paged by keyset cursors: the first page, the
 * page after or before a cursor, or the last page. ORG_ADMINs see their organisation only. A
 * cursor that is not valid gives the first page (and says so); one past either end (its rows were
 * deleted) gives the last or first page.
 */
export async function searchUsers(caller: Caller, query: UserQuery): Promise<UserPage> {
  assertAdmin(caller);
  const orgId = caller.role === "ADMIN" ? query.orgId : caller.orgId;
  const sort = query.sort ?? "name";
  const size = Math.max(1, Math.min(100, Math.floor(query.pageSize ?? PAGE_SIZE)));
  const where = conditions(query, orgId);
  if (!where) return { rows: [], total: { count: 0, kind: "exact" }, atStart: true, atEnd: true, invalidCursor: false };
  const client = await db();

  // Which page: after a cursor, before one, the last, or (also for a cursor that is not valid) the first.
  const cursorText = query.after ?? query.before;
  let from = cursorText ? decodeCursor(sort, cursorText) : null;
  let backwards = from ? !query.after : !cursorText && Boolean(query.last);

  const [total, read] = await Promise.all([
    countRows(client, where),
    (async () => {
      let rows = await readRows(client, where, sort, backwards, from, size + 1);
      if (!rows.length && from) {
        // Nothing beyond the cursor (its rows are gone): the page at the end it points past.
        [from, backwards] = [null, !backwards];
        rows = await readRows(client, where, sort, backwards, null, size + 1);
      }
      const more = rows.length > size;
      rows = rows.slice(0, size);
      if (backwards) rows.reverse();
      // Anything on the other side? Only a page read from a cursor can have rows there.
      const edge = backwards ? rows.at(-1) : rows[0];
      const other = from && edge ? (await readRows(client, where, sort, !backwards, positionOf(sort, edge), 1)).length > 0 : false;
      return backwards ? { rows, atStart: !more, atEnd: !other } : { rows, atStart: !other, atEnd: !more };
    })(),
  ]);
  const { rows, atStart, atEnd } = read;
  return {
    rows: rows.map(toRow),
    total,
    atStart,
    atEnd,
    before: atStart || !rows.length ? undefined : encodeCursor(sort, positionOf(sort, rows[0]!)),
    after: atEnd || !rows.length ? undefined : encodeCursor(sort, positionOf(sort, rows.at(-1)!)),
    invalidCursor: Boolean(cursorText) && !decodeCursor(sort, cursorText),
  };
}

export async function listOrganizations(caller: Caller) {
  assertAdmin(caller);
  const client = await db();
  return client.organization.findMany({
    where: caller.role === "ADMIN" ? {} : { id: caller.orgId },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** Creates a user; returns it with the initial password when one was generated (shown once). */
export async function createUser(caller: Caller, input: unknown): Promise<{ user: Profile; generatedPassword?: string }> {
  assertAdmin(caller);
  assertWritable();
  const { password, orgId: requestedOrg, role, ...profile } = validate(createUserForm, input);
  if (!roleAtMost(role, caller.role)) throw aboveOwnRole();
  const orgId = caller.role === "ADMIN" ? (requestedOrg ?? caller.orgId) : caller.orgId;
  const client = await db();
  if (!(await client.organization.findUnique({ where: { id: orgId }, select: { id: true } }))) {
    throw fieldError("INVALID", "orgId", sentence("chooseOrganisation"));
  }
  if (password) await assertStrongPassword(password, "password", { ...profile, names: [profile.firstName, profile.lastName] });
  const generatedPassword = password ? undefined : generatePassword();
  const passwordHash = await hashPassword(password ?? generatedPassword!);
  try {
    const user = await client.$transaction(async (tx) => {
      // The administrator chose the password: the user chooses their own at first sign-in.
      const created = await tx.user.create({
        data: { ...profile, role, orgId, passwordHash, passwordChangedAt: new Date(), mustChangePassword: true, sequence: 1, searchText: searchText(profile) },
      });
      const changes = Object.fromEntries(
        (["username", ...PROFILE_FIELDS, "role"] as const)
          .filter((f) => created[f] != null)
          .map((f) => [f, { from: null, to: created[f] }]),
      );
      await tx.profileEvent.create({
        data: { userId: created.id, sequence: 1, actorId: caller.id, tokenId: caller.tokenId ?? null, via: "ADMIN", changes },
      });
      // An administrator typed the address: its owner confirms it.
      if (created.email) await sendVerification(tx, created, created.email, { byUser: false });
      return created;
    });
    return { user, generatedPassword };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = String(error.meta?.target ?? error.message);
      throw target.includes("email") ? emailTakenError() : fieldError("CONFLICT", "username", sentence("usernameTaken"));
    }
    throw error;
  }
}

/**
 * Changes a user's role, recorded in their history and security activity; their other sessions
 * end (they sign in again with the new role). Nobody grants a role above their own, and the last
 * ADMIN cannot be demoted (the admin rows are locked, so two admins demoting each other at once
 * cannot both succeed).
 */
export async function changeRole(caller: Caller, targetId: string, input: unknown): Promise<Role> {
  assertAdmin(caller);
  assertWritable();
  const parsed = roleSchema.safeParse(input);
  if (!parsed.success) throw fieldError("INVALID", "role", parsed.error.issues[0]!.message);
  const to = parsed.data;
  const target = await findManaged(caller, targetId);
  if (!roleAtMost(to, caller.role) || !roleAtMost(target.role, caller.role)) throw aboveOwnRole();
  if (to === target.role) return to;
  const client = await db();
  await client.$transaction(async (tx) => {
    if (target.role === "ADMIN") {
      const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'ADMIN' FOR UPDATE`;
      if (admins.length <= 1) {
        throw fieldError("INVALID", "role", sentence("lastAdministrator"));
      }
    }
    const { sequence } = await tx.user.update({ where: { id: target.id }, data: { role: to, sequence: { increment: 1 } }, select: { sequence: true } });
    const changes = { role: { from: target.role, to } };
    await tx.profileEvent.create({ data: { userId: target.id, sequence, actorId: caller.id, tokenId: caller.tokenId ?? null, via: "ADMIN", changes } });
    await endUserSessions(target.id, "role changed", { except: caller.sessionId, tx });
    await recordSecurityEvent("ROLE_CHANGED", { userId: target.id, actorId: caller.id, detail: { from: target.role, to } }, tx);
  });
  return to;
}

/**
 * Sets a new password (typed, or generated and returned once): the user must choose their own at
 * next sign-in, every session of theirs ends and, unless asked not to, their API tokens are
 * revoked. An administrator resetting their own password gives the current one first (and keeps
 * this session and chooses their password themselves).
 */
export async function resetPassword(caller: Caller, targetId: string, input: unknown): Promise<{ generatedPassword?: string; revokedTokens: number }> {
  assertAdmin(caller);
  assertWritable();
  const { password, revokeTokens, currentPassword } = validate(passwordResetForm, input);
  const target = await findManaged(caller, targetId);
  const own = target.id === caller.id;
  if (own) await assertCurrentPassword(target.id, currentPassword, "Enter your current password to change your own");
  if (password) await assertStrongPassword(password, "password", { ...target, names: [target.firstName, target.lastName] });
  const generatedPassword = password ? undefined : generatePassword();
  const passwordHash = await hashPassword(password ?? generatedPassword!);
  const client = await db();
  const revokedTokens = await client.$transaction(async (tx) => {
    await tx.user.update({ where: { id: target.id }, data: { passwordHash, passwordChangedAt: new Date(), mustChangePassword: !own } });
    const { count } = revokeTokens
      ? await tx.apiToken.updateMany({ where: { userId: target.id, revokedAt: null }, data: { revokedAt: new Date() } })
      : { count: 0 };
    const ended = await endUserSessions(target.id, "password changed", { except: caller.sessionId, tx });
    await recordSecurityEvent("PASSWORD_RESET", { userId: target.id, actorId: caller.id, detail: { tokensRevoked: count, sessionsEnded: ended } }, tx);
    return count;
  });
  return { generatedPassword, revokedTokens };
}
