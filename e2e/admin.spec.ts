import { confirmDialog, createUser, expect, firstSignIn, formMessage, saveButton, signIn, test } from "./fixtures";

test("a USER opening /admin gets the 403 page", async ({ newUser }) => {
  const { page } = await newUser();
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
});

test("an admin creates a user, finds them by part of the name, edits them; the user sees it and the history says who", async ({ adminPage: page, browser }) => {
  const { id, password } = await createUser(page, "henrietta", { firstName: "Henriëtte", lastName: "Lacks-Øberg" });
  expect(password).toMatch(/^[A-Za-z0-9]{16}$/);

  await page.goto("/admin/users");
  await page.getByRole("searchbox", { name: "Search" }).fill("henriet OBERG");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=henriet\+OBERG/);
  await expect(page.getByText("1 user", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Henriëtte Lacks-Øberg" }).click();
  await expect(page).toHaveURL(`/admin/users/${id}`);
  await expect(page).toHaveTitle("Henriëtte Lacks-Øberg (henrietta) · Users · Profiles");

  await page.getByLabel("Nickname").fill("Hetty");
  await page.getByLabel("Email").fill("hetty@example.net");
  await saveButton(page).click();
  await expect(formMessage(page)).toHaveText("Your changes were saved.");
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText("by you");
  await expect(history).toContainText("via admin console");
  await expect(history).toContainText("Nickname: empty → Hetty");
  await expect(history).toContainText("Email: henrietta@example.net → hetty@example.net");

  const { page: userPage } = await firstSignIn(browser, "hetty@example.net", password);
  await expect(userPage.getByLabel("Nickname")).toHaveValue("Hetty");
  await expect(userPage.getByRole("region", { name: "Recent changes" })).toContainText("by Ada Lovelace");

  // Back button: the search is in the URL.
  await page.goBack();
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("henriet OBERG");
});

test("the list pages by cursors in its URL; a page link that is not one shows the first page and says so, never an error", async ({ adminPage: page }) => {
  const cursor = (value: unknown[]) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const notice = page.getByText("That page link no longer works, so here is the first page.");
  const ada = page.getByRole("link", { name: "Ada Lovelace" });
  for (const bad of [
    "after=not-a-cursor",
    "before=%E2%9C%93%F0%9F%98%80",
    `after=${"A".repeat(5000)}`,
    `after=${cursor([1, "name", 0, "Lovelace", "Ada\u0000", "x"])}`,
    `after=${cursor([1, "created", 0, "not a time", "x"])}`, // another sort's cursor
    `sort=created&before=${cursor([1, "created", 0, "+275760-09-13T00:00:00.000Z", "x"])}`,
  ]) {
    const response = await page.goto(`/admin/users?q=lovelace&${bad}`);
    expect(response?.status(), bad).toBe(200);
    await expect(notice).toBeVisible();
    await expect(ada).toBeVisible();
  }
  // A cursor past the end (its rows were deleted) leads to the last page; "last" is the first read backwards.
  for (const query of [`after=${cursor([1, "name", 0, "zzzz", "zzzz", "zzzz"])}`, "last=1", `before=${cursor([1, "name", 0, "", "", ""])}`]) {
    await page.goto(`/admin/users?q=lovelace&${query}`);
    await expect(ada).toBeVisible();
    await expect(notice).toBeHidden();
    await expect(page.getByText("1 user", { exact: true })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Pages" })).toHaveCount(0); // one page: no pager
  }
});

test("duplicate usernames and bad input get field messages when creating", async ({ adminPage: page }) => {
  await page.goto("/admin/users/new");
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("Username").fill("alice");
  await form.getByLabel("Email").fill("someone-new@example.net");
  await form.getByLabel("First name").fill("Some");
  await form.getByLabel("Last name").fill("One");
  await form.getByLabel("Display name").fill("Some One");
  await form.getByLabel("Initial password").fill("short");
  await expect(form.getByText("At least 12 characters", { exact: true })).toBeVisible();
  await form.getByLabel("Initial password").fill("password123456");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText(/commonly used password/)).toBeVisible();
  await form.getByLabel("Initial password").fill("");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText("This username is taken")).toBeVisible();
  await expect(form.getByLabel("Email")).toHaveValue("someone-new@example.net");
});

