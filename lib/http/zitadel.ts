import type { ProfileErrorCode } from "../profile/errors";
import type { Profile } from "../profile/types";
import { sentence } from "../i18n/sentence";
import { describe, etag, type Dialect } from "./dialect";

/** ZITADEL's mapping table: our code → gRPC code, HTTP status and ZITADEL-style detail id. */
const TABLE: Record<ProfileErrorCode, { grpc: number; status: number; id: string }> = {
  INVALID: { grpc: 3, status: 400, id: "PROFILE-Invalid" },
  BAD_REQUEST: { grpc: 3, status: 400, id: "PROFILE-BadRequest" },
  UNSUPPORTED_MEDIA_TYPE: { grpc: 3, status: 415, id: "PROFILE-MediaType" },
  PAYLOAD_TOO_LARGE: { grpc: 3, status: 413, id: "PROFILE-TooLarge" },
  NOT_FOUND: { grpc: 5, status: 404, id: "USER-NotFound" },
  CONFLICT: { grpc: 6, status: 409, id: "USER-AlreadyExists" },
  FORBIDDEN: { grpc: 7, status: 403, id: "AUTH-PermissionDenied" },
  READ_ONLY: { grpc: 7, status: 403, id: "PROFILE-ReadOnly" },
  PRECONDITION_FAILED: { grpc: 9, status: 412, id: "PROFILE-SequenceMismatch" },
  UNAUTHENTICATED: { grpc: 16, status: 401, id: "AUTH-Unauthenticated" },
  RATE_LIMITED: { grpc: 8, status: 429, id: "AUTH-TooManyAttempts" },
  UNAVAILABLE: { grpc: 14, status: 503, id: "PROFILE-Unavailable" },
};

function body(code: number, message: string, id: string) {
  return { code, message, details: [{ "@type": "type.googleapis.com/zitadel.v1.ErrorDetail", id, message }] };
}

/** `details` of every ZITADEL v1 response: the sequence as a string, dates in RFC 3339. */
export function objectDetails(profile: Profile) {
  return {
    sequence: String(profile.sequence),
    creationDate: profile.createdAt.toISOString(),
    changeDate: profile.updatedAt.toISOString(),
    resourceOwner: profile.orgId,
  };
}

/** ZITADEL's profile message (proto3 JSON: empty strings for none), without email. */
export function profileMessage(profile: Profile) {
  return {
    firstName: profile.firstName,
    lastName: profile.lastName,
    nickName: profile.nickName ?? "",
    displayName: profile.displayName,
    preferredLanguage: profile.preferredLanguage ?? "",
    gender: profile.gender,
  };
}

/** ZITADEL's email message: the address in force (a pending change is not it yet). */
export function emailMessage(profile: Profile) {
  return { email: profile.email ?? "", isEmailVerified: profile.emailVerified };
}

export function zitadelOk(payload: object, profile: Profile): Response {
  return Response.json(payload, { headers: { etag: etag(profile.sequence) } });
}

export const zitadel: Dialect = {
  errorResponse(error, { say }) {
    const row = TABLE[error.code];
    return Response.json(body(row.grpc, describe(error, say), row.id), { status: row.status });
  },
  internalError(requestId, say) {
    return Response.json(body(13, say(sentence("internalError", { requestId })), "PROFILE-Internal"), { status: 500 });
  },
};
