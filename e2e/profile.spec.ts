import type { Page } from "@playwright/test";
import { expect, formMessage, saveButton, signIn, test, twoTabs } from "./fixtures";

async function historyCount(page: Page) {
  return page.getByRole("region", { name: "Recent changes" }).getByRole("listitem").filter({ hasText: "version" }).count();
}

test("protected pages send to /login and back afterwards", async ({ browser, newUser }) => {
  const user = await newUser();
  const page = await (await browser.newContext()).newPage();
  await page.goto("/settings/tokens");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Ftokens/);
  await signIn(page, user.username, user.password, "/settings/tokens");
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
});

test("a wrong password and an unknown user get the same message, and the name typed stays", async ({ page, newUser }) => {
  const user = await newUser();
  const messages: string[] = [];
  for (const [username, password] of [[user.username, "wrong-password"], ["nobody-here", user.password]]) {
    await page.goto("/login");
    await page.getByLabel("Username or email").fill(username!);
    await page.getByLabel("Password").fill(password!);
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("form", { name: "Sign in" }).getByRole("alert");
    await expect(alert).toBeVisible();
    messages.push((await alert.textContent()) ?? "");
    await expect(page.getByLabel("Username or email")).toHaveValue(username!);
  }
  expect(messages[0]).toBe("The username or password is not correct.");
  expect(messages[1]).toBe(messages[0]);
});

test("sign in with the username in any case or the email", async ({ browser, newUser }) => {
  const user = await newUser();
  for (const name of [user.username.toUpperCase(), user.email.toUpperCase()]) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, name, user.password);
    await expect(page.getByRole("heading", { name: "My profile" })).toBeVisible();
  }
});

test("edit, and the change is there after a reload and in the history", async ({ newUser }) => {
  const { page } = await newUser();
  await page.getByLabel("First name").fill("Zoë");
  await page.getByLabel("Nickname").fill("山田 🚀");
  await page.getByLabel("Preferred language").selectOption("en-GB");
  await saveButton(page).click();
  await expect(formMessage(page)).toHaveText("Your changes were saved.");
  await page.reload();
  await expect(page.getByLabel("First name")).toHaveValue("Zoë");
  await expect(page.getByLabel("Nickname")).toHaveValue("山田 🚀");
  await expect(page.getByLabel("Preferred language")).toHaveValue("en-GB");
  await expect(page.getByRole("region", { name: "Recent changes" })).toContainText("First name: Test → Zoë");
  await expect(page.getByRole("region", { name: "Recent changes" })).toContainText("by you · via profile page");
  await expect(page.getByRole("region", { name: "Recent changes" })).toContainText("Preferred language: empty → British English");
});

test("changing the email asks for the current password", async ({ newUser }) => {
  const user = await newUser();
  const { page } = user;
  await page.getByLabel("Email").fill("Someone.New@Example.com");
  await saveButton(page).click();
  await expect(page.getByText("Enter your current password to change your email")).toBeVisible();
  await page.getByLabel("Current password").fill("not-my-password");
  await saveButton(page).click();
  await expect(page.getByText("The current password is not correct")).toBeVisible();
  await page.getByLabel("Current password").fill(user.password);
  await saveButton(page).click();
  // The address is proven before it counts (e2e/email.spec.ts follows the link).
  await expect(formMessage(page)).toHaveText("Saved. We sent a link to someone.new@example.com: your email changes when you open it.");
  await page.reload();
  await expect(page.getByLabel("Email")).toHaveValue(user.email);
  await expect(page.getByText("New email address waiting for confirmation")).toBeVisible();
});

