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
  // Too many failed password or token checks: try again after `retryAfter` seconds.
  | "RATE_LIMITED"
  // The database (or the password hasher) cannot answer now: try again shortly.
  | "UNAVAILABLE"
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
  /** Seconds until trying again makes sense (RATE_LIMITED, UNAVAILABLE): the Retry-After header. */
  readonly retryAfter?: number;

  constructor(
    code: ProfileErrorCode,
    message: string,
    options: { issues?: FieldIssue[]; current?: Profile; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = "ProfileError";
    this.code = code;
    this.issues = options.issues ?? [];
    this.current = options.current;
    this.retryAfter = options.retryAfter;
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

/** "1 minute", "5 minutes", "30 seconds": a wait as people say it. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export const rateLimitedError = (retryAfter: number) =>
  new ProfileError("RATE_LIMITED", `Too many failed attempts. Try again in ${describeWait(retryAfter)}.`, { retryAfter });

export const unavailableError = (message = "The service is unavailable at the moment. Try again shortly.", retryAfter = 5) =>
  new ProfileError("UNAVAILABLE", message, { retryAfter });

export const readOnlyError = () => new ProfileError("READ_ONLY", ERROR_MESSAGES.readOnly);
export const emailTakenError = () => fieldError("CONFLICT", "email", ERROR_MESSAGES.emailTaken);
