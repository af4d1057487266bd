import type { ProfileError } from "../profile/errors";

/** What every API surface (ZITADEL, Camunda) answers in its own format. */
export interface Dialect {
  /** The dialect's one mapping table: error code → HTTP status and body. */
  errorResponse(error: ProfileError, context: { requestId: string; subject?: string }): Response;
  internalError(requestId: string): Response;
}

export const etag = (sequence: number) => `"${sequence}"`;