test("invalid input is shown next to the field as one types, and nothing is saved", async ({ newUser }) => {
  const { page } = await newUser();
  const before = await historyCount(page);
  const firstName = page.getByLabel("First name");
  await firstName.fill("");
  await expect(page.getByText("First name is required")).toBeVisible();
  await expect(firstName).toHaveAttribute("aria-invalid", "true");
  await expect(firstName).toHaveAttribute("aria-describedby", "firstName-error");
  await page.getByLabel("Last name").fill("x".repeat(201));
  await expect(page.getByText("At most 200 characters")).toBeVisible();
  await page.getByLabel("Display name").fill("\u200b");
  await expect(page.getByText("Display name is required")).toBeVisible();
  await saveButton(page).click();
  await expect(firstName).toBeFocused();
  await page.reload();
  await expect(firstName).toHaveValue("Test");
  expect(await historyCount(page)).toBe(before);
});

test.describe("without JavaScript", () => {
  test("sign in, invalid input keeps what was typed, then a valid save", async ({ browser, newUser }) => {
    const user = await newUser();
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await signIn(page, user.username, user.password);
    await page.getByLabel("First name").fill("   ");
    await page.getByLabel("Last name").fill("O'Brien");
    await page.getByLabel("Nickname").fill("Bobby\u0007");
    await saveButton(page).click();
    await expect(page.getByText("First name is required")).toBeVisible();
    await expect(page.getByText("Must not contain control characters such as line breaks or tabs")).toBeVisible();
    await expect(page.getByLabel("Last name")).toHaveValue("O'Brien");
    await page.goto("/profile");
    await expect(page.getByLabel("First name")).toHaveValue("Test");
    await expect(page.getByLabel("Last name")).toHaveValue(user.username);

    await page.getByLabel("Last name").fill("O'Brien");
    await saveButton(page).click();
    await expect(page.getByText("Your changes were saved.")).toBeVisible();
    await page.goto("/profile");
    await expect(page.getByLabel("Last name")).toHaveValue("O'Brien");
  });
});

test("two tabs edit from the same version: the second sees both versions and chooses", async ({ browser, newUser }) => {
  const user = await newUser();
  const [first, second] = await twoTabs(browser, user);

  await first.getByLabel("Display name").fill("Grace (first tab)");
  await saveButton(first).click();
  await expect(formMessage(first)).toHaveText("Your changes were saved.");

  await second.getByLabel("Display name").fill("Grace (second tab)");
  await saveButton(second).click();
  const conflict = second.getByRole("alert").filter({ hasText: "Someone else saved this profile" });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole("row", { name: /Display name/ })).toContainText("Grace (second tab)");
  await expect(conflict.getByRole("row", { name: /Display name/ })).toContainText("Grace (first tab)");
  await expect(second.getByLabel("Display name")).toHaveValue("Grace (second tab)");

  // Nothing was overwritten: a fresh load shows the first tab's version.
  await user.page.reload();
  await expect(user.page.getByLabel("Display name")).toHaveValue("Grace (first tab)");

  await second.getByRole("button", { name: "Save my version" }).click();
  await expect(formMessage(second)).toHaveText("Your changes were saved.");
  await user.page.reload();
  await expect(user.page.getByLabel("Display name")).toHaveValue("Grace (second tab)");
});

test("the saved version can be taken instead of one's own", async ({ browser, newUser }) => {
  const [first, second] = await twoTabs(browser, await newUser());
  await first.getByLabel("Nickname").fill("Grace the Great");
  await saveButton(first).click();
  await expect(formMessage(first)).toHaveText("Your changes were saved.");
  await second.getByLabel("Nickname").fill("Mine");
  await saveButton(second).click();
  await second.getByRole("link", { name: "Discard mine and use the saved version" }).click();
  await expect(second.getByLabel("Nickname")).toHaveValue("Grace the Great");
  await expect(second.getByText("Someone else saved this profile")).toBeHidden();
});

test("axe finds no serious or critical violations on /login, /profile and /settings/security", async ({ page, newUser, axe }) => {
  await page.goto("/login");
  expect(await axe(page)).toEqual([]);
  const user = await newUser();
  expect(await axe(user.page)).toEqual([]);
  await user.page.getByLabel("First name").fill("");
  await expect(user.page.getByText("First name is required")).toBeVisible();
  expect(await axe(user.page)).toEqual([]);
  await user.page.goto("/settings/security");
  expect(await axe(user.page)).toEqual([]);
});
