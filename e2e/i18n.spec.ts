import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContextOptions, Page, TestInfo } from "@playwright/test";
import { expect, test, titled } from "./fixtures";

// Every screen in the person's language: their preferredLanguage when signed in, the language menu
// or Accept-Language before; validation messages from the one schema in that language with
// JavaScript and without; Arabic right-to-left. The expected words come from the catalogues.

type Locale = "en" | "de" | "fr" | "es" | "ja" | "ar";
const catalogues = new Map<string, Record<string, unknown>>();
/** A message of a catalogue, as written there (placeholders included). */
function msg(locale: Locale, key: string): string {
  const [ns, ...rest] = key.split(".");
  const file = path.join(import.meta.dirname, "..", "lib/i18n/messages", locale, `${ns}.json`);
  if (!catalogues.has(file)) catalogues.set(file, JSON.parse(fs.readFileSync(file, "utf8")));
  const value = rest.reduce<unknown>((at, k) => (at as Record<string, unknown>)[k], catalogues.get(file));
  if (typeof value !== "string") throw new Error(`${locale}: ${key} is not a message`);
  return value;
}
const OWN_NAME: Record<Locale, string> = { en: "English", de: "Deutsch", fr: "français", es: "español", ja: "日本語", ar: "العربية" };
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function noSidewaysScroll(page: Page, label: string) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect.soft(scrollWidth, `${label}: the page scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}

async function axe(page: Page, label: string) {
  await titled(page);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect.soft(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`), `${label}: axe`).toEqual([]);
}

async function shot(page: Page, label: string, testInfo: TestInfo) {
  await testInfo.attach(label, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

const save = (page: Page, locale: Locale) => page.getByRole("button", { name: msg(locale, "profile.form.saveChanges") });

/** Chooses a language in the profile form (written in `from`) and saves: the page answers in the new one at once. */
async function saveLanguage(page: Page, tag: string, from: Locale) {
  await page.locator("select#preferredLanguage").selectOption(tag);
  await save(page, from).click();
  await expect(page.locator("html")).toHaveAttribute("lang", new Intl.Locale(tag).language);
}

/** Signs in through the login page as written in `locale` (the browser's Accept-Language before sign-in). */
async function signInIn(page: Page, locale: Locale, user: { username: string; password: string }) {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await page.getByLabel(msg(locale, "login.form.username")).fill(user.username);
  await page.getByLabel(msg(locale, "login.form.password"), { exact: true }).fill(user.password);
  await page.getByRole("button", { name: msg(locale, "login.form.submit") }).click();
  await expect(page).toHaveURL(/\/profile$/);
}

async function signedIn(browser: Browser, user: { username: string; password: string }, options: BrowserContextOptions & { locale?: Locale } = {}) {
  const page = await (await browser.newContext(options)).newPage();
  await signInIn(page, options.locale ?? "en", user);
  return page;
}

test("a German-speaking administrator sees German everywhere; switching to Japanese answers in Japanese at once, with and without JavaScript", async ({ browser, newUser }, testInfo) => {
  test.setTimeout(90_000);
  const user = await newUser({ role: "ADMIN" });
  const { page } = user;
  await saveLanguage(page, "de-CH", "en");
  // Saved in English, answered in German: the same response re-renders the page in the new language.
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1, name: msg("de", "profile.title") })).toBeVisible();
  await expect(page.locator("select#preferredLanguage")).toHaveValue("de-CH");

  const german: [string, string][] = [
    ["/profile", msg("de", "profile.title")],
    ["/settings/tokens", msg("de", "tokens.title")],
    ["/settings/security", msg("de", "security.title")],
    ["/admin/users", msg("de", "admin.list.title")],
    ["/nowhere", msg("de", "common.notFound.heading")],
  ];
  for (const [url, heading] of german) {
    await page.goto(url);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1, name: heading }), url).toBeVisible();
    await expect(page.getByRole("button", { name: msg("de", "common.signOut"), exact: true })).toBeVisible();
  }
  await page.goto("/profile");
  await shot(page, "profile-de", testInfo);

  await saveLanguage(page, "ja", "de");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1, name: msg("ja", "profile.title") })).toBeVisible();

  // As they type: the schema's message in Japanese.
  const firstName = page.getByLabel(msg("ja", "fields.firstName"), { exact: true });
  await firstName.fill("");
  await expect(page.getByText(msg("ja", "sentences.firstNameRequired"))).toBeVisible();
  await save(page, "ja").click();
  await expect(page.getByRole("alert").filter({ hasText: msg("ja", "sentences.fixFields") })).toBeVisible();
  await axe(page, "profile in Japanese, refused");

  // Without JavaScript: the server action's answer, in Japanese, keeping what was typed.
  const plain = await signedIn(browser, user, { javaScriptEnabled: false });
  await expect(plain.locator("html")).toHaveAttribute("lang", "ja");
  await plain.getByLabel(msg("ja", "fields.firstName"), { exact: true }).fill("");
  await plain.getByLabel(msg("ja", "fields.nickName")).fill("ケン");
  await save(plain, "ja").click();
  await expect(plain.getByText(msg("ja", "sentences.firstNameRequired"))).toBeVisible();
  await expect(plain.getByLabel(msg("ja", "fields.nickName"))).toHaveValue("ケン");
  await shot(plain, "profile-ja-invalid-no-js", testInfo);
  // Still without JavaScript, a new language saved answers in it at once.
  await plain.getByLabel(msg("ja", "fields.firstName"), { exact: true }).fill("Ken");
  await plain.locator("select#preferredLanguage").selectOption("es");
  await save(plain, "ja").click();
  await expect(plain.locator("html")).toHaveAttribute("lang", "es");
  await expect(plain.getByRole("status").filter({ hasText: msg("es", "sentences.saved") })).toBeVisible();
  await page.goto("/profile");
  await saveLanguage(page, "ja", "es"); // back to Japanese for the history check below

  // The history names the change, in the reader's language.
  await page.goto("/profile");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.locator("#main")).toContainText(new Intl.DisplayNames(["ja"], { type: "language" }).of("de-CH")!);
});

