import { basicAuth, expect, formMessage, saveButton, signIn, test } from "./fixtures";

// Two instances of the app on one PostgreSQL (e2e/serve-postgres.ts): the first at baseURL, the
// second on the next port. They share nothing but the database and AUTH_SECRET.
const secondInstance = (baseURL: string) => baseURL.replace(/:(\d+)$/, (_, port: string) => `:${Number(port) + 1}`);

test("a session signed in on one instance is honoured by the other, and a stale save on either gets the conflict view", async ({ browser, baseURL, newUser }) => {
  const user = await newUser();
  const context = await browser.newContext(); // cookies are per host, not per port: one jar for both
  const onFirst = await context.newPage();
  await signIn(onFirst, user.username, user.password);
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
  await expect(onFirst.getByRole("region", { name: "Recent changes" }).getByRole("listitem").filter({ hasText: "version" })).toHaveCount(3); // created, then two saves

  // Signing out on one instance ends the session on both.
  await onSecond.getByRole("button", { name: "Sign out" }).click();
  await expect(onSecond).toHaveURL(/\/login/); // the sign-out has been answered
  await onFirst.goto("/profile");
  await expect(onFirst).toHaveURL(/\/login/);
});

async function createToken(page: import("@playwright/test").Page, name: string) {
  await page.goto("/settings/tokens");
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  return ((await page.getByLabel("New token").textContent()) ?? "").trim();
}

test("a token made on one instance works on the other, and its change shows on the first", async ({ request, baseURL, newUser }) => {
  const { page, username } = await newUser();
  const token = await createToken(page, "cross-instance");
  const url = `${secondInstance(baseURL!)}/engine-rest/user/${username}/profile`;
  const authorization = basicAuth(username, token);
  const got = await request.get(url, { headers: { authorization } });
  expect(got.status()).toBe(200);
  const put = await request.put(url, { headers: { authorization, "if-match": got.headers()["etag"]! }, data: { ...(await got.json()), lastName: "Marley-Second" } });
  expect(put.status()).toBe(204);

  await page.goto("/profile");
  await expect(page.getByLabel("Last name")).toHaveValue("Marley-Second");
  await expect(page.getByRole("region", { name: "Recent changes" })).toContainText("with token “cross-instance” · via Camunda API");
});

test("50 writers without If-Match, spread over both instances, all succeed and the history has no gaps", async ({ request, baseURL, newUser }) => {
  const { page, username } = await newUser();
  const token = await createToken(page, "blind writers");
  const authorization = basicAuth(username, token);
  const before = Number((await request.get(`${baseURL}/engine-rest/user/${username}/profile`, { headers: { authorization } })).headers()["etag"]!.replaceAll('"', ""));
  const statuses = await Promise.all(
    Array.from({ length: 50 }, async (_, i) => {
      const base = i % 2 ? secondInstance(baseURL!) : baseURL!;
      const body = { id: username, firstName: `Writer ${i}`, lastName: username, email: `${username}@example.net` };
      return (await request.put(`${base}/engine-rest/user/${username}/profile`, { headers: { authorization }, data: body })).status();
    }),
  );
  expect(statuses).toEqual(Array(50).fill(204));
  const after = await request.get(`${baseURL}/auth/v1/users/me/profile`, { headers: { authorization: `Bearer ${token}` } });
  expect(Number((await after.json()).details.sequence)).toBe(before + 50);
  await page.goto("/profile");
  const versions = await page.getByRole("region", { name: "Recent changes" }).getByRole("listitem").filter({ hasText: "version" }).allTextContents();
  const numbers = versions.map((text) => Number(/version (\d+)/.exec(text)![1]));
  expect(numbers.length).toBeGreaterThan(5);
  expect(numbers).toEqual(numbers.map((_, i) => before + 50 - i)); // newest first, one apart
});

test("both instances share the failed-password count", async ({ request, baseURL, newUser }) => {
  const { username, password } = await newUser();
  const wrong = { authorization: basicAuth(username, "not-the-password") };
  for (const base of [baseURL!, baseURL!, baseURL!, secondInstance(baseURL!), secondInstance(baseURL!)]) {
    expect((await request.get(`${base}/engine-rest/user/${username}/profile`, { headers: wrong })).status()).toBe(401);
  }
  for (const base of [baseURL!, secondInstance(baseURL!)]) {
    const limited = await request.get(`${base}/engine-rest/user/${username}/profile`, { headers: { authorization: basicAuth(username, password) } });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  }
});

test("mail travels over real SMTP: a new email over the Camunda API counts once the link in the received message is opened, on either instance", async ({ browser, request, baseURL, newUser }) => {
  const user = await newUser();
  const second = secondInstance(baseURL!);
  const mailbox = baseURL!.replace(/:(\d+)$/, (_, port: string) => `:${Number(port) + 3}`); // e2e/serve-postgres.ts
  const token = await createToken(user.page, "mail");
  const bearer = { authorization: `Bearer ${token}` };
  const to = `${user.username}.smtp@example.org`;

  const put = await request.put(`/engine-rest/user/${user.username}/profile`, {
    headers: { authorization: basicAuth(user.username, user.password) },
    data: { id: user.username, firstName: "Grace", lastName: "Hopper", email: to },
  });
  expect(put.status()).toBe(204);
  const emailOf = async (base: string) => ({
    camunda: (await (await request.get(`${base}/engine-rest/user/${user.username}/profile`, { headers: { authorization: basicAuth(user.username, token) } })).json()).email,
    zitadel: (await (await request.get(`${base}/auth/v1/users/me/email`, { headers: bearer })).json()).email,
  });
  expect(await emailOf(second)).toEqual({ camunda: user.email, zitadel: { email: user.email, isEmailVerified: false } });

  type Received = { to: string; subject: string; text: string; messageId: string };
  const received = async () => (await (await request.get(mailbox)).json()) as Received[];
  await expect.poll(async () => (await received()).filter((m) => m.to === to).length, { timeout: 20_000 }).toBe(1);
  const message = (await received()).find((m) => m.to === to)!;
  expect(message.subject).toBe("Profiles: confirm your new email address");
  const link = /http:\/\/\S+\/email\/verify\?token=[\w-]+/.exec(message.text)![0];

  const phone = await (await browser.newContext()).newPage();
  await phone.goto(link);
  await phone.getByRole("button", { name: "Use this address" }).click();
  await expect(phone.getByRole("status")).toHaveText(`Your email address is now ${to}.`);
  expect(await emailOf(second)).toEqual({ camunda: to, zitadel: { email: to, isEmailVerified: true } });
  expect(await emailOf(baseURL!)).toEqual({ camunda: to, zitadel: { email: to, isEmailVerified: true } });

  // The old address is told over SMTP too; two instances' workers never send a message twice.
  await expect.poll(async () => (await received()).filter((m) => m.to === user.email && /is now/.test(m.text)).length, { timeout: 20_000 }).toBe(1);
  const ids = (await received()).map((m) => m.messageId);
  expect(new Set(ids).size).toBe(ids.length);
});
