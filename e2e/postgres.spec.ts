import { expect, test } from "@playwright/test";
import { formMessage, saveButton, signIn } from "./fixtures";

// Two instances of the app on one PostgreSQL (e2e/serve-postgres.ts): the first at baseURL, the
// second on the next port. They share nothing but the database and AUTH_SECRET.
const secondInstance = (baseURL: string) => baseURL.replace(/:(\d+)$/, (_, port: string) => `:${Number(port) + 1}`);

test("a session signed in on one instance is honoured by the other, and a stale save on either gets the conflict view", async ({ browser, baseURL }) => {
  const context = await browser.newContext(); // cookies are per host, not per port: one jar for both
  const onFirst = await context.newPage();
  await signIn(onFirst, "alice");
  const onSecond = await context.newPage();
  await onSecond.goto(`${secondInstance(baseURL!)}/profile`);
  await expect(onSecond.getByRole("heading", { name: "My profile" })).toBeVisible();

  await onFirst.getByLabel("Nickname").fill("from the first instance");
  await saveButton(onFirst).click();
  await expect(formMessage(onFirst)).toHaveText("Your changes were saved.");

  await onSecond.getByLabel("Nickname").fill("from the second instance");
  await saveButton(onSecond).click();
  const conflict = onSecond.getByRole("alert").filter({ hasText: "Someone else saved this profile" });
  await expect(conflict.getByRole("row", { name: /Nickname/ })).toContainText("from the first instance");
  await onSecond.getByRole("button", { name: "Save my version" }).click();
  await expect(formMessage(onSecond)).toHaveText("Your changes were saved.");

  await onFirst.reload();
  await expect(onFirst.getByLabel("Nickname")).toHaveValue("from the second instance");
  await expect(onFirst.getByRole("region", { name: "Recent changes" }).getByRole("listitem").filter({ hasText: "version" })).toHaveCount(2);
});

test("a token made on one instance works on the other, and its change shows on the first", async ({ page, request, baseURL }) => {
  await signIn(page, "bob");
  await page.goto("/settings/tokens");
  await page.getByLabel("Token name").fill("cross-instance");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = ((await page.getByLabel("New token").textContent()) ?? "").trim();

  const url = `${secondInstance(baseURL!)}/engine-rest/user/bob/profile`;
  const authorization = `Basic ${Buffer.from(`bob:${token}`).toString("base64")}`;
  const got = await request.get(url, { headers: { authorization } });
  expect(got.status()).toBe(200);
  const put = await request.put(url, { headers: { authorization, "if-match": got.headers()["etag"]! }, data: { ...(await got.json()), lastName: "Marley-Second" } });
  expect(put.status()).toBe(204);

  await page.goto("/profile");
  await expect(page.getByLabel("Last name")).toHaveValue("Marley-Second");
  await expect(page.getByRole("region", { name: "Recent changes" })).toContainText("with token “cross-instance” · via Camunda API");
});
