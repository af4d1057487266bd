import type { ProfileError, ProfileErrorCode } from "../profile/errors";
import type { Profile } from "../profile/types";
import { etag, type Dialect } from "./dialect";

/** Camunda's mapping table: our code → HTTP status and exception type (message, when Camunda words it its own way). */
const TABLE: Record<ProfileErrorCode, { status: number; type: string; message?: (subject: string) => string }> = {
  INVALID: { status: 400, type: "InvalidRequestException" },
  BAD_REQUEST: { status: 400, type: "InvalidRequestException" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, type: "InvalidRequestException" },
  PAYLOAD_TOO_LARGE: { status: 413, type: "InvalidRequestException" },
  NOT_FOUND: { status: 404, type: "InvalidRequestException" },
  CONFLICT: { status: 400, type: "InvalidRequestException" },
  FORBIDDEN: {
    status: 403,
    type: "AuthorizationException",
    message: (id) => `You are not authorized to access the profile of user '${id}'.`,
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
  errorResponse(error: ProfileError, { subject }) {
    const row = TABLE[error.code];
    const message = row.message && subject !== undefined ? row.message(subject) : error.message;
    const response = Response.json({ type: row.type, message }, { status: row.status });
    if (error.code === "UNAUTHENTICATED") response.headers.set("www-authenticate", 'Basic realm="default"');
    return response;
  },
  internalError(requestId: string) {
    return Response.json({ type: "ProcessEngineException", message: `Internal error; quote request id ${requestId}` }, { status: 500 });
  },
};