test("an ORG_ADMIN cannot open a user of another organisation by its URL", async ({ adminPage, newUser }) => {
  const { id } = await createUser(adminPage, "globex-person", { firstName: "Gl", lastName: "Obex", org: "Globex" });
  const { page } = await newUser({ role: "ORG_ADMIN" });
  const response = await page.goto(`/admin/users/${id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.goto("/admin/users?q=obex");
  await expect(page.getByText("No users match this search.")).toBeVisible();
});

test("admin and user editing at the same time: the later one sees the conflict view", async ({ adminPage: page, newUser }) => {
  const user = await newUser();
  await page.goto(`/admin/users/${user.id}`);

  await user.page.getByLabel("Display name").fill("Set by the user");
  await saveButton(user.page).click();
  await expect(formMessage(user.page)).toHaveText("Your changes were saved.");

  await page.getByLabel("Display name").fill("Set by the admin");
  await saveButton(page).click();
  const conflict = page.getByRole("alert").filter({ hasText: "Someone else saved this profile" });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole("row", { name: /Display name/ })).toContainText("Set by the user");
  await page.reload();
  await expect(page.getByLabel("Display name")).toHaveValue("Set by the user");
});

test("roles: an admin grants a role, which ends the user's sessions; the history and security activity show it", async ({ adminPage: page, newUser }) => {
  const user = await newUser();
  await page.goto(`/admin/users/${user.id}`);
  await expect(page.getByRole("region", { name: "Sessions" }).getByRole("listitem")).toHaveCount(1);
  await page.getByLabel("Role").selectOption("ORG_ADMIN");
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText("The role was changed.")).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toContainText("Role: User → Organisation admin");
  await expect(page.getByRole("region", { name: "Security activity" })).toContainText("Role changed from User to Organisation admin by you");

  await user.page.reload();
  await expect(user.page).toHaveURL(/\/login/);
  await signIn(user.page, user.username, user.password, "/admin/users");
  await expect(user.page.getByRole("heading", { name: "Users" })).toBeVisible();
});

test("an admin ends all of a user's sessions, and resets a password keeping or revoking tokens", async ({ adminPage: page, newUser }) => {
  const user = await newUser();
  await page.goto(`/admin/users/${user.id}`);
  await page.getByRole("button", { name: "End all sessions" }).click();
  await confirmDialog(page, "Sign them out");
  await expect(page.getByText("1 session was ended.")).toBeVisible();
  await user.page.reload();
  await expect(user.page).toHaveURL(/\/login/);

  await signIn(user.page, user.username, user.password, "/settings/tokens");
  await user.page.getByLabel("Token name").fill("nightly");
  await user.page.getByRole("button", { name: "Create token" }).click();
  await expect(user.page.getByLabel("New token")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Also revoke their API tokens")).toBeChecked();
  await page.getByRole("button", { name: "Reset password" }).click();
  await confirmDialog(page, "Reset password");
  await expect(page.getByText(/1 API token was revoked/)).toBeVisible();
  await expect(page.getByRole("region", { name: "API tokens" })).toContainText("Revoked");
});

test("axe finds no serious or critical violations on the admin pages", async ({ adminPage: page, axe }) => {
  await page.goto("/admin/users");
  expect(await axe(page)).toEqual([]);
  await page.goto("/admin/users?q=nothing-matches-this");
  expect(await axe(page)).toEqual([]);
  await page.getByRole("link", { name: "Clear" }).click();
  await page.getByRole("link", { name: "Grace Hopper" }).click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await page.goto("/admin/users/new");
  expect(await axe(page)).toEqual([]);
});
