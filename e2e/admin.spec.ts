import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createUser, formMessage, saveButton, signIn } from "./fixtures";

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test("a USER opening /admin gets the 403 page", async ({ page }) => {
  await signIn(page, "alice");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
});

test("an admin creates a user, finds them by part of the name, edits them; the user sees it and the history says who", async ({ page, browser }) => {
  await signIn(page, "admin");
  const { id, password } = await createUser(page, { username: "henrietta", firstName: "Henriëtte", lastName: "Lacks-Öberg" });
  expect(password).toMatch(/^[A-Za-z0-9]{16}$/);

  await page.goto("/admin/users");
  await page.getByRole("searchbox", { name: "Search" }).fill("henriet OBERG");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=henriet\+OBERG/);
  await expect(page.getByText("1 user · page 1 of 1")).toBeVisible();
  await page.getByRole("link", { name: "Henriëtte Lacks-Öberg" }).click();
  await expect(page).toHaveURL(`/admin/users/${id}`);

  await page.getByLabel("Nickname").fill("Hetty");
  await page.getByLabel("Email").fill("hetty@example.net");
  await saveButton(page).click();
  await expect(formMessage(page)).toHaveText("Your changes were saved.");
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText("by you");
  await expect(history).toContainText("via admin console");
  await expect(history).toContainText("Nickname: empty → Hetty");
  await expect(history).toContainText("Email: henrietta@example.net → hetty@example.net");

  const userPage = await (await browser.newContext()).newPage();
  await signIn(userPage, "hetty@example.net", password);
  await expect(userPage.getByLabel("Nickname")).toHaveValue("Hetty");
  await expect(userPage.getByRole("region", { name: "Recent changes" })).toContainText("by Ada Lovelace");

  // Back button: the search is in the URL.
  await page.goBack();
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("henriet OBERG");
});

test("duplicate usernames and bad input get field messages when creating", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/users/new");
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("Username").fill("alice");
  await form.getByLabel("Email").fill("someone-new@example.net");
  await form.getByLabel("First name").fill("Some");
  await form.getByLabel("Last name").fill("One");
  await form.getByLabel("Display name").fill("Some One");
  await form.getByLabel("Initial password").fill("short");
  await expect(form.getByText("At least 12 characters", { exact: true })).toBeVisible();
  await form.getByLabel("Initial password").fill("");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText("This username is taken")).toBeVisible();
  await expect(form.getByLabel("Email")).toHaveValue("someone-new@example.net");
});

test("an ORG_ADMIN cannot open a user of another organisation by its URL", async ({ page, browser }) => {
  await signIn(page, "admin");
  const { id } = await createUser(page, { username: "globex-person", firstName: "Gl", lastName: "Obex", org: "Globex" });
  const orgAdmin = await (await browser.newContext()).newPage();
  await signIn(orgAdmin, "orgadmin");
  const response = await orgAdmin.goto(`/admin/users/${id}`);
  expect(response?.status()).toBe(404);
  await expect(orgAdmin.getByRole("heading", { name: "Not found" })).toBeVisible();
  await orgAdmin.goto("/admin/users?q=obex");
  await expect(orgAdmin.getByText("No users match this search.")).toBeVisible();
});

test("admin and user editing at the same time: the later one sees the conflict view", async ({ page, browser }) => {
  await signIn(page, "admin");
  const { id, password } = await createUser(page, { username: "concurrent", firstName: "Con", lastName: "Current", password: "concurrent-password" });
  await page.goto(`/admin/users/${id}`);

  const userPage = await (await browser.newContext()).newPage();
  await signIn(userPage, "concurrent", password);
  await userPage.getByLabel("Display name").fill("Set by the user");
  await saveButton(userPage).click();
  await expect(formMessage(userPage)).toHaveText("Your changes were saved.");

  await page.getByLabel("Display name").fill("Set by the admin");
  await saveButton(page).click();
  const conflict = page.getByRole("alert").filter({ hasText: "Someone else saved this profile" });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole("row", { name: /Display name/ })).toContainText("Set by the user");
  await page.reload();
  await expect(page.getByLabel("Display name")).toHaveValue("Set by the user");
});

test("roles: an admin grants a role and the history shows it; a password reset shows the new password once and ends the user's sessions", async ({ page, browser }) => {
  await signIn(page, "admin");
  const { id } = await createUser(page, { username: "promoted", firstName: "Pro", lastName: "Moted", password: "promoted-password" });
  const userPage = await (await browser.newContext()).newPage();
  await signIn(userPage, "promoted", "promoted-password");
  await page.goto(`/admin/users/${id}`);
  await page.getByLabel("Role").selectOption("ORG_ADMIN");
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText("The role was changed.")).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toContainText("Role: User → Organisation admin");
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByLabel("Generated password")).toHaveText(/^[A-Za-z0-9]{16}$/);
  await expect(page.getByRole("region", { name: "History" })).toContainText("Password was reset");
  const newPassword = ((await page.getByLabel("Generated password").textContent()) ?? "").trim();

  await userPage.reload();
  await expect(userPage).toHaveURL(/\/login/);
  await signIn(userPage, "promoted", newPassword);
  await expect(userPage.getByRole("heading", { name: "My profile" })).toBeVisible();
});

test("axe finds no serious or critical violations on the admin pages", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/users");
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/admin/users?q=nothing-matches-this");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Clear" }).click();
  await page.getByRole("link", { name: "Grace Hopper" }).click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/admin/users/new");
  expect(await seriousViolations(page)).toEqual([]);
});
