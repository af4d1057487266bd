import type { ProfileErrorCode } from "../profile/errors";
import type { Sentence } from "../i18n/sentence";
import type { Profile } from "../profile/types";
import { sentence } from "../i18n/sentence";
import { describe, etag, type Dialect } from "./dialect";

/** Camunda's mapping table: our code → HTTP status and exception type (message, when Camunda words it its own way). */
const TABLE: Record<ProfileErrorCode, { status: number; type: string; message?: (subject: string) => Sentence }> = {
  INVALID: { status: 400, type: "InvalidRequestException" },
  BAD_REQUEST: { status: 400, type: "InvalidRequestException" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, type: "InvalidRequestException" },
  PAYLOAD_TOO_LARGE: { status: 413, type: "InvalidRequestException" },
  NOT_FOUND: { status: 404, type: "InvalidRequestException" },
  CONFLICT: { status: 400, type: "InvalidRequestException" },
  FORBIDDEN: {
    status: 403,
    type: "AuthorizationException",
    message: (id) => sentence("camundaForbidden", { id }),
  },
  READ_ONLY: { status: 403, type: "InvalidRequestException" },
  PRECONDITION_FAILED: { status: 412, type: "OptimisticLockingException" },
  UNAUTHENTICATED: { status: 401, type: "AuthenticationException" },
  RATE_LIMITED: { status: 429, type: "AuthenticationException" },
  UNAVAILABLE: { status: 503, type: "ProcessEngineException" },
};

export function camundaProfile(profile: Profile) {
  return { id: profile.username, firstName: profile.firstName, lastName: profile.lastName, email: profile.email };
}

export function camundaOk(profile: Profile): Response {
  return Response.json(camundaProfile(profile), { headers: { etag: etag(profile.sequence) } });
}

export const camunda: Dialect = {
  errorResponse(error, { subject, say }) {
    const row = TABLE[error.code];
    const message = row.message && subject !== undefined ? say(row.message(subject)) : describe(error, say);
    const response = Response.json({ type: row.type, message }, { status: row.status });
    if (error.code === "UNAUTHENTICATED") response.headers.set("www-authenticate", 'Basic realm="default"');
    return response;
  },
  internalError(requestId, say) {
    return Response.json({ type: "ProcessEngineException", message: say(sentence("internalError", { requestId })) }, { status: 500 });
  },
};
