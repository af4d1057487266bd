import { z } from "zod";
import { camundaProfileBody, GENDERS, zitadelEmailBody, zitadelManagementEmailBody, zitadelProfileBody } from "../profile/schema";
import { MAX_BODY_BYTES } from "./api";

// Response shapes (the handlers build them in lib/http): for this document only, so they stay out of the
// browser bundle, which loads lib/profile/schema.ts.
const zitadelDetails = z.object({
  sequence: z.string().describe("The profile's version; also sent as the ETag"),
  creationDate: z.iso.datetime(),
  changeDate: z.iso.datetime(),
  resourceOwner: z.string().describe("The organisation id"),
});
const zitadelProfileMessage = z.object({
  firstName: z.string(), lastName: z.string(), nickName: z.string(), displayName: z.string(),
  preferredLanguage: z.string(), gender: z.enum(GENDERS),
});
const zitadelEmailMessage = z.object({ email: z.string(), isEmailVerified: z.boolean() });
const zitadelError = z.object({
  code: z.number().int().describe("gRPC code: 3 invalid argument, 5 not found, 6 already exists, 7 permission denied, 9 failed precondition, 16 unauthenticated, 13 internal"),
  message: z.string(),
  details: z.array(z.object({ "@type": z.literal("type.googleapis.com/zitadel.v1.ErrorDetail"), id: z.string(), message: z.string() })),
});
const camundaProfile = z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), email: z.string().nullable() });
const camundaError = z.object({ type: z.string().describe("e.g. InvalidRequestException, AuthorizationException"), message: z.string() });

function schema(s: z.core.$ZodType, io: "input" | "output") {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any", target: "draft-2020-12" });
  return rest; // OpenAPI 3.1's own dialect is JSON Schema 2020-12
}
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ "application/json": { schema: ref(name) } });

type Errors = Record<number, string>;
function responses(ok: Record<string, unknown>, errorSchema: string, errors: Errors) {
  return {
    ...ok,
    ...Object.fromEntries(Object.entries(errors).map(([status, description]) => [status, { description, content: json(errorSchema) }])),
  };
}

const ZITADEL_ERRORS: Errors = {
  400: "Invalid body or field (code 3); each field's message is in `message`",
  401: "Missing, unknown or revoked token (code 16)",
  403: "Not allowed, or read-only mode (code 7)",
  404: "No such user, or one outside the selected organisation (code 5)",
  409: "Email already used by another account (code 6)",
  412: "If-Match does not match the current sequence (code 9)",
  413: `Body over ${MAX_BODY_BYTES / 1024} KB (code 3)`,
  415: "Content-Type is not application/json (code 3)",
};
const CAMUNDA_ERRORS: Errors = {
  400: "Invalid body, or body id different from the path id (InvalidRequestException)",
  401: "Missing or wrong credentials; comes with WWW-Authenticate: Basic",
  403: "Not allowed (AuthorizationException), or read-only (InvalidRequestException)",
  404: "No such user (InvalidRequestException)",
  412: "If-Match does not match the current version (OptimisticLockingException)",
  413: `Body over ${MAX_BODY_BYTES / 1024} KB`,
  415: "Content-Type is not application/json",
};

const etagHeader = { ETag: { description: "The profile's sequence; send it back as If-Match", schema: { type: "string" } } };
const ifMatch = {
  name: "If-Match", in: "header", required: false, schema: { type: "string" },
  description: "The ETag you read. A stale one is refused with 412 and nothing is written. Omitted or `*`: last writer wins.",
};
const orgHeader = {
  name: "x-zitadel-orgid", in: "header", required: false, schema: { type: "string" },
  description: "The organisation to work in (default: the caller's). One the caller may not administer is 403.",
};
const userId = { name: "userId", in: "path", required: true, schema: { type: "string" } };
const camundaId = { name: "id", in: "path", required: true, schema: { type: "string" }, description: "The username" };
const engineName = {
  name: "name", in: "path", required: true, schema: { type: "string", enum: ["default"] },
  description: "The process engine. Only `default` exists; any other name is 404.",
};

function zitadelOps(tag: string, params: object[], via: string) {
  return {
    get: {
      tags: [tag], summary: "Read the profile", operationId: `${via}Get`, security: [{ bearer: [] }], parameters: params,
      responses: responses({ 200: { description: "The profile", headers: etagHeader, content: json("ZitadelGetProfileResponse") } }, "ZitadelError", { 401: ZITADEL_ERRORS[401]!, 403: ZITADEL_ERRORS[403]!, 404: ZITADEL_ERRORS[404]! }),
    },
    put: {
      tags: [tag], summary: "Update the profile", operationId: `${via}Put`, security: [{ bearer: [] }], parameters: [...params, ifMatch],
      description: "Replaces the profile. A missing gender is GENDER_UNSPECIFIED; unknown fields are ignored; an update that changes nothing succeeds with the same sequence.",
      requestBody: { required: true, content: json("ZitadelProfile") },
      responses: responses({ 200: { description: "Saved (or already so)", headers: etagHeader, content: json("ZitadelUpdateProfileResponse") } }, "ZitadelError", ZITADEL_ERRORS),
    },
  };
}

const PENDING_EMAIL =
  "One's own new address is not in force until its owner opens the link sent to it (24 hours, single use): " +
  "until then every read answers the old address, and the old address is told once it changes.";

