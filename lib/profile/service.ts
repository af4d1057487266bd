import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { env } from "../env";
import { assertCurrentPassword } from "../auth/credentials";
import { takeProfileReadWithToken } from "../auth/tokens";
import { Prisma } from "../generated/prisma/client";
import { assertMayVouch, changeEmail } from "./email";
import { emailTakenError, ProfileError, readOnlyError, validate } from "./errors";
import { CURRENT_PASSWORD_REQUIRED, PROFILE_FIELDS, profilePatch, type ProfileField, type ProfilePatch } from "./schema";
import { findManaged, isManagedTarget, lockManaged, type Scope, type Target } from "./target";
import type { Caller, ChangeVia, EventChanges, Profile, ProfileChanges, ProfileEventView } from "./types";
import { writeLockedVersion, writeVersion } from "./version";
import { sentence } from "../i18n/sentence";

export { findManaged, type Scope, type Target };

/**
 * The target's profile, if the caller may manage it. A token caller reading their own profile gets
 * the row read while their token was checked (lib/auth/tokens.ts), under the same rules as
 * findManaged; anything else is read here.
 */
export async function getProfile(caller: Caller, target: Target, scope: Scope = {}): Promise<Profile> {
  const own = takeProfileReadWithToken(caller);
  if (own && isManagedTarget(caller, target, own, scope)) return own;
  return findManaged(caller, target, scope);
}

export function isReadOnly(): boolean {
  return env().IDENTITY_READ_ONLY;
}

export interface UpdateOptions extends Scope {
  via: ChangeVia;
  /** Compare-and-set: the sequence the caller's copy was read at. Omitted: last writer wins. */
  ifSequence?: number;
  /** Required when people change their own email in the browser (profile or admin page). */
  currentPassword?: string;
  /** An administrator vouches for the address of another user (ZITADEL management's isEmailVerified). */
  emailVerified?: boolean;
}

export interface UpdateResult {
  profile: Profile;
  /** False when the input matched the stored profile: nothing was written, no new sequence. */
  changed: boolean;
  /** People changing their own email: the address a confirmation link was sent to (not in force yet). */
  pendingEmail?: string;
}

const stale = (current: Profile) =>
  new ProfileError("PRECONDITION_FAILED", sentence("profileChanged"), { current });

/**
 * Validates and applies a change to a user's profile: authorisation, read-only mode, no-op
 * detection, the version check and the history event, in one transaction.
 */
export async function updateProfile(
  caller: Caller,
  target: Target,
  input: unknown,
  options: UpdateOptions,
): Promise<UpdateResult> {
  // (Taken in any case: after a write, the profile read with the token is out of date.)
  const own = takeProfileReadWithToken(caller);
  if (isReadOnly()) throw readOnlyError();
  const patch = validate(profilePatch, input);
  if (own) {
    const written = await writeOwnVersion(caller, target, own, patch, options);
    if (written) return written;
  }
  // People changing their own email in the browser give their password: checked before the row
  // is locked, since a hash takes tens of milliseconds.
  let passwordChecked = false;
  if (patch.email !== undefined && mayNeedPassword(caller, target, options)) {
    const seen = await findManaged(caller, target, options);
    if (options.ifSequence !== undefined && options.ifSequence !== seen.sequence) throw stale(seen);
    if (patch.email !== seen.email && needsPassword(caller, seen, options)) {
      await assertCurrentPassword(seen.id, options.currentPassword, CURRENT_PASSWORD_REQUIRED);
      passwordChecked = true;
    }
  }

  const client = await db();
  try {
    return await client.$transaction(
      async (tx) => {
        // The row lock makes writers without a version queue instead of racing, so the last one
        // wins and every change gets the next sequence; writers with a version are checked under it.
        const current = await lockManaged(tx, caller, target, options);
        if (options.ifSequence !== undefined && options.ifSequence !== current.sequence) throw stale(current);
        if (options.emailVerified) assertMayVouch(caller, current);
        const changes = diff(current, patch);
        // Vouching for the address in force, unchanged, is a change of its own.
        const vouch = options.emailVerified && !changes.email && !current.emailVerified;
        if (Object.keys(changes).length === 0 && !vouch) return { profile: current, changed: false };
        // (The email moved while the password was being checked: start again from the new version.)
        if (changes.email && !passwordChecked && needsPassword(caller, current, options)) throw stale(current);
        return { ...(await write(tx, caller, current, changes, options)), changed: true };
      },
      { maxWait: 10_000, timeout: 10_000 },
    );
  } catch (error) {
    // The unique index decides who gets an address, even between two people racing for it.
    if (isUniqueViolation(error)) throw emailTakenError();
    throw error;
  }
}

