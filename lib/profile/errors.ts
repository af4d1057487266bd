import * as z from "zod/mini";
import { sentence, type Sentence } from "../i18n/sentence";
import { fieldIssues, type FieldIssue } from "./schema";
import type { Profile } from "./types";


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

/**
 * The one error type of the service; each surface maps its codes in one table. Its message and
 * its field messages are sentences (lib/i18n/sentence.ts), worded by each surface in its reader's
 * language.
 */
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
    message: Sentence,
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
export function fieldError(code: ProfileErrorCode, field: string, message: Sentence): ProfileError {
  return new ProfileError(code, message, { issues: [{ field, message }] });
}

/** The input parsed by `schema`, or INVALID with each field's first message. */
export function validate<T extends z.core.$ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = z.safeParse(schema, input);
  if (!parsed.success) throw new ProfileError("INVALID", sentence("invalidFields"), { issues: fieldIssues(parsed.error) });
  return parsed.data;
}

/** A wait as people say it ("30 seconds", "5 minutes"): the values of the catalogues' {unit, count}. */
export function waitValues(seconds: number) {
  return seconds < 60 ? { unit: "second", count: seconds } : { unit: "minute", count: Math.ceil(seconds / 60) };
}

export const rateLimitedError = (retryAfter: number) =>
  new ProfileError("RATE_LIMITED", sentence("rateLimited", waitValues(retryAfter)), { retryAfter });

export const unavailableError = (message = sentence("unavailable"), retryAfter = 5) =>
  new ProfileError("UNAVAILABLE", message, { retryAfter });

// Camunda's own wording, in English.
export const readOnlyError = () => new ProfileError("READ_ONLY", sentence("readOnly"));
export const emailTakenError = () => fieldError("CONFLICT", "email", sentence("emailTaken"));
