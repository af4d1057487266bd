import { db } from "../db/client";
import { requestContext } from "../http/request-context";
import { fieldError } from "../profile/errors";
import { recordSecurityEvent } from "./events";
import { verifyPassword } from "./password";
import { startSession } from "./session-store";
import { beginAttempt, blockedFor, failAttempt, succeedAttempt } from "./throttle";
import { sentence, type Sentence } from "../i18n/sentence";

/** The client's address for throttling ("unknown" outside a request: scripts and tests). */
export const clientAddress = () => requestContext()?.address || "unknown";

type Purpose = "sign-in" | "basic auth" | "current password";

/** A password attempt's keys: the user's id, or the name typed when there is no such user. */
const passwordAttempt = (user: { id: string } | null, name: string) => ({
  kind: "password" as const,
  account: user?.id ?? `name:${name.trim().toLowerCase()}`,
  address: clientAddress(),
});

/**
 * Checks a password under the throttle: while blocked it is RATE_LIMITED before any hashing; a
 * failure is counted (and recorded, with the lockout it may start), a success clears the
 * account's count. `name` is what was typed, the account key when there is no such user.
 */
export async function checkPassword(
  user: { id: string; passwordHash: string } | null,
  name: string,
  password: string,
  purpose: Purpose,
): Promise<boolean> {
  const attempt = passwordAttempt(user, name);
  const reached = await beginAttempt(attempt);
  // Verified even for an unknown user, so the answer takes as long either way.
  if (await verifyPassword(user?.passwordHash, password)) {
    await succeedAttempt(attempt);
    return true;
  }
  const blockedFor = await failAttempt(attempt, reached);
  await recordSecurityEvent("SIGN_IN_FAILED", { userId: user?.id, detail: { via: purpose, ...(!user && { name: name.slice(0, 100) }) } });
  if (blockedFor) await recordSecurityEvent("LOCKED_OUT", { userId: user?.id, detail: { seconds: blockedFor } });
  return false;
}

/**
 * People's current password, asked before they change what proves who they are (their password,
 * their email): throttled like a sign-in; missing or wrong is INVALID on `currentPassword`.
 */
export async function assertCurrentPassword(userId: string, given: string | undefined, whenMissing: Sentence): Promise<void> {
  if (!given) throw fieldError("INVALID", "currentPassword", whenMissing);
  const client = await db();
  const user = await client.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, username: true, passwordHash: true } });
  if (!(await checkPassword(user, user.username, given, "current password"))) {
    throw fieldError("INVALID", "currentPassword", sentence("currentPasswordWrong"));
  }
}

/** The account a sign-in names: a username or an email address, either case. */
async function findAccount(identifier: string) {
  const name = identifier.trim().toLowerCase();
  const client = await db();
  return client.user.findFirst({
    where: { OR: [{ username: name }, { email: name }] },
    select: { id: true, passwordHash: true },
  });
}

/** Seconds before a sign-in with this name may be tried from this address (0: now). */
export async function signInBlockedFor(identifier: string): Promise<number> {
  const user = await findAccount(identifier);
  return blockedFor(passwordAttempt(user, identifier));
}

/** Browser sign-in (the form and Auth.js's own endpoint): a new session's id, or null. */
export async function signInWithPassword(identifier: string, password: string): Promise<{ id: string; sessionId: string } | null> {
  const user = await findAccount(identifier);
  if (!(await checkPassword(user, identifier, password, "sign-in")) || !user) return null;
  return { id: user.id, sessionId: await startSession(user.id) };
}
