import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as me from "@/app/auth/v1/users/me/profile/route";
import * as management from "@/app/management/v1/users/[userId]/profile/route";
import * as camunda from "@/app/engine-rest/user/[id]/profile/route";
import * as camundaNamed from "@/app/engine-rest/engine/[name]/user/[id]/profile/route";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { reloadEnv } from "@/lib/env";
import { caller, createTestDb, DB_KINDS, makeUser, PASSWORD, type TestDb } from "./helpers/db";

// Any route handler: its params type is checked by Next; here they are given per call.
type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;
type Users = Awaited<ReturnType<typeof makeUser>>;

const JSON_TYPE = { "content-type": "application/json" };
const basic = (user: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}` });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function call(handler: Handler, params: Record<string, string>, init: { method: string; headers?: Record<string, string>; body?: string | Uint8Array }) {
  const request = new Request("http://localhost/test", { method: init.method, headers: init.headers, body: init.body as BodyInit | undefined });
  const response = await handler(request, { params: Promise.resolve(params) as Promise<never> });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const zitadelError = (code: number) => ({
  code, message: expect.any(String),
  details: [{ "@type": "type.googleapis.com/zitadel.v1.ErrorDetail", id: expect.any(String), message: expect.any(String) }],
});
const camundaError = (type: string, message: unknown = expect.any(String)) => ({ type, message });

const valid = { firstName: "Alice", lastName: "Liddell", displayName: "Alice Liddell" };
const bigBody = JSON.stringify({ ...valid, nickName: "x".repeat(70 * 1024) });

describe.each(DB_KINDS)("API on %s", (kind) => {
  let t: TestDb;
  let u: Record<"admin" | "orgAdmin" | "alice" | "carol" | "bob", Users>;
  let tok: Record<"admin" | "orgAdmin" | "alice" | "bob" | "revoked", string>;

  beforeAll(async () => {
    t = await createTestDb(kind);
    u = {
      admin: await makeUser(t.client, { role: "ADMIN", org: "Acme", username: "admin" }),
      orgAdmin: await makeUser(t.client, { role: "ORG_ADMIN", org: "Acme", username: "orgadmin" }),
      alice: await makeUser(t.client, { org: "Acme", username: "alice" }),
      carol: await makeUser(t.client, { org: "Acme", username: "carol" }),
      bob: await makeUser(t.client, { org: "Globex", username: "bob" }),
    };
    tok = {
      admin: (await createApiToken(caller(u.admin), { name: "admin" })).token,
      orgAdmin: (await createApiToken(caller(u.orgAdmin), { name: "orgadmin" })).token,
      alice: (await createApiToken(caller(u.alice), { name: "alice" })).token,
      bob: (await createApiToken(caller(u.bob), { name: "bob" })).token,
      revoked: "",
    };
    const revoked = await createApiToken(caller(u.alice), { name: "old" });
    await revokeApiToken(caller(u.alice), revoked.view.id);
    tok.revoked = revoked.token;
  });
  afterAll(() => t.close());
  beforeEach(() => {
    delete process.env.IDENTITY_READ_ONLY;
    reloadEnv();
  });

  const snapshot = async (id: string) => {
    const user = await t.client.user.findUniqueOrThrow({ where: { id } });
    return { user, events: await t.client.profileEvent.count({ where: { userId: id } }) };
  };

  describe("happy paths", () => {
    it("ZITADEL auth: GET returns details, profile and ETag; PUT saves, records the token and surface", async () => {
      const got = await call(me.GET, {}, { method: "GET", headers: bearer(tok.alice) });
      expect(got.status).toBe(200);
      expect(got.body).toEqual({
        details: { sequence: "0", creationDate: u.alice.createdAt.toISOString(), changeDate: expect.any(String), resourceOwner: u.alice.orgId },
        profile: { firstName: "Test", lastName: "alice", nickName: "", displayName: "Test alice", preferredLanguage: "", gender: "GENDER_UNSPECIFIED" },
      });
      expect(got.headers.get("etag")).toBe('"0"');
      expect(got.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

      const put = await call(me.PUT, {}, { method: "PUT", headers: { ...bearer(tok.alice), ...JSON_TYPE, "if-match": '"0"' }, body: JSON.stringify({ ...valid, preferredLanguage: "de-ch", unknownField: 1 }) });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({ details: { sequence: "1", creationDate: expect.any(String), changeDate: expect.any(String), resourceOwner: u.alice.orgId } });
      expect(put.headers.get("etag")).toBe('"1"');
      const { user } = await snapshot(u.alice.id);
      expect(user).toMatchObject({ ...valid, preferredLanguage: "de-CH", gender: "GENDER_UNSPECIFIED", sequence: 1 });
      const event = await t.client.profileEvent.findFirstOrThrow({ where: { userId: u.alice.id, sequence: 1 }, include: { token: true } });
      expect(event).toMatchObject({ via: "ZITADEL_API", actorId: u.alice.id, token: { name: "alice" } });

      // The same body again changes nothing and still succeeds (ZITADEL would answer "NotChanged").
      const again = await call(me.PUT, {}, { method: "PUT", headers: { ...bearer(tok.alice), ...JSON_TYPE }, body: JSON.stringify({ ...valid, preferredLanguage: "de-CH" }) });
      expect(again.status).toBe(200);
      expect(again.body.details.sequence).toBe("1");
    });

    it("ZITADEL management: an ADMIN selects another organisation with x-zitadel-orgid; gender numbers are accepted", async () => {
      const headers = { ...bearer(tok.admin), ...JSON_TYPE, "x-zitadel-orgid": u.bob.orgId };
      const got = await call(management.GET, { userId: u.bob.id }, { method: "GET", headers });
      expect(got.status).toBe(200);
      expect(got.body.details.resourceOwner).toBe(u.bob.orgId);
      const put = await call(management.PUT, { userId: u.bob.id }, { method: "PUT", headers, body: JSON.stringify({ ...valid, gender: 1 }) });
      expect(put.status).toBe(200);
      expect((await snapshot(u.bob.id)).user).toMatchObject({ firstName: "Alice", gender: "GENDER_FEMALE", sequence: 1 });
    });

    it("Camunda: GET returns the profile; PUT answers 204 on both path forms", async () => {
      const got = await call(camunda.GET, { id: "carol" }, { method: "GET", headers: basic("carol", PASSWORD) });
      expect(got).toMatchObject({ status: 200, body: { id: "carol", firstName: "Test", lastName: "carol", email: "carol@example.com" } });
      expect(got.headers.get("etag")).toBe('"0"');
      const body = JSON.stringify({ id: "carol", firstName: "Carol", lastName: "Danvers", email: "Carol@Example.com" });
      const put = await call(camunda.PUT, { id: "carol" }, { method: "PUT", headers: { ...basic("orgadmin", tok.orgAdmin), ...JSON_TYPE }, body });
      expect(put.status).toBe(204);
      expect(put.body).toBeNull();
      const named = await call(camundaNamed.PUT, { name: "default", id: "carol" }, { method: "PUT", headers: { ...basic("carol", PASSWORD), ...JSON_TYPE, "if-match": '"1"' }, body: body.replace("Danvers", "Danvers-Rambeau") });
      expect(named.status).toBe(204);
      expect((await snapshot(u.carol.id)).user).toMatchObject({ firstName: "Carol", lastName: "Danvers-Rambeau", email: "carol@example.com", sequence: 2 });
      const events = await t.client.profileEvent.findMany({ where: { userId: u.carol.id }, orderBy: { sequence: "asc" } });
      expect(events.map((e) => [e.via, e.actorId, e.tokenId !== null])).toEqual([["CAMUNDA_API", u.orgAdmin.id, true], ["CAMUNDA_API", u.carol.id, false]]);
    });
  });

  type Surface = "me" | "management" | "camunda";
  // Headers are built per call: the tokens and users exist only once beforeAll has run.
  type Headers = (c: { tok: typeof tok; u: typeof u }) => Record<string, string>;
  type Row = [label: string, surface: Surface, headers: Headers, body: string | Uint8Array | undefined, status: number, expected: unknown];
  const route: Record<Surface, { handler: Handler; params: () => Record<string, string>; target: () => string }> = {
    me: { handler: me.PUT, params: () => ({}), target: () => u.alice.id },
    management: { handler: management.PUT, params: () => ({ userId: u.alice.id }), target: () => u.alice.id },
    camunda: { handler: camunda.PUT, params: () => ({ id: "alice" }), target: () => u.alice.id },
  };

  // Bodies that are wrong for both ZITADEL routes: each is a 400 (code 3), 413 or 415, and nothing changes.
  const zitadelBodies: [string, string | Uint8Array, Record<string, string>, number][] = [
    ["broken JSON", "{bad", JSON_TYPE, 400],
    ["JSON array", "[]", JSON_TYPE, 400],
    ["JSON null", "null", JSON_TYPE, 400],
    ["JSON string", '"Alice"', JSON_TYPE, 400],
    ["empty object", "{}", JSON_TYPE, 400],
    ["empty body", "", JSON_TYPE, 400],
    ["first name a number", JSON.stringify({ ...valid, firstName: 5 }), JSON_TYPE, 400],
    ["first name empty", JSON.stringify({ ...valid, firstName: "" }), JSON_TYPE, 400],
    ["last name only spaces", JSON.stringify({ ...valid, lastName: "   " }), JSON_TYPE, 400],
    ["display name 201 characters", JSON.stringify({ ...valid, displayName: "y".repeat(201) }), JSON_TYPE, 400],
    ["nickname 201 emoji", JSON.stringify({ ...valid, nickName: "😀".repeat(201) }), JSON_TYPE, 400],
    ["line break in a name", JSON.stringify({ ...valid, lastName: "Lid\ndell" }), JSON_TYPE, 400],
    ["language 'english'", JSON.stringify({ ...valid, preferredLanguage: "english" }), JSON_TYPE, 400],
    ["language en_US", JSON.stringify({ ...valid, preferredLanguage: "en_US" }), JSON_TYPE, 400],
    ["language 11 characters", JSON.stringify({ ...valid, preferredLanguage: "zh-Hant-TWX" }), JSON_TYPE, 400],
    ["unknown gender", JSON.stringify({ ...valid, gender: "FEMALE" }), JSON_TYPE, 400],
    ["gender number out of range", JSON.stringify({ ...valid, gender: 9 }), JSON_TYPE, 400],
    ["display name an object", JSON.stringify({ ...valid, displayName: { a: 1 } }), JSON_TYPE, 400],
    ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), JSON_TYPE, 400],
    ["body over 64 KB", bigBody, JSON_TYPE, 413],
    ["text/plain", JSON.stringify(valid), { "content-type": "text/plain" }, 415],
    ["form encoded", "firstName=Alice", { "content-type": "application/x-www-form-urlencoded" }, 415],
    ["no content type", JSON.stringify(valid), {}, 415],
  ];
  const camundaValid = { id: "alice", firstName: "Alice", lastName: "Liddell", email: "alice@example.com" };
  const camundaBodies: [string, string, Record<string, string>, number][] = [
    ["broken JSON", '{"id": "alice",', JSON_TYPE, 400],
    ["JSON array", "[1]", JSON_TYPE, 400],
    ["JSON null", "null", JSON_TYPE, 400],
    ["empty object", "{}", JSON_TYPE, 400],
    ["first name a number", JSON.stringify({ ...camundaValid, firstName: 1 }), JSON_TYPE, 400],
    ["last name missing", JSON.stringify({ ...camundaValid, lastName: undefined }), JSON_TYPE, 400],
    ["email invalid", JSON.stringify({ ...camundaValid, email: "not-an-email" }), JSON_TYPE, 400],
    ["email missing", JSON.stringify({ ...camundaValid, email: undefined }), JSON_TYPE, 400],
    ["email taken", JSON.stringify({ ...camundaValid, email: "BOB@example.com" }), JSON_TYPE, 400],
    ["id of another user", JSON.stringify({ ...camundaValid, id: "bob" }), JSON_TYPE, 400],
    ["id a number", JSON.stringify({ ...camundaValid, id: 7 }), JSON_TYPE, 400],
    ["tab in a name", JSON.stringify({ ...camundaValid, firstName: "Al\tice" }), JSON_TYPE, 400],
    ["first name 201 characters", JSON.stringify({ ...camundaValid, firstName: "a".repeat(201) }), JSON_TYPE, 400],
    ["body over 64 KB", JSON.stringify({ ...camundaValid, pad: "x".repeat(70 * 1024) }), JSON_TYPE, 413],
    ["text/plain", JSON.stringify(camundaValid), { "content-type": "text/plain" }, 415],
    ["no content type", JSON.stringify(camundaValid), {}, 415],
  ];

  const ok = JSON.stringify(valid);
  const cOk = JSON.stringify(camundaValid);
  const grpc: Record<number, number> = { 400: 3, 401: 16, 403: 7, 404: 5, 412: 9, 413: 3, 415: 3 };
  const rows: Row[] = [
    ...zitadelBodies.flatMap(([label, body, headers, status]): Row[] => [
      [`me: ${label}`, "me", ({ tok }) => ({ ...bearer(tok.alice), ...headers }), body, status, zitadelError(grpc[status]!)],
      [`management: ${label}`, "management", ({ tok }) => ({ ...bearer(tok.orgAdmin), ...headers }), body, status, zitadelError(grpc[status]!)],
    ]),
    ...camundaBodies.map(([label, body, headers, status]): Row => [`camunda: ${label}`, "camunda", ({ tok }) => ({ ...basic("alice", tok.alice), ...headers }), body, status, camundaError("InvalidRequestException")]),
    // Who is asking, and may they?
    ["me: no Authorization", "me", () => ({ ...JSON_TYPE }), ok, 401, zitadelError(16)],
    ["me: unknown token", "me", () => ({ ...bearer("pst_nope"), ...JSON_TYPE }), ok, 401, zitadelError(16)],
    ["me: revoked token", "me", ({ tok }) => ({ ...bearer(tok.revoked), ...JSON_TYPE }), ok, 401, zitadelError(16)],
    ["me: Basic instead of Bearer", "me", () => ({ ...basic("alice", PASSWORD), ...JSON_TYPE }), ok, 401, zitadelError(16)],
    ["me: stale If-Match", "me", ({ tok }) => ({ ...bearer(tok.alice), ...JSON_TYPE, "if-match": '"99"' }), ok, 412, zitadelError(9)],
    ["me: garbage If-Match", "me", ({ tok }) => ({ ...bearer(tok.alice), ...JSON_TYPE, "if-match": "yesterday" }), ok, 412, zitadelError(9)],
    ["management: a USER on someone else", "management", ({ tok }) => ({ ...bearer(tok.bob), ...JSON_TYPE }), ok, 404, zitadelError(5)],
    ["management: other org's admin", "management", ({ tok, u }) => ({ ...bearer(tok.bob), ...JSON_TYPE, "x-zitadel-orgid": u.bob.orgId }), ok, 404, zitadelError(5)],
    ["management: ORG_ADMIN selecting another org", "management", ({ tok, u }) => ({ ...bearer(tok.orgAdmin), ...JSON_TYPE, "x-zitadel-orgid": u.bob.orgId }), ok, 403, zitadelError(7)],
    ["management: ADMIN in the wrong org", "management", ({ tok, u }) => ({ ...bearer(tok.admin), ...JSON_TYPE, "x-zitadel-orgid": u.bob.orgId }), ok, 404, zitadelError(5)],
    ["management: revoked token", "management", ({ tok }) => ({ ...bearer(tok.revoked), ...JSON_TYPE }), ok, 401, zitadelError(16)],
    ["management: stale If-Match", "management", ({ tok }) => ({ ...bearer(tok.orgAdmin), ...JSON_TYPE, "if-match": '"42"' }), ok, 412, zitadelError(9)],
    ["camunda: no Authorization", "camunda", () => ({ ...JSON_TYPE }), cOk, 401, camundaError("AuthenticationException")],
    ["camunda: wrong password", "camunda", () => ({ ...basic("alice", "wrong"), ...JSON_TYPE }), cOk, 401, camundaError("AuthenticationException")],
    ["camunda: another user's token", "camunda", ({ tok }) => ({ ...basic("alice", tok.bob), ...JSON_TYPE }), cOk, 401, camundaError("AuthenticationException")],
    ["camunda: revoked token", "camunda", ({ tok }) => ({ ...basic("alice", tok.revoked), ...JSON_TYPE }), cOk, 401, camundaError("AuthenticationException")],
    ["camunda: Bearer instead of Basic", "camunda", ({ tok }) => ({ ...bearer(tok.alice), ...JSON_TYPE }), cOk, 401, camundaError("AuthenticationException")],
    ["camunda: another organisation's user", "camunda", ({ tok }) => ({ ...basic("bob", tok.bob), ...JSON_TYPE }), cOk, 404, camundaError("InvalidRequestException", "User with id alice does not exist")],
    ["camunda: a USER on a colleague", "camunda", () => ({ ...basic("carol", PASSWORD), ...JSON_TYPE }), cOk, 403, camundaError("AuthorizationException")],
    ["camunda: stale If-Match", "camunda", ({ tok }) => ({ ...basic("alice", tok.alice), ...JSON_TYPE, "if-match": '"7"' }), cOk, 412, camundaError("OptimisticLockingException")],
  ];

  it.each(rows)("%s: documented 4xx in the surface's format, nothing changes", async (label, surface, headers, body, status, expected) => {
    const r = route[surface];
    const before = await snapshot(r.target());
    const response = await call(r.handler, r.params(), { method: "PUT", headers: headers({ tok, u }), body });
    expect({ label, status: response.status }).toEqual({ label, status });
    expect(response.body, label).toEqual(expected);
    expect(response.headers.get("x-request-id"), label).toBeTruthy();
    if (status === 401 && surface === "camunda") expect(response.headers.get("www-authenticate"), label).toBe('Basic realm="default"');
    expect(await snapshot(r.target()), label).toEqual(before);
  });

  it("messages are English unless Accept-Language asks for a language we speak; codes, types and fields stay as they are", async () => {
    const before = await snapshot(u.alice.id);
    const body = JSON.stringify({ ...valid, firstName: " ", preferredLanguage: "english" });
    const put = (language?: string) =>
      call(me.PUT, {}, { method: "PUT", headers: { ...bearer(tok.alice), ...JSON_TYPE, ...(language && { "accept-language": language }) }, body });
    const english = await put();
    expect(english).toMatchObject({ status: 400, body: { code: 3, message: "firstName: First name is required; preferredLanguage: Use a language tag such as en, de-CH or zh-Hant" } });
    expect((await put("zh-CN, tlh;q=0.5")).body.message).toBe(english.body.message);
    const german = await put("de-CH, de;q=0.9, en;q=0.5");
    expect(german).toMatchObject({ status: 400, body: { code: 3, details: [{ id: "PROFILE-Invalid" }] } });
    expect(german.body.message).toMatch(/^firstName: .+; preferredLanguage: .+$/);
    expect(german.body.message).not.toContain("required");
    const japanese = await put("ja");
    expect(japanese.body.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    const denied = await call(camunda.PUT, { id: "carol" }, {
      method: "PUT", headers: { ...basic("alice", tok.alice), ...JSON_TYPE, "accept-language": "fr" }, body: JSON.stringify({ id: "carol", ...valid, email: "c@example.com" }),
    });
    expect(denied).toMatchObject({ status: 403, body: { type: "AuthorizationException" } });
    expect(denied.body.message).toContain("carol");
    expect(denied.body.message).not.toContain("You are not authorized");
    expect(await snapshot(u.alice.id)).toEqual(before);
  });

  it("unknown users are 404 on every surface", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await call(management.GET, { userId: unknown }, { method: "GET", headers: bearer(tok.admin) })).body).toEqual(zitadelError(5));
    const c = await call(camunda.GET, { id: "nobody" }, { method: "GET", headers: basic("admin", tok.admin) });
    expect(c).toMatchObject({ status: 404, body: { type: "InvalidRequestException", message: "User with id nobody does not exist" } });
    const engine = await call(camundaNamed.GET, { name: "other", id: "alice" }, { method: "GET", headers: basic("admin", tok.admin) });
    expect(engine.status).toBe(404);
  });

  it("read-only mode: writes are refused in each format, reads still work", async () => {
    process.env.IDENTITY_READ_ONLY = "true";
    reloadEnv();
    const before = await snapshot(u.alice.id);
    const z = await call(me.PUT, {}, { method: "PUT", headers: { ...bearer(tok.alice), ...JSON_TYPE }, body: JSON.stringify({ ...valid, nickName: "ro" }) });
    expect(z).toMatchObject({ status: 403, body: zitadelError(7) });
    const c = await call(camunda.PUT, { id: "alice" }, { method: "PUT", headers: { ...basic("alice", tok.alice), ...JSON_TYPE }, body: JSON.stringify(camundaValid) });
    expect(c).toMatchObject({ status: 403, body: { type: "InvalidRequestException", message: "Identity service implementation is read-only." } });
    expect((await call(me.GET, {}, { method: "GET", headers: bearer(tok.alice) })).status).toBe(200);
    expect(await snapshot(u.alice.id)).toEqual(before);
  });
});
