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