function zitadelEmailOps(tag: string, params: object[], via: string, body: string, description: string) {
  return {
    get: {
      tags: [tag], summary: "Read the email address", operationId: `${via}GetEmail`, security: [{ bearer: [] }], parameters: params,
      description: "The address in force and whether its owner has verified it; a pending change is not shown.",
      responses: responses({ 200: { description: "The email", headers: etagHeader, content: json("ZitadelGetEmailResponse") } }, "ZitadelError", { 401: ZITADEL_ERRORS[401]!, 403: ZITADEL_ERRORS[403]!, 404: ZITADEL_ERRORS[404]! }),
    },
    put: {
      tags: [tag], summary: "Change the email address", operationId: `${via}PutEmail`, security: [{ bearer: [] }], parameters: [...params, ifMatch],
      description, requestBody: { required: true, content: json(body) },
      responses: responses({ 200: { description: "Done, pending, or already so", headers: etagHeader, content: json("ZitadelUpdateProfileResponse") } }, "ZitadelError", { ...ZITADEL_ERRORS, 429: "Too many confirmation messages in an hour; see Retry-After (code 8)" }),
    },
  };
}

/** Camunda serves every route both as /engine-rest/... and under a named engine, /engine-rest/engine/{name}/... */
function camundaOps(params: object[], via: string, notFound: string) {
  const errors: Errors = { ...CAMUNDA_ERRORS, 404: notFound };
  return {
    get: {
      tags: ["Camunda 7"], summary: "Read a user's profile", operationId: `${via}Get`, security: [{ basic: [] }], parameters: params,
      responses: responses({ 200: { description: "The profile", headers: etagHeader, content: json("CamundaProfile") } }, "CamundaError", { 401: errors[401]!, 403: errors[403]!, 404: notFound }),
    },
    put: {
      tags: ["Camunda 7"], summary: "Update a user's profile", operationId: `${via}Put`, security: [{ basic: [] }], parameters: [...params, ifMatch],
      description: `A new email from the user themself answers 204 and stays pending: ${PENDING_EMAIL} An administrator's change to another user's email takes effect at once, unverified, and both addresses are told.`,
      requestBody: { required: true, content: json("CamundaProfileUpdate") },
      responses: responses({ 204: { description: "Saved (or already so); no content" } }, "CamundaError", errors),
    },
  };
}

/** The OpenAPI 3.1 document, generated from the same Zod schemas the handlers validate with. */
export function openApiDocument(serverUrl = "/") {
  return {
    openapi: "3.1.0",
    info: {
      title: "Profiles API",
      version: "1.0.0",
      description:
        "Wire-compatible with ZITADEL v1 (auth and management) and Camunda 7 (engine-rest identity). " +
        "Where the originals hurt their users we do better: an update that changes nothing succeeds; a malformed " +
        "preferredLanguage is a 400 with a field message; every read returns an ETag and a stale If-Match is refused (412); " +
        "a user in another organisation is 404, never 403. Every response carries x-request-id.",
    },
    servers: [{ url: serverUrl }],
    tags: [{ name: "ZITADEL auth v1" }, { name: "ZITADEL management v1" }, { name: "Camunda 7" }],
    paths: {
      "/auth/v1/users/me/profile": zitadelOps("ZITADEL auth v1", [], "zitadelAuth"),
      "/management/v1/users/{userId}/profile": zitadelOps("ZITADEL management v1", [userId, orgHeader], "zitadelManagement"),
      "/auth/v1/users/me/email": zitadelEmailOps("ZITADEL auth v1", [], "zitadelAuth", "ZitadelSetEmail", PENDING_EMAIL),
      "/management/v1/users/{userId}/email": zitadelEmailOps(
        "ZITADEL management v1", [userId, orgHeader], "zitadelManagement", "ZitadelUpdateEmail",
        "Another user's address changes at once: verified when isEmailVerified is true, else unverified with a link sent to it; " +
          `the old address is told. ${PENDING_EMAIL} Nobody can mark their own address verified (403).`,
      ),
      "/engine-rest/user/{id}/profile": camundaOps([camundaId], "camunda", CAMUNDA_ERRORS[404]!),
      "/engine-rest/engine/{name}/user/{id}/profile": camundaOps([engineName, camundaId], "camundaEngine", "No such user, or no engine with that name (InvalidRequestException)"),
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A personal access token from /settings/tokens" },
        basic: { type: "http", scheme: "basic", description: "username:password or username:token" },
      },
      schemas: {
        ZitadelProfile: schema(zitadelProfileBody, "input"),
        ZitadelDetails: schema(zitadelDetails, "output"),
        ZitadelGetProfileResponse: { type: "object", properties: { details: ref("ZitadelDetails"), profile: schema(zitadelProfileMessage, "output") }, required: ["details", "profile"] },
        ZitadelUpdateProfileResponse: { type: "object", properties: { details: ref("ZitadelDetails") }, required: ["details"] },
        ZitadelSetEmail: schema(zitadelEmailBody, "input"),
        ZitadelUpdateEmail: schema(zitadelManagementEmailBody, "input"),
        ZitadelGetEmailResponse: { type: "object", properties: { details: ref("ZitadelDetails"), email: schema(zitadelEmailMessage, "output") }, required: ["details", "email"] },
        ZitadelError: schema(zitadelError, "output"),
        CamundaProfile: schema(camundaProfile, "output"),
        CamundaProfileUpdate: schema(camundaProfileBody, "input"),
        CamundaError: schema(camundaError, "output"),
      },
    },
  };
}
