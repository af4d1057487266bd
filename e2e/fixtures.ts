import { expect, type Page } from "@playwright/test";

export const PASSWORD = "demo-password";

export async function signIn(page: Page, username: string, password = PASSWORD, path = "/profile") {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

/** The form's status/alert messages, not Next's route announcer. */
export const formMessage = (page: Page) => page.getByRole("form", { name: "Profile" }).locator("[role=status], [role=alert]").first();

export const saveButton = (page: Page) => page.getByRole("button", { name: /Save changes|Save my version/ });

/** Creates a user through the admin console (the page must be signed in as an admin); returns its id. */
export async function createUser(
  page: Page,
  user: { username: string; firstName: string; lastName: string; password?: string; org?: string },
): Promise<{ id: string; password: string }> {
  await page.goto("/admin/users/new");
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("Username").fill(user.username);
  await form.getByLabel("Email").fill(`${user.username}@example.net`);
  await form.getByLabel("First name").fill(user.firstName);
  await form.getByLabel("Last name").fill(user.lastName);
  await form.getByLabel("Display name").fill(`${user.firstName} ${user.lastName}`);
  if (user.org) await form.getByLabel("Organisation").selectOption({ label: user.org });
  if (user.password) await form.getByLabel("Initial password").fill(user.password);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText(`(${user.username}) was created.`)).toBeVisible();
  const password = user.password ?? ((await page.getByLabel("Initial password").textContent()) ?? "").trim();
  const href = await page.getByRole("link", { name: "Open the user" }).getAttribute("href");
  return { id: href!.split("/").pop()!, password };
}
