import type { Sentence } from "../i18n/sentence";
import type { ProfileError } from "../profile/errors";

/** Sentences in the caller's language (lib/i18n/translate.ts: English unless Accept-Language asks for another). */
export type Say = (value: Sentence) => string;

/** What every API surface (ZITADEL, Camunda) answers in its own format. */
export interface Dialect {
  /** The dialect's one mapping table: error code → HTTP status and body. */
  errorResponse(error: ProfileError, context: { requestId: string; subject?: string; say: Say }): Response;
  internalError(requestId: string, say: Say): Response;
}

/** An error's message as the caller reads it; invalid input names each field and what is wrong with it. */
export function describe(error: ProfileError, say: Say): string {
  if (error.code === "INVALID" && error.issues.length) return error.issues.map((i) => `${i.field}: ${say(i.message)}`).join("; ");
  return say(error.message);
}

export const etag = (sequence: number) => `"${sequence}"`;
