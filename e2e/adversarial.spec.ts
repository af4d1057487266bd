import type { APIRequestContext } from "@playwright/test";
import { basicAuth, DEMO_PASSWORD, expect, signIn, test } from "./fixtures";

/**
 * A corpus of hostile requests against every surface of the running server: broken encodings,
 * NUL bytes, odd methods, wrong types, huge and deeply nested bodies, forged credentials and
 * repeated or out-of-range parameters. None may get a 5xx, none may show a stack trace, and the
 * database must be as it was (every profile's version and the number of users).
 */

interface Hostile {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

const JSON_TYPE = { "content-type": "application/json" };
const nul = "\u0000";
const ids = ["%00", "a%00b", "%ZZ", "%", "..", "%2e%2e", "x".repeat(5000), "%E2%80%AE", "%F0%9F%98%80", "'; DROP TABLE \"User\"; --", "%5C", "null", "-1", "00000000-0000-4000-8000-000000000000"];
const bodies: [string, string | Buffer][] = [
  ["broken JSON", "{"],
  ["JSON array", "[1,2]"],
  ["JSON number", "42"],
  ["deeply nested", `${"[".repeat(50_000)}${"]".repeat(50_000)}`],
  ["deep object", `${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}`],
  ["NUL in a name", JSON.stringify({ firstName: `A${nul}B`, lastName: "L", displayName: "D", id: "x", email: "a@b.example" })],
  ["names as objects", JSON.stringify({ firstName: { $gt: "" }, lastName: ["x"], displayName: 5, email: { a: 1 } })],
  // Valid apart from the pollution, and the admin's own values: it must change nothing at all.
  ["prototype pollution", '{"__proto__":{"role":"USER"},"constructor":{"prototype":{"x":1}},"firstName":"Ada","lastName":"Lovelace","displayName":"Ada Lovelace","preferredLanguage":"en-GB","id":"admin","email":"admin@example.com"}'],
  ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])],
  ["UTF-16 BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}', "utf16le")])],
  ["a megabyte", JSON.stringify({ firstName: "x".repeat(1_000_000) })],
  ["huge number", '{"gender": 1e400, "firstName":"A","lastName":"B","displayName":"C"}'],
  ["gender out of range", '{"gender": 99999999999999999999, "firstName":"A","lastName":"B","displayName":"C"}'],
  ["bidi override name", JSON.stringify({ firstName: "Ali\u202ecod.exe", lastName: "B", displayName: "C", email: "a@b.example" })],
];
const contentTypes = ["application/json", "text/plain", "application/json; charset=latin1", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"];

function corpus(token: string): Hostile[] {
  const bearer = { authorization: `Bearer ${token}` };
  const requests: Hostile[] = [];
  // Path ids on every surface, with and without credentials.
  for (const id of ids) {
    requests.push(
      { method: "GET", path: `/management/v1/users/${id}/profile`, headers: bearer },
      { method: "PUT", path: `/management/v1/users/${id}/profile`, headers: { ...bearer, ...JSON_TYPE }, body: "{}" },
      { method: "GET", path: `/management/v1/users/${id}/email`, headers: bearer },
      { method: "PUT", path: `/management/v1/users/${id}/email`, headers: { ...bearer, ...JSON_TYPE }, body: '{"email":"x@example.org","isEmailVerified":true}' },
      { method: "GET", path: `/engine-rest/user/${id}/profile`, headers: { authorization: basicAuth("admin", token) } },
      { method: "PUT", path: `/engine-rest/engine/${id}/user/${id}/profile`, headers: { authorization: basicAuth("admin", token), ...JSON_TYPE }, body: "{}" },
      { method: "GET", path: `/admin/users/${id}` },
      { method: "GET", path: `/admin/users/${id}?before=${id}` },
    );
  }
  // Bodies × surfaces × content types.
  for (const [, body] of bodies) {
    for (const type of contentTypes.slice(0, 3)) {
      requests.push(
        { method: "PUT", path: "/auth/v1/users/me/profile", headers: { ...bearer, "content-type": type }, body },
        { method: "PUT", path: "/engine-rest/user/admin/profile", headers: { authorization: basicAuth("admin", token), "content-type": type }, body },
      );
    }
    requests.push(
      { method: "POST", path: "/api/auth/callback/credentials", headers: { "content-type": "application/x-www-form-urlencoded" }, body },
      // (An unknown user: a body valid for the email route is still a 404, so nothing changes.)
      { method: "PUT", path: "/management/v1/users/x/email", headers: { ...bearer, ...JSON_TYPE }, body },
    );
  }
  // Forged, broken and hostile credentials (few real password checks: they count against this address).
  const authorizations = [
    "Basic", "Basic ", "Basic !!!", `Basic ${Buffer.from(`ad${nul}min:x`).toString("base64")}`, `Basic ${Buffer.from(`admin:${nul}`).toString("base64")}`,
    `Basic ${Buffer.from("no-colon").toString("base64")}`, `Basic ${Buffer.from(":nouser").toString("base64")}`, `Basic ${"A".repeat(20_000)}`,
    "Bearer", "Bearer  ", `Bearer ${token} extra`, "Bearer \t", "Bearer \u00ff", `Bearer pst_${"x".repeat(5000)}`, "Bearer pst_../../etc/passwd", "Digest username=admin",
    `bearer ${token.toUpperCase()}`, "Negotiate YII=", `Basic ${Buffer.from("admin:pst_forged").toString("base64")}`,
  ];
  for (const authorization of authorizations) {
    for (const path of ["/auth/v1/users/me/profile", "/management/v1/users/x/profile", "/engine-rest/user/admin/profile", "/engine-rest/engine/default/user/admin/profile"]) {
      requests.push({ method: "GET", path, headers: { authorization } });
    }
  }
  // Headers the handlers read.
  // (Header values cannot carry NUL or line breaks over HTTP; a tab and Latin-1 bytes can.)
  for (const value of ["\t", "\u00ff\u00fe", "x".repeat(10_000), '"-1"', "W/", "*, *", '"99999999999999999999"', "%00"]) {
    requests.push(
      { method: "PUT", path: "/auth/v1/users/me/profile", headers: { ...bearer, ...JSON_TYPE, "if-match": value }, body: '{"firstName":"","lastName":"","displayName":""}' },
      { method: "GET", path: "/management/v1/users/x/profile", headers: { ...bearer, "x-zitadel-orgid": value } },
      { method: "GET", path: "/profile", headers: { "x-request-id": value } },
    );
  }
  // Methods, on pages, the API and the framework's own routes.
  for (const method of ["TRACE", "PATCH", "DELETE", "OPTIONS", "HEAD", "POST"]) {
    for (const path of ["/profile", "/auth/v1/users/me/profile", "/engine-rest/user/admin/profile", "/api/health", "/api/openapi.json", "/%ZZ", "/login"]) {
      requests.push({ method, path, headers: bearer });
    }
  }
  // Query strings of the pages.
  const queries = [
    "q=a&q=b", "q=%00", "q=%ZZ", `q=${"x".repeat(10_000)}`, "page=2147483648", "page=-1", "page=1e309", "page[]=1", "role=ROOT", "sort=passwordHash",
    "org=%00", "before=2147483648", "before=-5", "callbackUrl=%2F%2Fevil.example", "callbackUrl=javascript:alert(1)", "callbackUrl=%00",
  ];
  for (const query of queries) {
    for (const path of ["/admin/users", "/login", "/profile", "/docs", "/settings/tokens"]) requests.push({ method: "GET", path: `${path}?${query}` });
  }
  // The pages links in mail open (no session needed), and the development outbox.
  const tokens = ["", "token=", "token=%00", "token=a&token=b", `token=${"x".repeat(10_000)}`, "token[]=x", `token=${"A".repeat(43)}`, "token=%ZZ", "token=..%2F..%2Fetc"];
  for (const query of tokens) {
    for (const path of ["/email/verify", "/email/report", "/dev/mail"]) requests.push({ method: "GET", path: `${path}?${query}` });
  }
  // Server actions: unknown ids, wrong bodies, oversized.
  for (const [action, body, type] of [
    ["0".repeat(42), "[]", "text/plain"],
    ["not-an-action", '["$K1"]', "text/plain"],
    ["x".repeat(5000), "{}", "application/json"],
    ["7f".repeat(21), "x".repeat(2_000_000), "text/plain"],
    ["", "", "multipart/form-data; boundary=----x"],
  ] as const) {
    for (const path of ["/profile", "/login", "/admin/users/new", "/settings/security", "/email/verify"]) {
      requests.push({ method: "POST", path, headers: { "next-action": action, "content-type": type }, body });
    }
  }
  // Auth.js's own endpoints.
  for (const path of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/signout", "/api/auth/callback/nope", "/api/auth/%00", "/api/auth/signin/credentials?callbackUrl=%2F%2Fevil"]) {
    for (const method of ["GET", "POST"]) requests.push({ method, path, headers: { cookie: `authjs.session-token=${"x".repeat(3000)}; authjs.csrf-token=%00` } });
  }
  return requests;
}

/** Every user's version (their ETag), read as the administrator. */
async function snapshot(request: APIRequestContext, token: string, usernames: string[]) {
  return Promise.all(
    usernames.map(async (username) => {
      const response = await request.get(`/engine-rest/user/${username}/profile`, { headers: { authorization: basicAuth("admin", token) } });
      expect(response.status()).toBe(200);
      return response.headers()["etag"];
    }),
  );
}

test("300+ hostile requests across every surface: no 5xx, no stack trace, nothing changed", async ({ browser, page, playwright, request }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, "admin", DEMO_PASSWORD, "/settings/tokens");
  await page.getByLabel("Token name").fill("adversary");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = ((await page.getByLabel("New token").textContent()) ?? "").trim();
  await page.goto("/admin/users?sort=created");
  const usernames = await page.locator("tbody tr td:first-child span").allTextContents();
  const count = (await page.getByText(/^\d[\d,]* users?$/).textContent())!;
  const before = await snapshot(request, token, usernames);

  // The app's own server actions, called signed in with arguments that are not what their forms send.
  const actions: Hostile[] = [];
  for (const path of ["/profile", "/settings/tokens", "/settings/security"]) {
    await page.goto(path);
    const names = await page.locator('input[name^="$ACTION_ID_"]').evaluateAll((inputs) => inputs.map((i) => i.getAttribute("name")!));
    for (const id of names.map((n) => n.replace("$ACTION_ID_", ""))) {
      for (const body of ["[1,2]", '[{"__proto__":{"x":1}},"not form data"]', "[null,null,null]", '"text"', `[${"[".repeat(1000)}${"]".repeat(1000)}]`]) {
        actions.push({ method: "POST", path, headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8" }, body });
      }
    }
  }
  expect(actions.length).toBeGreaterThanOrEqual(15);

  const hostile = [...corpus(token), ...actions];
  expect(hostile.length).toBeGreaterThanOrEqual(300);
  const failures: string[] = [];
  for (const { method, path, headers, body } of hostile) {
    const client = headers?.["next-action"] && actions.some((a) => a.path === path) ? page.request : request; // actions run signed in
    const response = await client.fetch(path, { method, headers, data: body, maxRedirects: 0, failOnStatusCode: false }).catch((error: Error) => error);
    if (response instanceof Error) {
      failures.push(`${method} ${path.slice(0, 80)}: ${response.message.split("\n")[0]}`);
      continue;
    }
    const text = method === "HEAD" ? "" : await response.text();
    if (response.status() >= 500) failures.push(`${method} ${path.slice(0, 80)} → ${response.status()} ${text.slice(0, 120)}`);
    if (/\bat [\w.<>]+ \(.*:\d+:\d+\)|node_modules|PrismaClient|ECONNREFUSED/.test(text)) failures.push(`${method} ${path.slice(0, 80)}: a stack or internals in the body`);
  }
  expect(failures).toEqual([]);

  // Read back on connections of its own: a keep-alive connection the server closed after a hostile
  // request (a body it would not read, a header it refused) is the client's to drop, not a change.
  const reader = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  expect(await snapshot(reader, token, usernames)).toEqual(before);
  await reader.dispose();
  // (Among the actions on every page is "Sign out", which signed this page out: sign in afresh.)
  const fresh = await (await browser.newContext()).newPage();
  await signIn(fresh, "admin", DEMO_PASSWORD, "/admin/users");
  await fresh.goto("/admin/users?sort=created");
  await expect(fresh.getByText(/^\d[\d,]* users?$/)).toHaveText(count);
});
