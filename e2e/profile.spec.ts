import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { formMessage, saveButton, signIn } from "./fixtures";

async function historyCount(page: Page) {
  return page.getByRole("region", { name: "Recent changes" }).getByRole("listitem").filter({ hasText: "version" }).count();
}

test("protected pages send to /login and back afterwards", async ({ page }) => {
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fprofile/);
  await signIn(page, "alice");
  await expect(page.getByRole("heading", { name: "My profile" })).toBeVisible();
});

test("a wrong password and an unknown user get the same message", async ({ page }) => {
  const messages: string[] = [];
  for (const [username, password] of [["alice", "wrong-password"], ["nobody-here", "demo-password"]]) {
    await page.goto("/login");
    await page.getByLabel("Username or email").fill(username!);
    await page.getByLabel("Password").fill(password!);
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.locator("form [role=alert]");
    await expect(alert).toBeVisible();
    messages.push((await alert.textContent()) ?? "");
    await expect(page.getByLabel("Username or email")).toHaveValue(username!);
  }
  expect(messages[0]).toBe("The username or password is not correct.");
  expect(messages[1]).toBe(messages[0]);
});

test("sign in, edit, and the change is there after a reload and in the history", async ({ page }) => {
  await signIn(page, "alice");
  await page.getByLabel("First name").fill("Zoë");
  await page.getByLabel("Nickname").fill("山田 🚀");
  await page.getByLabel("Preferred language").selectOption("de-CH");
  await saveButton(page).click();
  await expect(formMessage(page)).toHaveText("Your changes were saved.");
  await page.reload();
  await expect(page.getByLabel("First name")).toHaveValue("Zoë");
  await expect(page.getByLabel("Nickname")).toHaveValue("山田 🚀");
  await expect(page.getByLabel("Preferred language")).toHaveValue("de-CH");
  await expect(page.getByRole("region", { name: "Recent changes" })).toContainText("First name: Alice → Zoë");
  await expect(page.getByRole("region", { name: "Recent changes" })).toContainText("by you · via profile page");
});

test("changing the email asks for the current password", async ({ page }) => {
  await signIn(page, "alice");
  await page.getByLabel("Email").fill("Alice.New@Example.com");
  await saveButton(page).click();
  await expect(page.getByText("Enter your current password to change your email")).toBeVisible();
  await page.getByLabel("Current password").fill("not-my-password");
  await saveButton(page).click();
  await expect(page.getByText("The current password is not correct")).toBeVisible();
  await page.getByLabel("Current password").fill("demo-password");
  await saveButton(page).click();
  await expect(formMessage(page)).toHaveText("Your changes were saved.");
  await page.reload();
  await expect(page.getByLabel("Email")).toHaveValue("alice.new@example.com");
});

test("invalid input is shown next to the field as one types, and nothing is saved", async ({ page }) => {
  await signIn(page, "admin");
  const before = await historyCount(page);
  const firstName = page.getByLabel("First name");
  await firstName.fill("");
  await expect(page.getByText("First name is required")).toBeVisible();
  await expect(firstName).toHaveAttribute("aria-invalid", "true");
  await expect(firstName).toHaveAttribute("aria-describedby", "firstName-error");
  await page.getByLabel("Last name").fill("x".repeat(201));
  await expect(page.getByText("At most 200 characters")).toBeVisible();
  await saveButton(page).click();
  await expect(firstName).toBeFocused();
  await page.reload();
  await expect(firstName).toHaveValue("Ada");
  expect(await historyCount(page)).toBe(before);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign in, invalid input keeps what was typed, then a valid save", async ({ page }) => {
    await signIn(page, "bob");
    await page.getByLabel("First name").fill("   ");
    await page.getByLabel("Last name").fill("O'Brien");
    await page.getByLabel("Nickname").fill("Bobby\u0007");
    await saveButton(page).click();
    await expect(page.getByText("First name is required")).toBeVisible();
    await expect(page.getByText("Must not contain control characters such as line breaks or tabs")).toBeVisible();
    await expect(page.getByLabel("Last name")).toHaveValue("O'Brien");
    await page.goto("/profile");
    await expect(page.getByLabel("First name")).toHaveValue("Bob");
    await expect(page.getByLabel("Last name")).toHaveValue("Marley");

    await page.getByLabel("Last name").fill("O'Brien");
    await saveButton(page).click();
    await expect(page.getByText("Your changes were saved.")).toBeVisible();
    await page.goto("/profile");
    await expect(page.getByLabel("Last name")).toHaveValue("O'Brien");
  });
});

test("two tabs edit from the same version: the second sees both versions and chooses", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signIn(first, "orgadmin");
  await signIn(second, "orgadmin");

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
  const third = await (await browser.newContext()).newPage();
  await signIn(third, "orgadmin");
  await expect(third.getByLabel("Display name")).toHaveValue("Grace (first tab)");

  await second.getByRole("button", { name: "Save my version" }).click();
  await expect(formMessage(second)).toHaveText("Your changes were saved.");
  await third.reload();
  await expect(third.getByLabel("Display name")).toHaveValue("Grace (second tab)");
});

test("the saved version can be taken instead of one's own", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signIn(first, "orgadmin");
  await signIn(second, "orgadmin");
  await first.getByLabel("Nickname").fill("Grace the Great");
  await saveButton(first).click();
  await expect(formMessage(first)).toHaveText("Your changes were saved.");
  await second.getByLabel("Nickname").fill("Mine");
  await saveButton(second).click();
  await second.getByRole("link", { name: "Discard mine and use the saved version" }).click();
  await expect(second.getByLabel("Nickname")).toHaveValue("Grace the Great");
  await expect(second.getByText("Someone else saved this profile")).toBeHidden();
});

test("sign out ends the session", async ({ page }) => {
  await signIn(page, "alice");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/login/);
});

test("axe finds no serious or critical violations on /login and /profile", async ({ page }) => {
  await page.goto("/login");
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(await serious()).toEqual([]);
  await signIn(page, "alice");
  expect(await serious()).toEqual([]);
  await page.getByLabel("First name").fill("");
  await expect(page.getByText("First name is required")).toBeVisible();
  expect(await serious()).toEqual([]);
});
