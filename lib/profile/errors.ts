import type { FieldIssue } from "./schema";
import type { Profile } from "./types";

export type ProfileErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "INVALID"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "READ_ONLY"
  // Transport problems, raised by lib/http before the service is reached:
  | "BAD_REQUEST"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "PAYLOAD_TOO_LARGE";

/** The one error type of the service; each surface maps its codes in one table. */
export class ProfileError extends Error {
  readonly code: ProfileErrorCode;
  /** Field messages (INVALID, CONFLICT). */
  readonly issues: FieldIssue[];
  /** The profile as it is now (PRECONDITION_FAILED), so a client can show both versions. */
  readonly current?: Profile;

  constructor(code: ProfileErrorCode, message: string, options: { issues?: FieldIssue[]; current?: Profile } = {}) {
    super(message);
    this.name = "ProfileError";
    this.code = code;
    this.issues = options.issues ?? [];
    this.current = options.current;
  }
}

export function isProfileError(error: unknown): error is ProfileError {
  return error instanceof ProfileError;
}
