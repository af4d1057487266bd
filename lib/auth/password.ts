import crypto from "node:crypto";
import os from "node:os";
import { hash, verify } from "@node-rs/argon2";
import { unavailableError } from "../profile/errors";
import { sentence } from "../i18n/sentence";

// argon2id (the library's default algorithm) with OWASP's recommended minimums.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

// Each hash takes ~19 MiB and tens of milliseconds of a core. At most one core's worth run at once
// (all but one core, at least one) and the rest queue, so a flood of password guesses cannot take
// every core (and the memory) from signed-in people; past the queue's length the answer is "try
// again in a moment" rather than a pile-up.
const MAX_RUNNING = Math.min(4, Math.max(1, os.availableParallelism() - 1));
const MAX_WAITING = 64;
let running = 0;
const waiting: (() => void)[] = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running < MAX_RUNNING) {
    running++;
  } else {
    if (waiting.length >= MAX_WAITING) throw unavailableError(sentence("busySignIns"), 1);
    await new Promise<void>((resolve) => waiting.push(resolve)); // the slot is handed over as it is
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** A random password people can type: 16 characters from an unambiguous alphabet (about 93 bits). */
export function generatePassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from(crypto.randomBytes(16), (b) => alphabet[b % alphabet.length]).join("");
}

export function hashPassword(password: string): Promise<string> {
  return withHashSlot(() => hash(password, OPTIONS));
}

// Verified against when the user does not exist, so an unknown name costs as much as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hash("not-a-real-password", OPTIONS);
    const dummy = await dummyHash;
    await withHashSlot(() => verify(dummy, password).catch(() => false));
    return false;
  }
  return withHashSlot(() => verify(passwordHash, password).catch(() => false));
}
