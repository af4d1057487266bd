import type { APIRequestContext, Page } from "@playwright/test";
import { basicAuth as basic, confirmDialog, expect, test } from "./fixtures";

async function createToken(page: Page, name: string, expires?: string): Promise<string> {
  await page.goto("/settings/tokens");
  await page.getByLabel("Token name").fill(name);
  if (expires) await page.getByLabel("Expires").selectOption({ label: expires });
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText(`Token “${name}” was created.`)).toBeVisible();
  return ((await page.getByLabel("New token").textContent()) ?? "").trim();
}

async function me(request: APIRequestContext, token: string) {
  return request.get("/auth/v1/users/me/profile", { headers: { authorization: `Bearer ${token}` } });
}

test("a token made in the UI works on every route until it is revoked, and the history names it", async ({ request, newUser }) => {
  const { page, username, id: ownId } = await newUser({ role: "ORG_ADMIN", firstName: "Grace", lastName: "Hopper" });
  const colleague = await newUser();
  const token = await createToken(page, "HR sync", "Never");
  expect(token).toMatch(/^pst_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("row", { name: /HR sync/ })).toContainText("never");

  // ZITADEL auth v1
  const got = await me(request, token);
  expect(got.status()).toBe(200);
  const etag = got.headers()["etag"]!;
  const profile = (await got.json()).profile;
  expect(profile).toMatchObject({ firstName: "Grace", lastName: "Hopper" });
  expect(got.headers()["x-request-id"]).toBeTruthy();
  const put = await request.put("/auth/v1/users/me/profile", {
    headers: { authorization: `Bearer ${token}`, "if-match": etag },
    data: { ...profile, nickName: "Amazing Grace" },
  });
  expect(put.status()).toBe(200);
  const sequence = (await put.json()).details.sequence as string;
  expect(put.headers()["etag"]).toBe(`"${sequence}"`);

  // The stale ETag now gets 412, and nothing is written.
  const stale = await request.put("/auth/v1/users/me/profile", {
    headers: { authorization: `Bearer ${token}`, "if-match": etag },
    data: { ...profile, nickName: "Stale" },
  });
  expect(stale.status()).toBe(412);
  expect(await stale.json()).toMatchObject({ code: 9 });

  // ZITADEL management v1, on a user of the same organisation.
  const mgmt = await request.get(`/management/v1/users/${colleague.id}/profile`, { headers: { authorization: `Bearer ${token}` } });
  expect(mgmt.status()).toBe(200);
  const mgmtPut = await request.put(`/management/v1/users/${colleague.id}/profile`, {
    headers: { authorization: `Bearer ${token}` },
    data: { ...(await mgmt.json()).profile, nickName: "Set over the API" },
  });
  expect(mgmtPut.status()).toBe(200);

  // Camunda 7, with username:token, on the named-engine path its SDK uses.
  const camunda = await request.get(`/engine-rest/engine/default/user/${username}/profile`, { headers: { authorization: basic(username, token) } });
  expect(camunda.status()).toBe(200);
  const camundaBody = await camunda.json();
  expect(camundaBody).toEqual({ id: username, firstName: "Grace", lastName: "Hopper", email: `${username}@example.net` });
  const camundaPut = await request.put(`/engine-rest/user/${username}/profile`, {
    headers: { authorization: basic(username, token) },
    data: { ...camundaBody, lastName: "Brewster Hopper" },
  });
  expect(camundaPut.status()).toBe(204);

  // The history names the token and the surface.
  await page.goto("/profile");
  const history = page.getByRole("region", { name: "Recent changes" });
  await expect(history).toContainText("with token “HR sync” · via Camunda API");
  await expect(history).toContainText("Last name: Hopper → Brewster Hopper");
  await expect(history).toContainText("via ZITADEL API");

  // Revoked: 401 at once, on both kinds of auth; the security activity shows both.
  await page.goto("/settings/tokens");
  await page.getByRole("button", { name: "Revoke HR sync" }).click();
  await confirmDialog(page, "Revoke token");
  await expect(page.getByText(/Revoked/)).toBeVisible();
  expect((await me(request, token)).status()).toBe(401);
  const revoked = await request.get(`/engine-rest/user/${username}/profile`, { headers: { authorization: basic(username, token) } });
  expect(revoked.status()).toBe(401);
  expect(revoked.headers()["www-authenticate"]).toBe('Basic realm="default"');
  await page.goto("/settings/security");
  const activity = page.getByRole("region", { name: "Recent security activity" });
  await expect(activity).toContainText("API token “HR sync” created");
  await expect(activity).toContainText("API token “HR sync” revoked");
  await expect(activity).toContainText("API token “HR sync” refused (revoked)");
  expect(ownId).toBeTruthy();
});

