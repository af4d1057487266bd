import { isDatabaseUnavailable } from "../db/errors";
import { sentence } from "../i18n/sentence";
import { isProfileError, unavailableError, type ProfileError } from "../profile/errors";

/**
 * The error as the one error type when it is an answer to give (a database that is away is one:
 * UNAVAILABLE, "try again"); null for a bug, which is logged and answered with a 500.
 */
export function asProfileError(error: unknown): ProfileError | null {
  if (isProfileError(error)) return error;
  if (isDatabaseUnavailable(error)) return unavailableError(sentence("databaseUnavailable"));
  return null;
}