/**
 * A token caller changing fields of their own profile, against the version read with their token
 * (lib/auth/tokens.ts): the same rules, diff and history event as the transaction in
 * updateProfile, written by writeVersion's compare-and-set on that version without BEGIN, lock
 * and COMMIT around it. Null when it does not apply or the version moved on meanwhile: then the
 * locked transaction decides, as for everyone else (the 412 with the current version included).
 * Email changes and vouching always take that path (lib/profile/email.ts).
 */
async function writeOwnVersion(caller: Caller, target: Target, own: Profile, patch: ProfilePatch, options: UpdateOptions): Promise<UpdateResult | null> {
  if (!isManagedTarget(caller, target, own, options)) return null;
  if (options.emailVerified || (options.ifSequence !== undefined && options.ifSequence !== own.sequence)) return null;
  const changes = diff(own, patch);
  const fields = Object.keys(changes) as ProfileField[];
  if (fields.length === 0 || changes.email) return null;
  const data: Partial<Profile> = Object.fromEntries(fields.map((field) => [field, changes[field]!.to]));
  const profile = await writeVersion(await db(), caller, own, { data, changes, via: options.via });
  return profile ? { profile, changed: true } : null;
}

function diff(current: Profile, patch: ProfilePatch): ProfileChanges {
  const changes: ProfileChanges = {};
  for (const field of PROFILE_FIELDS) {
    const to = patch[field];
    if (to === undefined || to === current[field]) continue;
    changes[field] = { from: current[field], to };
  }
  return changes;
}

/** In the browser, a session alone does not let anyone move their own account's email: the password does. */
function needsPassword(caller: Caller, target: { id: string }, options: UpdateOptions): boolean {
  return (options.via === "UI" || options.via === "ADMIN") && caller.id === target.id && !caller.tokenId;
}
const mayNeedPassword = (caller: Caller, target: Target, options: UpdateOptions) =>
  typeof target === "string" && needsPassword(caller, { id: target }, options);

/** The new version and its event; the caller holds the row lock. A new email goes through lib/profile/email.ts. */
async function write(tx: Prisma.TransactionClient, caller: Caller, current: Profile, changes: ProfileChanges, { via, emailVerified }: UpdateOptions) {
  const { email, ...fields } = changes;
  const data: Partial<Profile> = Object.fromEntries(Object.entries(fields).map(([field, change]) => [field, change.to]));
  const events: EventChanges = { ...fields };
  let pendingEmail: string | undefined;
  if (email) {
    const outcome = await changeEmail(tx, caller, current, email.to!, { verified: emailVerified });
    Object.assign(data, outcome.data);
    Object.assign(events, outcome.changes);
    pendingEmail = outcome.pendingEmail;
  } else if (emailVerified && !current.emailVerified) {
    data.emailVerified = true;
    events.emailVerified = { from: "false", to: "true" };
  }
  return { profile: await writeLockedVersion(tx, caller, current, { data, changes: events, via }), pendingEmail };
}

/** The user's change history, newest first. */
export async function listProfileEvents(
  caller: Caller,
  targetId: string,
  { limit = 20, beforeSequence }: { limit?: number; beforeSequence?: number } = {},
): Promise<ProfileEventView[]> {
  await findManaged(caller, targetId);
  const client = await db();
  const rows = await client.profileEvent.findMany({
    where: { userId: targetId, ...(beforeSequence !== undefined ? { sequence: { lt: beforeSequence } } : {}) },
    orderBy: { sequence: "desc" },
    take: limit,
    select: {
      sequence: true, createdAt: true, via: true, changes: true,
      actor: { select: { id: true, username: true, displayName: true } },
      token: { select: { id: true, name: true } },
    },
  });
  return rows.map((row) => ({ ...row, changes: row.changes as EventChanges }));
}

/** The name of an organisation, for the identity header (of a profile the caller has read). */
export async function organisationName(orgId: string): Promise<string> {
  const client = await db();
  const org = await client.organization.findUnique({ where: { id: orgId }, select: { name: true } });
  return org?.name ?? "";
}
