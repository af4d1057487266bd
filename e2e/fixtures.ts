import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Page } from "@playwright/test";

export { expect };

/** The demo accounts' password (the seeded administrators; tests make their own users). */
export const DEMO_PASSWORD = "demo-password";

/** Signs in through the form; `path` is where the sign-in starts and where it must come back to. */
export async function signIn(page: Page, username: string, password: string, path = "/profile") {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

/** The form's status/alert messages, not Next's route announcer. */
export const formMessage = (page: Page) => page.getByRole("form", { name: "Profile" }).locator("[role=status], [role=alert]").first();

/** Answers the alert dialog a destructive action asks first (components/ui/confirm.tsx). */
export async function confirmDialog(page: Page, action: string) {
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByRole("button").first()).toBeFocused(); // the harmless choice comes first
  await dialog.getByRole("button", { name: action, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Before axe looks: the page has its title again. Next streams a page's metadata, so as a server
 * action's answer re-renders a page its <title> can be gone for a moment until the new one
 * arrives (seen once in CI as axe's document-title). The page as a person meets it has one.
 */
export async function titled(page: Page) {
  await expect(page, "the page has a title").toHaveTitle(/\S/);
}

export const saveButton = (page: Page) => page.getByRole("button", { name: /Save changes|Save my version/ });

export const basicAuth = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;

/** A password strong enough for the policy, different every time. */
export const strongPassword = () => `tangerine-${crypto.randomBytes(6).toString("hex")}-harbour`;

export interface NewUser {
  id: string;
  username: string;
  email: string;
  password: string;
  /** A page of their own, signed in, past the first-sign-in password change. */
  page: Page;
}

interface UserSpec {
  firstName?: string;
  lastName?: string;
  role?: "USER" | "ORG_ADMIN" | "ADMIN";
  org?: string;
}

/** Creates a user through the admin console (the page must be an admin's); returns id and the initial password. */
export async function createUser(adminPage: Page, username: string, spec: UserSpec = {}): Promise<{ id: string; password: string }> {
  const { firstName = "Test", lastName = username } = spec;
  await adminPage.goto("/admin/users/new");
  const form = adminPage.getByRole("form", { name: "Create user" });
  await form.getByLabel("Username").fill(username);
  await form.getByLabel("Email").fill(`${username}@example.net`);
  await form.getByLabel("First name").fill(firstName);
  await form.getByLabel("Last name").fill(lastName);
  await form.getByLabel("Display name").fill(`${firstName} ${lastName}`);
  if (spec.role) await form.getByLabel("Role").selectOption(spec.role);
  if (spec.org) await form.getByLabel("Organisation").selectOption({ label: spec.org });
  await adminPage.getByRole("button", { name: "Create user" }).click();
  await expect(adminPage.getByText(`(${username}) was created.`)).toBeVisible();
  const password = ((await adminPage.getByLabel("Initial password").textContent()) ?? "").trim();
  const href = await adminPage.getByRole("link", { name: "Open the user" }).getAttribute("href");
  return { id: href!.split("/").pop()!, password };
}

/** First sign-in with a password an administrator set: the app asks for a new one before anything else. */
export async function firstSignIn(browser: Browser, username: string, initial: string): Promise<{ page: Page; password: string }> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/profile");
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Password").fill(initial);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  const password = strongPassword();
  await page.getByLabel("Current password").fill(initial);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/profile$/);
  return { page, password };
}

type WorkerFixtures = {
  /** The seeded administrator's page that makes users for newUser: one per worker, signed in again when a test ended its session. */
  userMaker: () => Promise<Page>;
};

type Fixtures = {
  /** A fresh page signed in as the seeded administrator. */
  adminPage: Page;
  /** Makes a user of one's own (through the admin console) and signs them in: no test shares one. */
  newUser: (spec?: UserSpec) => Promise<NewUser>;
  /** Serious and critical axe violations on the page as it is now. */
  axe: (page: Page) => Promise<string[]>;
};

export const test = base.extend<Fixtures, WorkerFixtures>({
  adminPage: async ({ browser }, provide) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, "admin", DEMO_PASSWORD);
    await provide(page);
    await context.close();
  },
  userMaker: [
    async ({ browser }, provide) => {
      const context = await browser.newContext();
      const admin = await context.newPage();
      await provide(async () => {
        await admin.goto("/admin/users/new");
        if (new URL(admin.url()).pathname === "/login") await signIn(admin, "admin", DEMO_PASSWORD, "/admin/users/new");
        return admin;
      });
      await context.close();
    },
    { scope: "worker" },
  ],
  newUser: async ({ browser, userMaker }, provide) => {
    await provide(async (spec = {}) => {
      const username = `u${crypto.randomBytes(5).toString("hex")}`;
      const { id, password: initial } = await createUser(await userMaker(), username, spec);
      const { page, password } = await firstSignIn(browser, username, initial);
      return { id, username, email: `${username}@example.net`, password, page };
    });
  },
  axe: async ({}, provide) => {
    await provide(async (page) => {
      await titled(page);
      const { violations } = await new AxeBuilder({ page }).analyze();
      return violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    });
  },
});

/**
 * Two signed-in pages of one user, each loaded at the same version of the profile: whatever the
 * first saves, the second's save is a lost update the app must catch.
 */
export async function twoTabs(browser: Browser, user: { username: string; password: string }): Promise<[Page, Page]> {
  const tabs: Page[] = [];
  for (let i = 0; i < 2; i++) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, user.username, user.password);
    tabs.push(page);
  }
  return [tabs[0]!, tabs[1]!];
}
