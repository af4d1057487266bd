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

type Limiters = Record<LimitName | "lockouts", RateLimiterPrisma>;
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
      // How often a key was blocked today: each block lasts twice as long as the one before.
      lockouts: make("lockouts", 1_000_000, 24 * 60 * 60),
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

/** Seconds until the attempt may be made, or 0 when none of its keys is blocked. */
export async function blockedFor(attempt: Attempt): Promise<number> {
  const all = await limiters();
  const states = await Promise.all(keysOf(attempt).map(async ([name, key]) => ({ name, state: await all[name].get(key) })));
  const waits = states.map(({ name, state }) => (state && state.consumedPoints >= LIMITS[name] ? state.msBeforeNext : 0));
  return Math.ceil(Math.max(0, ...waits) / 1000);
}

/** Refuses the attempt with RATE_LIMITED (and the wait) while any of its keys is blocked. */
export async function assertNotThrottled(attempt: Attempt): Promise<void> {
  const wait = await blockedFor(attempt);
  if (wait > 0) throw rateLimitedError(wait);
}

const consumed = (outcome: unknown): RateLimiterRes => {
  if (outcome instanceof RateLimiterRes) return outcome; // over the limit: the limiter rejects with its state
  throw outcome;
};

/**
 * Counts a failed check. A key that reaches its limit is blocked; returns the longest block that
 * started (seconds), so the caller can record the lockout, or 0.
 */
export async function recordFailure(attempt: Attempt): Promise<number> {
  const all = await limiters();
  let longest = 0;
  for (const [name, key] of keysOf(attempt)) {
    const state = await all[name].consume(key).catch(consumed);
    if (state.consumedPoints < LIMITS[name]) continue;
    const times = (await all.lockouts.consume(`${name}:${key}`).catch(consumed)).consumedPoints;
    const seconds = Math.min(FIRST_BLOCK_SECONDS * 2 ** (times - 1), LONGEST_BLOCK_SECONDS);
    await all[name].block(key, seconds);
    longest = Math.max(longest, seconds);
    log.warn({ event: "LOCKED_OUT", limit: name, account: attempt.account, address: attempt.address, seconds }, "attempts blocked");
  }
  return longest;
}

/** A correct password clears the account's failure counts (not the address's: that one counts spraying). */
export async function recordSuccess(attempt: Attempt): Promise<void> {
  if (attempt.kind !== "password" || !attempt.account) return;
  const all = await limiters();
  await Promise.all([all.account.delete(attempt.account), all.accountAddress.delete(`${attempt.account}|${attempt.address}`)]);
}
