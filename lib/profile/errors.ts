import type { z } from "zod";
import { fieldIssues, type FieldIssue } from "./schema";
import type { Profile } from "./types";

/** Sentences more than one layer says. The read-only one is Camunda's own wording. */
export const ERROR_MESSAGES = {
  readOnly: "Identity service implementation is read-only.",
  emailTaken: "This email address is already used by another account",
  userNotFound: (id: string) => `User with id ${id} does not exist`,
};

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

/** An error about one field: the field's message is also the error's. */
export function fieldError(code: ProfileErrorCode, field: string, message: string): ProfileError {
  return new ProfileError(code, message, { issues: [{ field, message }] });
}

/** The input parsed by `schema`, or INVALID with each field's first message. */
export function validate<T extends z.ZodType>(schema: T, input: unknown, message: string): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ProfileError("INVALID", message, { issues: fieldIssues(parsed.error) });
  return parsed.data;
}

export const readOnlyError = () => new ProfileError("READ_ONLY", ERROR_MESSAGES.readOnly);
export const emailTakenError = () => fieldError("CONFLICT", "email", ERROR_MESSAGES.emailTaken);
