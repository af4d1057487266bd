import { compileErrors, validate } from "@readme/openapi-parser";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as me from "@/app/auth/v1/users/me/profile/route";
import * as management from "@/app/management/v1/users/[userId]/profile/route";
import * as meEmail from "@/app/auth/v1/users/me/email/route";
import * as managementEmail from "@/app/management/v1/users/[userId]/email/route";
import * as camunda from "@/app/engine-rest/user/[id]/profile/route";
import * as camundaNamed from "@/app/engine-rest/engine/[name]/user/[id]/profile/route";
import { createApiToken } from "@/lib/auth/tokens";
import { openApiDocument } from "@/lib/http/openapi";
import { LANGUAGE_TAG_PATTERN, OPTIONAL_TEXT_PATTERN, profileFields, VISIBLE_TEXT_PATTERN } from "@/lib/profile/schema";
import { caller, createTestDb, DB_KINDS, makeUser, type TestDb } from "./helpers/db";

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;
type JsonSchema = {
  $ref?: string; type?: string | string[]; enum?: unknown[]; anyOf?: JsonSchema[]; format?: string;
  minLength?: number; maxLength?: number; pattern?: string; minimum?: number; maximum?: number;
  properties?: Record<string, JsonSchema>; required?: string[]; additionalProperties?: boolean | JsonSchema;
};
type Operation = {
  operationId: string; parameters?: { name: string; in: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> }; responses: Record<string, unknown>;
};

const doc = openApiDocument();
const paths = doc.paths as Record<string, Record<string, Operation>>;
const schemas = doc.components.schemas as Record<string, JsonSchema>;
const resolve = (s: JsonSchema) => (s.$ref ? schemas[s.$ref.replace("#/components/schemas/", "")]! : s);
const NAME_FIELDS = ["firstName", "lastName", "displayName"];

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    // A deep copy: the parser dereferences what it is given in place.
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : compileErrors(result)).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("lists both Camunda path forms, GET and PUT, with unique operationIds", () => {
    for (const path of ["/engine-rest/user/{id}/profile", "/engine-rest/engine/{name}/user/{id}/profile"]) {
      expect(Object.keys(paths[path] ?? {}).sort()).toEqual(["get", "put"]);
    }
    const named = paths["/engine-rest/engine/{name}/user/{id}/profile"]!.put!;
    expect(named.parameters).toContainEqual(expect.objectContaining({ name: "name", in: "path", schema: { type: "string", enum: ["default"] } }));
    const ids = Object.values(paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("states the limits the server enforces", () => {
    const zitadel = schemas.ZitadelProfile!.properties!;
    const camundaBody = schemas.CamundaProfileUpdate!.properties!;
    for (const field of [...NAME_FIELDS.map((f) => zitadel[f]), camundaBody.firstName, camundaBody.lastName]) {
      expect(field).toMatchObject({ type: "string", minLength: 1, maxLength: 200, pattern: VISIBLE_TEXT_PATTERN });
    }
    expect(zitadel.nickName).toMatchObject({ type: ["string", "null"], maxLength: 200, pattern: OPTIONAL_TEXT_PATTERN });
    expect(zitadel.preferredLanguage).toMatchObject({ type: ["string", "null"], maxLength: 10, pattern: LANGUAGE_TAG_PATTERN });
    expect(camundaBody.email).toMatchObject({ type: "string", format: "email", maxLength: 254, pattern: z.regexes.email.source });
  });

  // The other direction of the property below: what the server refuses, the document refuses too.
  const namePattern = new RegExp(VISIBLE_TEXT_PATTERN, "u");
  const serverAcceptsName = (s: string) => profileFields.shape.firstName.safeParse(s).success;
  it.each([
    ["Zoë"], ["山田"], ["O'Brien"], ["Anne-Marie & Co"], ["👩🏽‍💻 Ada"], ["محمد\u200E"], ["a\u200Db"], ["  Alice  "],
  ])("a name both accept: %j", (name) => {
    expect([namePattern.test(name), serverAcceptsName(name)]).toEqual([true, true]);
  });
  it.each([
    [""], ["   "], ["\u200B"], ["\u2800\u3000"], ["a\u0000b"], ["a\nb"], ["a\u0085b"], ["Ali\u202Ecod.exe"], ["a\u2067b"],
    ["a\u2028b"], ["a\uFDD0b"], ["a\u{1FFFF}b"], ["a\uD800b"],
  ])("a name both refuse: %j", (name) => {
    expect([namePattern.test(name), serverAcceptsName(name)]).toEqual([false, false]);
  });

  it("agrees with the server on every character in a name, but for those NFC expands (whose count the server takes after NFC)", () => {
    const disagree: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const character = String.fromCodePoint(cp);
      const expands = character.isWellFormed() && [...character.normalize("NFC")].length > 1;
      const name = `a${character}a`;
      if (namePattern.test(name) !== (serverAcceptsName(name) && !expands)) disagree.push(cp.toString(16));
    }
    expect(disagree).toEqual([]);
  });

  const nickNamePattern = new RegExp(OPTIONAL_TEXT_PATTERN, "u");
  const serverAcceptsNickName = (s: string) => profileFields.shape.nickName.safeParse(s).success;
  it.each([[""], ["  "], ["Al"], [" Zoë "]])("a nickname both accept: %j", (nickName) => {
    expect([nickNamePattern.test(nickName), serverAcceptsNickName(nickName)]).toEqual([true, true]);
  });
  it.each([["\u200B"], [" \u2800 "], ["a\tb"], ["a\u202Eb"]])("a nickname both refuse: %j", (nickName) => {
    expect([nickNamePattern.test(nickName), serverAcceptsNickName(nickName)]).toEqual([false, false]);
  });

  const languagePattern = new RegExp(LANGUAGE_TAG_PATTERN, "u");
  it.each([["en"], ["DE-ch"], ["zh-Hant-TW"], ["es-419"], [""]])("a language tag both accept: %j", (tag) => {
    expect([languagePattern.test(tag), profileFields.shape.preferredLanguage.safeParse(tag).success]).toEqual([true, true]);
  });
  it.each([["english"], ["en_GB"], ["en-"], ["de-CH-1901"], ["x-klingon"]])("a language tag both refuse: %j", (tag) => {
    expect([languagePattern.test(tag), profileFields.shape.preferredLanguage.safeParse(tag).success]).toEqual([false, false]);
  });
});