test("a stale form gets the conflict view after a change over the API", async ({ request, newUser }) => {
  const { page } = await newUser();
  const token = await createToken(page, "script");
  await page.goto("/profile");
  const current = (await (await me(request, token)).json()).profile;
  const put = await request.put("/auth/v1/users/me/profile", { headers: { authorization: `Bearer ${token}` }, data: { ...current, displayName: "Changed by a script" } });
  expect(put.status()).toBe(200);
  await page.getByLabel("Display name").fill("Changed in the browser");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Someone else saved this profile" })).toContainText("Changed by a script");
});

test("errors: 401, 403, 404, 412, 413 and 415 in each surface's format", async ({ request, newUser }) => {
  const { page, username } = await newUser();
  const colleague = await newUser();
  const stranger = await newUser({ org: "Globex" });
  const token = await createToken(page, "errors");
  const auth = { authorization: `Bearer ${token}` };

  const noAuth = await request.get("/auth/v1/users/me/profile");
  expect(noAuth.status()).toBe(401);
  expect(await noAuth.json()).toMatchObject({ code: 16, details: [{ "@type": "type.googleapis.com/zitadel.v1.ErrorDetail" }] });

  const camundaNoAuth = await request.get(`/engine-rest/user/${username}/profile`);
  expect(camundaNoAuth.status()).toBe(401);
  expect(camundaNoAuth.headers()["www-authenticate"]).toMatch(/^Basic realm=/);

  const sameOrg = await request.get(`/engine-rest/user/${colleague.username}/profile`, { headers: { authorization: basic(username, token) } });
  expect(sameOrg.status()).toBe(403);
  expect((await sameOrg.json()).type).toBe("AuthorizationException");

  const otherOrg = await request.get(`/engine-rest/user/${stranger.username}/profile`, { headers: { authorization: basic(username, token) } });
  expect(otherOrg.status()).toBe(404);
  expect(await otherOrg.json()).toEqual({ type: "InvalidRequestException", message: `User with id ${stranger.username} does not exist` });

  const unknown = await request.get("/management/v1/users/does-not-exist/profile", { headers: auth });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).code).toBe(5);

  const stale = await request.put(`/engine-rest/user/${username}/profile`, {
    headers: { authorization: basic(username, token), "if-match": '"999"' },
    data: { id: username, firstName: "A", lastName: "B", email: `${username}@example.net` },
  });
  expect(stale.status()).toBe(412);

  const huge = await request.put("/auth/v1/users/me/profile", { headers: { ...auth, "content-type": "application/json" }, data: `{"firstName":"${"x".repeat(200_000)}"}` });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).code).toBe(3);

  const text = await request.put(`/engine-rest/user/${username}/profile`, { headers: { authorization: basic(username, token), "content-type": "text/plain" }, data: "hello" });
  expect(text.status()).toBe(415);
  expect((await text.json()).type).toBe("InvalidRequestException");

  const broken = await request.put("/auth/v1/users/me/profile", { headers: { ...auth, "content-type": "application/json" }, data: Buffer.from("{nope") });
  expect(broken.status()).toBe(400);
  expect(await broken.json()).toMatchObject({ code: 3, message: "The body is not valid JSON" });
});

