import type { Gender, ProfileField, Role } from "./schema";

export type { ProfileField, Role };
export type ChangeVia = "UI" | "ADMIN" | "ZITADEL_API" | "CAMUNDA_API" | "EMAIL_LINK";

/** Who is asking, already authenticated by the transport. */
export interface Caller {
  id: string;
  orgId: string;
  role: Role;
  /** Set when the caller authenticated with an API token. */
  tokenId?: string | null;
  /** Set when the caller signed in in a browser: the session their own changes must not end. */
  sessionId?: string;
}

export interface Profile {
  id: string;
  username: string;
  orgId: string;
  email: string | null;
  /** The owner of the address confirmed it (lib/profile/email.ts). */
  emailVerified: boolean;
  firstName: string;
  lastName: string;
  nickName: string | null;
  displayName: string;
  preferredLanguage: string | null;
  gender: Gender;
  role: Role;
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
}

export type ProfileChanges = Partial<Record<ProfileField, { from: string | null; to: string | null }>>;
/**
 * What an event records: profile fields; for admin changes also role, username (creation) and
 * "password"; for email, also emailVerified ("true"/"false") and pendingEmail (a change awaiting its link).
 */
export type EventChanges = Record<string, { from: string | null; to: string | null }>;

export interface ProfileEventView {
  sequence: number;
  createdAt: Date;
  via: ChangeVia;
  actor: { id: string; username: string; displayName: string } | null;
  token: { id: string; name: string } | null;
  changes: EventChanges;
}
