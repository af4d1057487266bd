import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page, TestInfo } from "@playwright/test";
import { basicAuth, confirmDialog, DEMO_PASSWORD, expect, saveButton, signIn, test, titled } from "./fixtures";

// Every page and the states people meet, at a phone's width and a desktop's, in both themes: the
// page never scrolls sideways, axe finds nothing against WCAG 2.2 A/AA or its best practices, and
// a screenshot of each is attached to the test's results.

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
// Names that test wrapping and direction: one long Latin word, Arabic, and CJK without spaces.
const LONG = "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegeundsorgfaltigkeitbeschutzen";
const ARABIC = "محمد بن عبد الله العبدالله";
const CJK = "山田太郎左衛門之助藤原朝臣長谷川";

async function check(page: Page, label: string, testInfo: TestInfo) {
  await page.waitForLoadState("load");
  await titled(page);
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  await testInfo.attach(label, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  expect.soft(scrollWidth, `${label}: the page scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect.soft(found, `${label}: axe`).toEqual([]);
}

async function page(browser: Browser, options: { width: number; colorScheme: "light" | "dark" }) {
  const context = await browser.newContext({ viewport: { width: options.width, height: 900 }, colorScheme: options.colorScheme });
  return context.newPage();
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const width of [320, 1280]) {
    test(`every page and state at ${width} px in the ${colorScheme} theme`, async ({ browser, newUser }, testInfo) => {
      test.setTimeout(180_000);
      const user = await newUser({ firstName: LONG, lastName: `${ARABIC} ${CJK}` });
      const options = { width, colorScheme };

      const visitor = await page(browser, options);
      await visitor.goto("/login");
      await check(visitor, "login", testInfo);
      await visitor.getByLabel("Username or email").fill(user.username);
      await visitor.getByLabel("Password").fill("not the password");
      await visitor.getByRole("button", { name: "Sign in" }).click();
      await expect(visitor.getByText("The username or password is not correct.")).toBeVisible();
      await check(visitor, "login, refused", testInfo);
      await visitor.goto("/nothing-here");
      await check(visitor, "404", testInfo);
      await visitor.goto(`/email/verify?token=${"x".repeat(43)}`);
      await check(visitor, "a link that does not work", testInfo);

      const me = await page(browser, options);
      await signIn(me, user.username, user.password);
      await check(me, "profile", testInfo);
      await me.getByLabel("First name").fill("");
      await me.getByLabel("Email", { exact: true }).fill("not an address");
      await saveButton(me).click();
      await check(me, "profile, invalid", testInfo);
      await me.goto("/profile");
      await me.getByLabel("Nickname").fill(`${CJK}${CJK}`);
      await saveButton(me).click();
      await expect(me.getByText("Your changes were saved.")).toBeVisible();
      await check(me, "profile, saved", testInfo);
      // Someone else saves meanwhile: the conflict view.
      const changed = await me.request.put(`/engine-rest/user/${user.username}/profile`, {
        headers: { authorization: basicAuth(user.username, user.password) },
        data: { id: user.username, firstName: `${LONG}s`, lastName: ARABIC, email: user.email },
      });
      expect(changed.status()).toBe(204);
      await me.getByLabel("Nickname").fill("mine");
      await saveButton(me).click();
      await expect(me.getByRole("heading", { name: /Someone else saved this profile/ })).toBeVisible();
      await check(me, "profile, conflict", testInfo);
      await me.goto("/settings/security");
      await check(me, "security", testInfo);
      await me.goto("/settings/tokens");
      await me.getByLabel("Token name").fill(`${LONG} token`);
      await me.getByRole("button", { name: "Create token" }).click();
      await expect(me.getByLabel("New token")).toBeVisible();
      await check(me, "tokens, one shown once", testInfo);
      await me.goto("/admin/users");
      await check(me, "403", testInfo);

      const admin = await page(browser, options);
      await signIn(admin, "admin", DEMO_PASSWORD, "/admin/users");
      await check(admin, "admin list", testInfo);
      await admin.goto("/admin/users?q=nobody-is-called-this");
      await check(admin, "admin list, nothing found", testInfo);
      await admin.goto("/admin/users?after=a-page-link-that-is-not-one");
      await expect(admin.getByText("That page link no longer works, so here is the first page.")).toBeVisible();
      await check(admin, "admin list, a page link that no longer works", testInfo);
      await admin.goto(`/admin/users/${user.id}`);
      await check(admin, "admin user page", testInfo);
      await admin.getByRole("button", { name: "Reset password" }).click();
      await check(admin, "admin user page, confirm dialog", testInfo);
      await confirmDialog(admin, "Reset password");
      await expect(admin.getByLabel("Generated password")).toBeVisible();
      await check(admin, "admin user page, password reset", testInfo);
      await admin.goto("/admin/users/new");
      await admin.getByRole("button", { name: "Create user" }).click();
      await check(admin, "create user, invalid", testInfo);
      await admin.goto("/dev/mail");
      await check(admin, "development outbox", testInfo);
      await admin.goto("/docs");
      await check(admin, "docs", testInfo);
    });
  }
}
