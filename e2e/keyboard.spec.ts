import type { Locator, Page } from "@playwright/test";
import { confirmDialog, expect, formMessage, saveButton, signIn, test } from "./fixtures";

/** Presses Tab until `target` has focus: it must be reachable within `most` presses, in order. */
async function tabTo(page: Page, target: Locator, most = 12) {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("keyboard only: sign in, edit, save, a refused save, fix, save — focus and announcements at each step", async ({ browser, newUser }) => {
  const user = await newUser();
  const page = await (await browser.newContext()).newPage();
  await page.goto("/profile");
  const name = page.getByLabel("Username or email");
  await expect(name).toBeFocused();
  await page.keyboard.type(user.username);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type("not my password");
  await page.keyboard.press("Enter");
  // A refused sign-in: focus on the message, which says what happened; the name typed stays.
  await expect(page.locator(":focus")).toHaveText("The username or password is not correct.");
  await expect(name).toHaveValue(user.username);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type(user.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/profile$/);

  // The skip link is the first stop and leads into the page.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  const nickname = page.getByLabel("Nickname");
  await tabTo(page, nickname);
  await page.keyboard.type("Kit");
  await page.keyboard.press("Enter");
  await expect(formMessage(page)).toHaveText("Your changes were saved.");
  await expect(formMessage(page)).toHaveRole("status");

  // Refused by the schema in the browser: the saved message is replaced, focus goes to the first bad field.
  const firstName = page.getByLabel("First name");
  await firstName.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await expect(page.getByText("First name is required")).toBeVisible();
  await nickname.focus();
  await page.keyboard.insertText("x".repeat(201));
  await page.keyboard.press("Enter");
  await expect(formMessage(page)).toHaveText("Some fields need your attention.");
  await expect(formMessage(page)).toHaveRole("alert");
  await expect(firstName).toBeFocused();
  await expect(firstName).toHaveAttribute("aria-invalid", "true");

  await page.keyboard.type("Ada");
  await tabTo(page, nickname);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Kitty");
  // Saved from the button itself: focus stays on it (a button disabled while the form is sent would drop it to the page).
  const save = saveButton(page);
  await tabTo(page, save, 20);
  await page.keyboard.press("Enter");
  await expect(formMessage(page)).toHaveText("Your changes were saved.");
  await expect(save).toBeFocused();
  await page.reload();
  await expect(firstName).toHaveValue("Ada");
  await expect(nickname).toHaveValue("Kitty");
});

test("keyboard only: a destructive action asks first; Escape leaves everything as it was and returns focus", async ({ browser, newUser }) => {
  const user = await newUser();
  await signIn(await (await browser.newContext()).newPage(), user.username, user.password); // a second session
  const { page } = user;
  await page.goto("/settings/security");
  const endAll = page.getByRole("button", { name: "Sign out everywhere else" });
  await endAll.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: "Sign out everywhere else?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(endAll).toBeFocused();
  await expect(page.getByRole("region", { name: "Where you are signed in" }).getByRole("listitem")).toHaveCount(2);

  await page.keyboard.press("Enter");
  await confirmDialog(page, "Sign them out");
  await expect(page.getByText("1 session was ended.")).toBeVisible();
  await expect(endAll).toBeFocused();
});

// Titles name the page and its subject, and differ between pages: what anyone sees, then an administrator.
const titled = (titles: [string, string][]) => async (target: Page, path: string, title: string) => {
  await target.goto(path);
  await expect(target).toHaveTitle(title);
  titles.push([path, title]);
};

test("titles: the pages anyone and a signed-in person see", async ({ newUser, page }) => {
  const user = await newUser();
  const titles: [string, string][] = [];
  const visit = titled(titles);
  await visit(page, "/login", "Sign in · Profiles");
  await visit(page, "/nothing-here", "Page not found · Profiles");
  await visit(page, `/email/verify?token=${"x".repeat(43)}`, "This link does not work · Profiles");
  await visit(user.page, "/profile", "My profile · Profiles");
  await visit(user.page, "/settings/security", "Security · Profiles");
  await visit(user.page, "/settings/tokens", "API tokens · Profiles");
  await visit(user.page, "/admin/users", "No access · Profiles");
  expect(new Set(titles.map(([, title]) => title)).size).toBe(titles.length);
});

test("titles: an administrator's pages name the user they are about", async ({ adminPage, newUser }) => {
  const [one, two] = [await newUser({ firstName: "Ada", lastName: "Lovelace" }), await newUser({ firstName: "Grace", lastName: "Hopper" })];
  const titles: [string, string][] = [];
  const visit = titled(titles);
  await visit(adminPage, "/admin/users", "Users · Profiles");
  await visit(adminPage, "/admin/users/new", "Create user · Profiles");
  await visit(adminPage, `/admin/users/${one.id}`, `Ada Lovelace (${one.username}) · Users · Profiles`);
  await visit(adminPage, `/admin/users/${two.id}`, `Grace Hopper (${two.username}) · Users · Profiles`);
  await visit(adminPage, "/dev/mail", "Development outbox · Profiles");
  await visit(adminPage, "/docs", "API documentation · Profiles");
  expect(new Set(titles.map(([, title]) => title)).size).toBe(titles.length);
});

test("autocomplete tokens on every field that has one (WCAG 1.3.5), and none on someone else's", async ({ adminPage, newUser, page }) => {
  const user = await newUser();
  const expectTokens = async (target: Page, tokens: Record<string, string>) => {
    for (const [label, token] of Object.entries(tokens)) {
      // Optional fields say so after their name ("Nickname (optional)"): those are matched by the name alone.
      await expect(target.getByLabel(label, { exact: !/^(Nickname|Preferred language)$/.test(label) })).toHaveAttribute("autocomplete", token);
    }
  };
  await page.goto("/login");
  await expectTokens(page, { "Username or email": "username", Password: "current-password" });
  await expectTokens(user.page, {
    "First name": "given-name", "Last name": "family-name", Nickname: "nickname", "Preferred language": "language",
    Gender: "sex", Email: "email",
  });
  await user.page.getByLabel("Email", { exact: true }).fill("changed@example.org");
  await expectTokens(user.page, { "Current password": "current-password" });
  await user.page.goto("/settings/security");
  await expectTokens(user.page, { "Current password": "current-password", "New password": "new-password", "New password again": "new-password" });
  await adminPage.goto(`/admin/users/${user.id}`);
  await expectTokens(adminPage, { "First name": "off", "Last name": "off", Email: "off" });
  await expect(adminPage.getByLabel("New password")).toHaveAttribute("autocomplete", "new-password");
  await expect(adminPage.getByLabel("Display name")).toHaveAttribute("autocomplete", "off");
  await user.page.goto("/profile");
  await expect(user.page.getByLabel("Display name")).not.toHaveAttribute("autocomplete", /.+/); // no token fits a display name
});

test("the admin search lands on its results: the next Tab is the first result, not the filters again", async ({ adminPage: page }) => {
  await page.goto("/admin/users");
  await page.getByLabel("Search").fill("alice");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=alice.*#results$/);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("region", { name: "User list" })).toBeFocused(); // the results' scroll box, then its rows
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Alice Liddell" })).toBeFocused();
});

test("the theme switch: dark, remembered after a reload and without JavaScript, and back to the system's", async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    const page = await (await browser.newContext({ javaScriptEnabled, colorScheme: "light" })).newPage();
    await page.goto("/login");
    const html = page.locator("html");
    await expect(html).not.toHaveAttribute("data-theme", /.*/);
    await page.getByRole("button", { name: "Dark" }).click();
    await expect(html).toHaveAttribute("data-theme", "dark");
    await expect(page.getByRole("button", { name: "Dark" })).toHaveAttribute("aria-pressed", "true");
    if (javaScriptEnabled) expect(await page.evaluate(() => getComputedStyle(document.body).colorScheme)).toBe("dark");
    await page.reload();
    await expect(html).toHaveAttribute("data-theme", "dark");
    await page.getByRole("button", { name: "System" }).click();
    await expect(html).not.toHaveAttribute("data-theme", /.*/);
  }
});