// JSON Schema → fast-check, for the subset the document's request bodies use.
function arbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.anyOf) return fc.oneof(...s.anyOf.map(arbitrary));
  const types = [s.type ?? []].flat();
  if (types.length !== 1) return fc.oneof(...types.map((type) => arbitrary({ ...s, type })));
  switch (types[0]) {
    case "null": return fc.constant(null);
    case "boolean": return fc.boolean();
    case "integer": return fc.integer({ min: s.minimum, max: s.maximum });
    case "string": return string(s);
    case "object": return object(s);
    default: throw new Error(`No arbitrary for ${JSON.stringify(s)}`);
  }
}

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const realisticEmail = fc.mixedCase(
  fc.tuple(fc.array(fc.stringMatching(/^[a-z0-9_+-]{1,12}$/), { minLength: 1, maxLength: 3 }), fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom("com", "ch", "de", "org", "travel"))
    .map(([local, domain, tld]) => `${local.join(".")}@${domain.join(".")}.${tld}`),
);

function string({ minLength = 0, maxLength, pattern, format }: JsonSchema): fc.Arbitrary<string> {
  const regex = pattern === undefined ? undefined : new RegExp(pattern, "u");
  const fits = (v: string) => [...v].length >= minLength && (maxLength === undefined || [...v].length <= maxLength) && (!regex || regex.test(v));
  const matching = regex ? fc.stringMatching(regex, { maxLength }).filter(fits) : fc.string({ unit: "binary", minLength, maxLength });
  if (format === "email") return fc.oneof(realisticEmail.filter(fits), matching);
  // fast-check draws `.` and `[^…]` from printable ASCII only: also try any text, from all of Unicode and
  // at the length limit, falling back to the pattern's own strings when it does not fit.
  const anyText = (unit: "binary" | "grapheme" | "grapheme-composite", length: number) =>
    fc.string({ unit, minLength: length, maxLength }).chain((v) => (fits(v) ? fc.constant(v) : matching));
  return fc.oneof(matching, anyText("binary", minLength), anyText("grapheme", minLength), anyText("grapheme-composite", maxLength ?? minLength));
}

