import { basicAuth, confirmDialog, DEMO_PASSWORD, expect, signIn, strongPassword, test } from "./fixtures";

test("brute force on the sign-in form hits the limit and says when to try again, keeping the name typed", async ({ page, newUser }) => {
  const user = await newUser();
  const alert = page.getByRole("form", { name: "Sign in" }).getByRole("alert");
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Username or email").fill(user.username);
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText("The username or password is not correct.");
    await expect(page.getByLabel("Password")).toHaveValue(""); // the answer arrived and the form was reset
  }
  // Now even the right password waits.
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toHaveText("Too many failed attempts. Try again in 1 minute.");
  await expect(page.getByLabel("Username or email")).toHaveValue(user.username);
  await expect(alert.locator("..")).toBeFocused();
  await expect(page).toHaveURL(/\/login/);

  // The person sees it in their security activity.
  await user.page.goto("/settings/security");
  const activity = user.page.getByRole("region", { name: "Recent security activity" });
  await expect(activity).toContainText("Further attempts blocked for 1 minute after repeated failures");
  await expect(activity.getByText("Failed sign-in (wrong password)")).toHaveCount(5);
});

test("a session cookie copied before signing out is refused afterwards", async ({ browser, newUser, request }) => {
  const user = await newUser();
  const cookies = await user.page.context().cookies();
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const thief = await copy.newPage();
  await thief.goto("/profile");
  await expect(thief.getByRole("heading", { name: "My profile" })).toBeVisible();

  await user.page.getByRole("button", { name: "Sign out" }).click();
  await expect(user.page).toHaveURL(/\/login/);

  await thief.goto("/profile");
  await expect(thief).toHaveURL(/\/login/);
  // Auth.js's own endpoint agrees, and does not extend it.
  const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const session = await request.get("/api/auth/session", { headers: { cookie: cookieHeader } });
  expect(await session.json()).toBeNull();
  expect(session.headers()["set-cookie"] ?? "").not.toMatch(/authjs\.session-token=[^;]/);
});

test("'sign out everywhere else' ends the other browser's session and keeps this one", async ({ browser, newUser }) => {
  const user = await newUser();
  const other = await (await browser.newContext()).newPage();
  await signIn(other, user.username, user.password);

  await user.page.goto("/settings/security");
  const sessions = user.page.getByRole("region", { name: "Where you are signed in" });
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await expect(sessions.getByText("This browser")).toHaveCount(1);
  await user.page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await confirmDialog(user.page, "Sign them out");
  await expect(user.page.getByText("1 session was ended.")).toBeVisible();
  await expect(sessions.getByRole("listitem")).toHaveCount(1);

  await other.goto("/profile");
  await expect(other).toHaveURL(/\/login/);
  await user.page.goto("/profile");
  await expect(user.page.getByRole("heading", { name: "My profile" })).toBeVisible();
});

test("changing one's password: the old one fails afterwards and other sessions end", async ({ browser, newUser }) => {
  const user = await newUser();
  const other = await (await browser.newContext()).newPage();
  await signIn(other, user.username, user.password);

  const { page } = user;
  await page.goto("/settings/security");
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("password123456");
  await page.getByLabel("New password again").fill("password123456");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/commonly used password/)).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toBeFocused();

  const next = strongPassword();
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("New password again").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed. Your other sessions were signed out.")).toBeVisible();

  await other.goto("/profile");
  await expect(other).toHaveURL(/\/login/);
  await other.getByLabel("Username or email").fill(user.username);
  await other.getByLabel("Password").fill(user.password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("The username or password is not correct.");
  await signIn(other, user.username, next);
});

test("a password an administrator set must be changed at the next sign-in; until then nothing else opens", async ({ adminPage, browser, newUser }) => {
  const user = await newUser();
  await adminPage.goto(`/admin/users/${user.id}`);
  await adminPage.getByRole("button", { name: "Reset password" }).click();
  await confirmDialog(adminPage, "Reset password");
  const generated = ((await adminPage.getByLabel("Generated password").textContent()) ?? "").trim();
  expect(generated).toMatch(/^[A-Za-z0-9]{16}$/);
  await expect(adminPage.getByRole("region", { name: "Security activity" })).toContainText("Password reset by you");

  await user.page.reload();
  await expect(user.page).toHaveURL(/\/login/); // the reset ended their session

  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(user.username);
  await page.getByLabel("Password").fill(generated);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  for (const path of ["/profile", "/settings/tokens"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  }
  // The password set by the administrator does not work over the API either.
  const api = await page.request.get(`/engine-rest/user/${user.username}/profile`, { headers: { authorization: basicAuth(user.username, generated) } });
  expect(api.status()).toBe(401);
});

test("every page sends a nonce-based CSP and the browser reports no violation", async ({ page, newUser }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|CSP/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/login");
  const csp = response!.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]) expect(csp).toContain(directive);
  expect(response!.headers()).toMatchObject({
    "x-content-type-options": "nosniff",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": expect.stringContaining("camera=()"),
    "referrer-policy": "same-origin",
  });
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  const second = await page.request.get("/login");
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);

  await signIn(page, "admin", DEMO_PASSWORD);
  const user = await newUser();
  for (const path of ["/profile", "/settings/security", "/settings/tokens", "/admin/users", `/admin/users/${user.id}`, "/admin/users/new", "/dev/mail", `/email/verify?token=${"x".repeat(43)}`, "/docs", "/nothing-here"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(violations).toEqual([]);
});

test("API answers keep no-store and carry the request id; the return path after sign-in stays on this site", async ({ page, request, newUser }) => {
  const answer = await request.get("/auth/v1/users/me/profile");
  expect(answer.status()).toBe(401);
  expect(answer.headers()).toMatchObject({ "cache-control": "no-store", "x-request-id": expect.stringMatching(/.+/) });

  const user = await newUser();
  const hostile = ["/\t/evil.example", "/%09/evil.example", "//evil.example", "/\\evil.example", "https://evil.example/", "/%2F%2Fevil.example"];
  for (const callbackUrl of hostile) {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    if (page.url().includes("/login")) {
      await page.getByLabel("Username or email").fill(user.username);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in" }).click();
    }
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/profile$/);
  }
});