test("the OpenAPI document and the docs page, with examples for the address it is served from", async ({ page, request, baseURL }) => {
  const doc = await (await request.get("/api/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual([
    "/auth/v1/users/me/profile",
    "/management/v1/users/{userId}/profile",
    "/auth/v1/users/me/email",
    "/management/v1/users/{userId}/email",
    "/engine-rest/user/{id}/profile",
    "/engine-rest/engine/{name}/user/{id}/profile",
  ]);
  expect(doc.components.schemas.ZitadelProfile.properties.firstName).toMatchObject({ type: "string", maxLength: 200 });
  expect(doc.servers).toEqual([{ url: baseURL }]);
  await page.goto("/docs");
  await expect(page.getByRole("heading", { name: "API documentation" })).toBeVisible();
  // The server-rendered examples (the interactive reference above them renders code blocks of its own).
  const examples = page.getByRole("region", { name: "Operations and curl examples" }).locator("pre");
  await expect(examples).toHaveCount(12);
  await expect(page.getByText("A new email from the user themself answers 204 and stays pending").first()).toBeVisible();
  await expect(examples.first()).toContainText(`${baseURL}/auth/v1/users/me/profile`);
});

test("/docs: the interactive reference works offline under the page's CSP and sends the reader's token here; without JavaScript the reference is all there", async ({ page, browser, baseURL, newUser, axe }) => {
  test.slow(); // a user of its own, two page loads of a large reference, axe over all of it
  const { page: own } = await newUser();
  const token = await createToken(own, "Docs try-it");
  const elsewhere: string[] = [];
  const violations: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(`${baseURL}/`) && !r.url().startsWith("data:")) elsewhere.push(r.url());
  });
  page.on("console", (message) => {
    if (/Content.Security.Policy|CSP/i.test(message.text())) violations.push(message.text());
  });
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);

  await page.goto("/docs");
  const reference = page.getByRole("region", { name: "Interactive API reference" });
  await expect(reference.getByRole("heading", { name: "Read the profile" })).toBeVisible();
  await expect(reference.getByText("/auth/v1/users/me/profile").first()).toBeVisible();
  // One first-level heading: the reference's own title is demoted to the second level inside this page.
  await expect(reference.getByRole("heading", { name: "Profiles API" })).toHaveAttribute("aria-level", "2");
  await expect(page.locator("h1:not([aria-level])")).toHaveText(["API documentation"]);
  await expect(page.getByRole("main")).toHaveCount(1);
  expect(await axe(page)).toEqual([]);

  // Try it: a Bearer token, typed by the reader, sent to the origin the page came from.
  await reference.getByRole("button", { name: /Test Request.*get \/auth\/v1\/users\/me\/profile/ }).click();
  const client = page.getByRole("dialog", { name: "API Client" });
  await client.getByPlaceholder("Token").fill(token);
  const sent = page.waitForRequest(`${baseURL}/auth/v1/users/me/profile`);
  await client.getByRole("button", { name: /^Send get request/ }).click();
  expect((await sent).headers()["authorization"]).toBe(`Bearer ${token}`);
  await expect(client.getByText("200 OK")).toBeVisible();
  await page.keyboard.press("Escape");

  // The server-rendered examples: focusable, named, copied with a status that says so.
  const example = page.getByRole("region", { name: "Example: PUT /auth/v1/users/me/profile" });
  await expect(example).toHaveAttribute("tabindex", "0");
  const operations = page.getByRole("region", { name: "Operations and curl examples" });
  await operations.getByRole("button", { name: "Copy example: PUT /auth/v1/users/me/profile" }).click();
  await expect(operations.getByRole("status").filter({ hasText: "Copied." })).toHaveCount(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await example.textContent());

  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(elsewhere).toEqual([]);
  expect(violations).toEqual([]);

  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await plain.goto("/docs");
  // (getByText does not look inside <noscript>.)
  await expect(plain.locator("noscript p")).toContainText("The interactive reference needs JavaScript.");
  await expect(plain.locator("noscript p")).toBeVisible();
  await expect(plain.getByText("Loading the interactive reference")).toBeHidden();
  const fallback = plain.getByRole("region", { name: "Operations and curl examples" });
  await expect(fallback.getByRole("heading", { level: 3 })).toHaveCount(12);
  await expect(fallback.locator("pre[tabindex='0'][aria-label^='Example: ']")).toHaveCount(12);
  // Descriptions mark names as `code`: rendered as <code>, never as raw backticks.
  expect(await fallback.textContent()).not.toContain("`");
  await expect(fallback.locator("code", { hasText: "default" }).first()).toBeVisible();
  await plain.context().close();
});
