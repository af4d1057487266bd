import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "../db/client";
import type { PrismaClient } from "../generated/prisma/client";
import { log } from "../log";
import { rateLimitedError } from "../profile/errors";

/**
 * Throttling of every password and token check. Failed checks are counted in the database (the
 * RateLimit table, through rate-limiter-flexible's Prisma store), so every instance on one
 * PostgreSQL shares the counts, and the embedded database keeps them across restarts.
 *
 * Passwords: 5 failures in a row for one account from one address, 20 for one account from
 * anywhere, or 100 from one address for any accounts (spraying) block further attempts before
 * any hashing — for a minute the first time, twice as long each time again within a day, at
 * most an hour. A correct password clears the account's counts. Tokens: 20 wrong tokens from one
 * address in an hour block that address's token guesses the same way.
 */
const WINDOW_SECONDS = 60 * 60;
const FIRST_BLOCK_SECONDS = 60;
const LONGEST_BLOCK_SECONDS = 60 * 60;

const LIMITS = {
  accountAddress: 5,
  account: 20,
  address: 100,
  tokenAddress: 20,
} as const;
type LimitName = keyof typeof LIMITS;

export interface Attempt {
  kind: "password" | "token";
  /** The account the check is for (a user id, or the name typed when there is no such user). */
  account?: string;
  /** The client's address (lib/http/request-context.ts). */
  address: string;
}

type Limiters = Record<LimitName | "blocks" | "lockouts", RateLimiterPrisma> & {
  // Blocks this process has seen, until when: a flood against a blocked key then costs no query.
  // (A block only ever starts earlier elsewhere, so a stale entry cannot unblock anyone early.)
  knownBlocks: Map<string, number>;
};
const perClient = new WeakMap<PrismaClient, Limiters>();

async function limiters(): Promise<Limiters> {
  const client = await db();
  let made = perClient.get(client);
  if (!made) {
    const make = (keyPrefix: string, points: number, duration = WINDOW_SECONDS) =>
      new RateLimiterPrisma({ storeClient: client, tableName: "rateLimit", keyPrefix, points, duration });
    made = {
      accountAddress: make("password-account-address", LIMITS.accountAddress),
      account: make("password-account", LIMITS.account),
      address: make("password-address", LIMITS.address),
      tokenAddress: make("token-address", LIMITS.tokenAddress),
      // Keys blocked now, each until its block ends (only block() and get() are used on it).
      blocks: make("blocked", 1),
      // How often a key was blocked today: each block lasts twice as long as the one before.
      lockouts: make("lockouts", 1_000_000, 24 * 60 * 60),
      knownBlocks: new Map(),
    };
    perClient.set(client, made);
  }
  return made;
}

function keysOf(attempt: Attempt): [LimitName, string][] {
  if (attempt.kind === "token") return [["tokenAddress", attempt.address]];
  const keys: [LimitName, string][] = [["address", attempt.address]];
  if (attempt.account) keys.push(["account", attempt.account], ["accountAddress", `${attempt.account}|${attempt.address}`]);
  return keys;
}

/** The key of a block: which limit, and what it counted. */
const blockId = (name: LimitName, key: string) => `${name}:${key}`;

function remember(all: Limiters, key: string, until: number) {
  if (all.knownBlocks.size > 10_000) all.knownBlocks.clear();
  all.knownBlocks.set(key, until);
}

/** Seconds until the attempt may be made, or 0 when none of its keys is blocked. */
export async function blockedFor(attempt: Attempt): Promise<number> {
  const all = await limiters();
  const now = Date.now();
  const untils = await Promise.all(
    keysOf(attempt).map(async ([name, key]) => {
      const id = blockId(name, key);
      const known = all.knownBlocks.get(id) ?? 0;
      if (known > now) return known;
      const block = await all.blocks.get(id);
      const until = block ? now + block.msBeforeNext : 0;
      if (until > now) remember(all, id, until);
      return until;
    }),
  );
  return Math.ceil(Math.max(0, ...untils.map((until) => until - now)) / 1000);
}

const counted = (outcome: unknown): RateLimiterRes => {
  if (outcome instanceof RateLimiterRes) return outcome; // over the limit: the limiter rejects with its state
  throw outcome;
};

type Counted = { name: LimitName; key: string; count: number };

/** Counts the attempt under each of its keys (atomically: each sees its own count). */
async function count(attempt: Attempt): Promise<Counted[]> {
  const all = await limiters();
  return Promise.all(keysOf(attempt).map(async ([name, key]) => ({ name, key, count: (await all[name].consume(key).catch(counted)).consumedPoints })));
}

/** The keys whose limit these counts reached or passed. */
const atLimit = (counts: Counted[]): [LimitName, string][] => counts.filter((c) => c.count >= LIMITS[c.name]).map((c) => [c.name, c.key]);

/** Blocks each key (for a minute the first time today, twice as long each time after); returns the longest block. */
async function block(keys: [LimitName, string][], attempt: Attempt): Promise<number> {
  const all = await limiters();
  let longest = 0;
  for (const [name, key] of keys) {
    const id = blockId(name, key);
    const times = (await all.lockouts.consume(id).catch(counted)).consumedPoints;
    const seconds = Math.min(FIRST_BLOCK_SECONDS * 2 ** (times - 1), LONGEST_BLOCK_SECONDS);
    await all.blocks.block(id, seconds);
    remember(all, id, Date.now() + seconds * 1000);
    await all[name].delete(key); // after the block, counting starts afresh
    longest = Math.max(longest, seconds);
    log.warn({ event: "LOCKED_OUT", limit: name, account: attempt.account, address: attempt.address, seconds }, "attempts blocked");
  }
  return longest;
}

/**
 * Before a password is checked: refused (RATE_LIMITED, with the wait) while blocked; else the
 * attempt takes its place in the counts first, so many guesses at once cannot all slip past the
 * limit. Returns the keys this attempt brought to their limit (blocked if the password is wrong).
 */
export async function beginAttempt(attempt: Attempt): Promise<[LimitName, string][]> {
  const wait = await blockedFor(attempt);
  if (wait > 0) throw rateLimitedError(wait);
  const counts = await count(attempt);
  // Beyond the limit (guesses racing the one that reached it): refused without a check.
  if (counts.some((c) => c.count > LIMITS[c.name])) throw rateLimitedError(FIRST_BLOCK_SECONDS);
  return atLimit(counts);
}

/** A wrong password: the keys it brought to their limit are blocked; returns the longest block (0: none). */
export function failAttempt(attempt: Attempt, reached: [LimitName, string][]): Promise<number> {
  return block(reached, attempt);
}

/** A correct password clears the account's counts; the address gets its point back (it counts failures). */
export async function succeedAttempt(attempt: Attempt): Promise<void> {
  const all = await limiters();
  await Promise.all(keysOf(attempt).map(([name, key]) => (name === "address" ? all.address.reward(key, 1) : all[name].delete(key))));
}

/** A failed check counted after the fact (wrong tokens: looking one up costs nothing to throttle first). */
export async function recordFailure(attempt: Attempt): Promise<number> {
  return block(atLimit(await count(attempt)), attempt);
}