test("before sign-in: Accept-Language chooses, the language menu overrides, and a signed-in choice is saved to the profile", async ({ browser, newUser }) => {
  const french = await (await browser.newContext({ locale: "fr-CH" })).newPage();
  await french.goto("/login");
  await expect(french.locator("html")).toHaveAttribute("lang", "fr");
  await expect(french.getByRole("heading", { level: 1, name: msg("fr", "login.title") })).toBeVisible();

  // The menu works with the keyboard and without JavaScript (a disclosure of submit buttons).
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await plain.goto("/login");
  await expect(plain.locator("html")).toHaveAttribute("lang", "en");
  await plain.getByText("English", { exact: true }).first().click();
  await plain.getByRole("button", { name: OWN_NAME.es }).click();
  await expect(plain.locator("html")).toHaveAttribute("lang", "es");
  await expect(plain.getByRole("heading", { level: 1, name: msg("es", "login.title") })).toBeVisible();

  // With the keyboard alone: the summary opens the list, Tab walks it, Enter chooses.
  const keys = await (await browser.newContext()).newPage();
  await keys.goto("/login");
  await keys.locator("header summary").focus();
  await keys.keyboard.press("Enter");
  await keys.keyboard.press("Tab"); // English, the current one
  await keys.keyboard.press("Tab");
  await expect(keys.locator(":focus")).toHaveText(OWN_NAME.de);
  await keys.keyboard.press("Enter");
  await expect(keys.locator("html")).toHaveAttribute("lang", "de");
  await expect(keys.getByRole("heading", { level: 1, name: msg("de", "login.title") })).toBeVisible();

  // Signed in, the menu saves preferredLanguage through the service: the history shows it.
  const user = await newUser();
  await user.page.goto("/settings/tokens");
  await user.page.locator("summary").filter({ hasText: OWN_NAME.en }).click();
  await user.page.getByRole("button", { name: OWN_NAME.fr }).click();
  await expect(user.page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(user.page.getByRole("heading", { level: 1, name: msg("fr", "tokens.title") })).toBeVisible();
  await user.page.goto("/profile");
  await expect(user.page.locator("select#preferredLanguage")).toHaveValue("fr");
  const history = user.page.getByRole("region", { name: msg("fr", "profile.recentChanges") });
  await expect(history).toContainText(msg("fr", "fields.preferredLanguage"));
  await expect(history).toContainText(new Intl.DisplayNames(["fr"], { type: "language" }).of("fr")!);
  // Another browser of the same person, with an English Accept-Language, follows the profile.
  const elsewhere = await signedIn(browser, user, { locale: "en" });
  await expect(elsewhere.locator("html")).toHaveAttribute("lang", "fr");
});

test("Arabic reads right to left at 375 px, without sideways scrolling, and passes axe; Latin names keep their direction", async ({ browser, newUser }, testInfo) => {
  test.setTimeout(90_000);
  const user = await newUser({ role: "ADMIN", firstName: "Ada", lastName: "Lovelace" });
  await saveLanguage(user.page, "ar", "en");
  const page = await signedIn(browser, user, { viewport: { width: 375, height: 800 } });
  for (const url of ["/profile", "/settings/security", "/settings/tokens", "/admin/users", `/admin/users/${user.id}`]) {
    await page.goto(url);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await noSidewaysScroll(page, url);
    await axe(page, `${url} in Arabic`);
    await shot(page, `ar ${url}`, testInfo);
  }
  await page.goto("/profile");
  // Names people typed keep their own direction inside the right-to-left page.
  for (const field of ["firstName", "lastName", "displayName", "nickName"]) await expect(page.locator(`#${field}`)).toHaveAttribute("dir", "auto");
  // The layout mirrors: the form's labels start at the right.
  const label = await page.getByText(msg("ar", "fields.firstName"), { exact: true }).boundingBox();
  const input = await page.locator("#firstName").boundingBox();
  expect(label!.x + label!.width).toBeGreaterThan(input!.x + input!.width - 2);
});

test("each language's profile page, for the record", async ({ browser, newUser }, testInfo) => {
  test.setTimeout(90_000);
  const user = await newUser();
  for (const locale of ["en", "de", "fr", "es", "ja", "ar"] as Locale[]) {
    const page = await (await browser.newContext({ locale })).newPage();
    await signInIn(page, locale, user);
    await expect(page.getByRole("heading", { level: 1, name: msg(locale, "profile.title") })).toBeVisible();
    await shot(page, `profile-${locale}`, testInfo);
    await page.context().close();
  }
});

test("times are written in the browser's time zone and language", async ({ browser, newUser }) => {
  const user = await newUser();
  const page = await signedIn(browser, user, { locale: "de", timezoneId: "Asia/Tokyo" });
  await page.goto("/settings/security");
  // The first page was written in UTC; the browser tells its zone and the page is written again.
  await expect(page.locator("time[title]").first()).toHaveAttribute("title", /GMT\+9|JST/, { timeout: 15_000 });
  await page.reload();
  await expect(page.locator("time[title]").first()).toHaveAttribute("title", /GMT\+9|JST/);
});
