import type { Browser, Page } from "@playwright/test";
import { expect, formMessage, saveButton, signIn, test } from "./fixtures";

// The embedded server has no SMTP_URL: mail is kept and read at /dev/mail, as an administrator
// would on a fresh machine. (The postgres project sends the same mail over real SMTP.)

/** The newest link to `path` in the development outbox's mail to `to`. */
async function linkInOutbox(adminPage: Page, to: string, path: "verify" | "report") {
  await adminPage.goto("/dev/mail");
  const message = adminPage.getByRole("listitem").filter({ hasText: `To ${to} ·` }).filter({ hasText: `/email/${path}?token=` }).first();
  return (await message.getByRole("link", { name: new RegExp(`/email/${path}\\?token=`) }).getAttribute("href"))!;
}

async function requestChange(page: Page, email: string, password: string) {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await saveButton(page).click();
  await page.getByLabel("Current password").fill(password);
  await saveButton(page).click();
  await expect(formMessage(page)).toHaveText(`Saved. We sent a link to ${email}: your email changes when you open it.`);
}

/** A browser of its own, signed in nowhere: a link opened on one's phone. */
const elsewhere = async (browser: Browser, javaScriptEnabled = true) => (await browser.newContext({ javaScriptEnabled })).newPage();

test("a new email counts once the link sent to it is opened, on any device; the old address is told and can undo it", async ({ browser, newUser, adminPage, axe }) => {
  const user = await newUser();
  const { page } = user;
  const to = `${user.username}.new@example.org`;
  await requestChange(page, to, user.password);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(user.email);
  await expect(page.getByText(`We sent a link to ${to} just now`)).toBeVisible();
  expect(await axe(page)).toEqual([]);

  const link = await linkInOutbox(adminPage, to, "verify");
  const phone = await elsewhere(browser);
  await phone.goto(link);
  await expect(phone.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  await expect(phone.getByText(`It replaces ${user.email}`)).toBeVisible();
  expect(await axe(phone)).toEqual([]);
  await phone.getByRole("button", { name: "Use this address" }).click();
  await expect(phone.getByRole("status")).toHaveText(`Your email address is now ${to}.`);

  await page.reload();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(to);
  await expect(page.getByText("New email address waiting for confirmation")).toHaveCount(0);
  const history = page.getByRole("region", { name: "Recent changes" }).getByRole("listitem");
  await expect(history.first()).toContainText(`via a link sent by email`);
  await expect(history.first()).toContainText(`Email: ${user.email} → ${to}`);

  // The link works once.
  await phone.goto(link);
  await expect(phone.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await expect(phone.getByText("This link was already used.")).toBeVisible();

  // The old address is told; "this was not me" puts it back and signs every session out.
  const report = await linkInOutbox(adminPage, user.email, "report");
  const old = await elsewhere(browser);
  await old.goto(report);
  await old.getByRole("button", { name: "Secure my account" }).click();
  await expect(old.getByRole("status")).toContainText(`${user.email} is the account's email address again. 1 session was signed out`);
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/login/);
});

test("the development outbox is for administrators only, and says what it is", async ({ newUser, adminPage, axe }) => {
  const { page } = await newUser();
  await page.goto("/dev/mail");
  await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
  await adminPage.goto("/dev/mail");
  await expect(adminPage).toHaveTitle("Development outbox · Profiles");
  await expect(adminPage.getByText("Mail is not sent: SMTP_URL is not set")).toBeVisible();
  await expect(adminPage.getByRole("link", { name: "Outbox" })).toBeVisible();
  expect(await axe(adminPage)).toEqual([]);
});

test.describe("without JavaScript", () => {
  test("request, cancel, request again and confirm", async ({ browser, newUser, adminPage }) => {
    const user = await newUser();
    const page = await elsewhere(browser, false);
    await signIn(page, user.username, user.password);
    const first = `${user.username}.first@example.org`;
    await requestChange(page, first, user.password);
    const cancelled = await linkInOutbox(adminPage, first, "verify");

    await page.goto("/profile");
    await page.getByRole("button", { name: "Cancel the change" }).click();
    await expect(page.getByText(`The change to ${first} was cancelled; its link no longer works.`)).toBeVisible();
    const phone = await elsewhere(browser, false);
    await phone.goto(cancelled);
    await expect(phone.getByText("This link is no longer valid")).toBeVisible();

    const second = `${user.username}.second@example.org`;
    await page.goto("/profile");
    await requestChange(page, second, user.password);
    await phone.goto(await linkInOutbox(adminPage, second, "verify"));
    await phone.getByRole("button", { name: "Use this address" }).click();
    await expect(phone.getByText(`Your email address is now ${second}.`)).toBeVisible();
    await page.goto("/profile");
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(second);
  });
});

test("an administrator's change takes effect at once, unconfirmed, and the user can confirm it", async ({ browser, newUser, adminPage }) => {
  const user = await newUser();
  const to = `${user.username}.set@example.org`;
  await adminPage.goto(`/admin/users/${user.id}`);
  await adminPage.getByLabel("Email", { exact: true }).fill(to);
  await saveButton(adminPage).click();
  await expect(formMessage(adminPage)).toHaveText("Your changes were saved.");
  await adminPage.reload();
  await expect(adminPage.getByText("email not confirmed")).toBeVisible();

  await user.page.reload();
  await expect(user.page.getByLabel("Email", { exact: true })).toHaveValue(to);
  await expect(user.page.getByText("Email address not confirmed")).toBeVisible();
  await adminPage.goto("/dev/mail");
  await expect(adminPage.getByRole("listitem").filter({ hasText: `To ${user.email} ·` }).first()).toContainText("An administrator changed the email");
  const phone = await elsewhere(browser);
  await phone.goto(await linkInOutbox(adminPage, to, "verify"));
  await phone.getByRole("button", { name: "Confirm this address" }).click();
  await expect(phone.getByRole("status")).toHaveText(`Thank you: ${to} is confirmed.`);
  await user.page.reload();
  await expect(user.page.getByText("Email address not confirmed")).toHaveCount(0);
});