function object({ properties = {}, required = [], additionalProperties }: JsonSchema) {
  const known = fc.record(Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, arbitrary(s)])), { requiredKeys: required });
  if (additionalProperties === false) return known;
  // The document does not forbid other fields, so send some.
  const other = fc.dictionary(fc.string().filter((key) => !Object.hasOwn(properties, key)), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 });
  return fc.tuple(other, known).map(([o, k]) => ({ ...o, ...k }) as Record<string, unknown>);
}

describe.each(DB_KINDS)("on %s, every body the document accepts, the server accepts", (kind) => {
  let t: TestDb;
  // How to reach each documented PUT: its handler, path parameters and caller (once the users exist).
  const ROUTES: Record<string, { handler: Handler; params: Record<string, string>; headers: Record<string, string> }> = {};
  const documented = Object.entries(paths).flatMap(([path, ops]) => (ops.put ? [[path, ops.put] as const] : []));

  beforeAll(async () => {
    t = await createTestDb(kind);
    const [alice, orgAdmin, carol] = [await makeUser(t.client, { username: "alice" }), await makeUser(t.client, { role: "ORG_ADMIN" }), await makeUser(t.client, { username: "carol" })];
    const token = async (user: typeof alice) => (await createApiToken(caller(user), { name: "openapi" })).token;
    const bearer = async (user: typeof alice) => ({ authorization: `Bearer ${await token(user)}` });
    const carolBasic = { authorization: `Basic ${Buffer.from(`carol:${await token(carol)}`).toString("base64")}` };
    Object.assign(ROUTES, {
      "/auth/v1/users/me/profile": { handler: me.PUT, params: {}, headers: await bearer(alice) },
      "/management/v1/users/{userId}/profile": { handler: management.PUT, params: { userId: carol.id }, headers: await bearer(orgAdmin) },
      "/auth/v1/users/me/email": { handler: meEmail.PUT, params: {}, headers: await bearer(alice) },
      "/management/v1/users/{userId}/email": { handler: managementEmail.PUT, params: { userId: carol.id }, headers: await bearer(orgAdmin) },
      "/engine-rest/user/{id}/profile": { handler: camunda.PUT, params: { id: "carol" }, headers: carolBasic },
      "/engine-rest/engine/{name}/user/{id}/profile": { handler: camundaNamed.PUT, params: { name: "default", id: "carol" }, headers: carolBasic },
    });
  });
  afterAll(() => t.close());

  it("covers every documented PUT", () => {
    expect(documented.map(([path]) => path).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it.each(documented)("PUT %s", async (path, op) => {
    const route = ROUTES[path]!;
    const ok = Number(Object.keys(op.responses).find((status) => status.startsWith("2")));
    const body = arbitrary(op.requestBody!.content["application/json"]!.schema) as fc.Arbitrary<Record<string, unknown>>;
    await fc.assert(
      fc.asyncProperty(body, async (generated) => {
        const { params } = route;
        // One's own new email sends a link, five an hour at most: every generated case is a fresh hour.
        await t.client.emailToken.deleteMany({});
        // The document says a body id must equal the path id (which JSON Schema cannot say): send the same one.
        const sent = "id" in generated && params.id ? { ...generated, id: params.id } : generated;
        const request = new Request(`http://localhost${path}`, {
          method: "PUT", headers: { ...route.headers, "content-type": "application/json" }, body: JSON.stringify(sent),
        });
        const response = await route.handler(request, { params: Promise.resolve(params) as Promise<never> });
        expect(response.status, await response.text()).toBe(ok);
      }),
      { numRuns: 80 },
    );
  });

  it("answers 404 for an engine other than default, as documented", async () => {
    const { headers } = ROUTES["/engine-rest/engine/{name}/user/{id}/profile"]!;
    const request = new Request("http://localhost/engine-rest/engine/other/user/carol/profile", { headers });
    const response = await camundaNamed.GET(request, { params: Promise.resolve({ name: "other", id: "carol" }) });
    expect(response.status).toBe(404);
  });
});
