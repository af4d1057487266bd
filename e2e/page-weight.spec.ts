import zlib from "node:zlib";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// First-load JavaScript per page: the built page loaded in Chromium on a first visit, the scripts
// it fetched summed at their gzip size (the server does not compress: a proxy in front does).
// A size, not a time. The framework alone (React, Next's router) is about 128 KB of it; the
// budgets hold what the pages add on top to what they weigh now, so any growth fails here.
const BUDGETS_KB: [string, number][] = [
  ["/login", 160],
  ["/profile", 210],
  ["/settings/security", 210],
  ["/settings/tokens", 210],
  ["/admin/users", 160],
  ["/admin/users/new", 210],
];

async function scriptWeight(page: Page, url: string) {
  const scripts: { url: string; gzip: number }[] = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push({ url: new URL(response.url()).pathname, gzip: zlib.gzipSync(await response.body()).length });
  });
  await page.goto(url, { waitUntil: "networkidle" });
  return { kb: scripts.reduce((sum, s) => sum + s.gzip, 0) / 1024, scripts };
}

test("first-load JavaScript stays within each page's budget", async ({ browser, newUser }, testInfo) => {
  const user = await newUser({ role: "ADMIN" });
  const report: string[] = [];
  for (const [url, budget] of BUDGETS_KB) {
    // A fresh context: nothing cached, as on a first visit.
    const context = await browser.newContext({ storageState: url === "/login" ? undefined : await user.page.context().storageState() });
    const { kb, scripts } = await scriptWeight(await context.newPage(), url);
    report.push(`${url}: ${kb.toFixed(1)} KB gzip in ${scripts.length} scripts (budget ${budget} KB)`);
    for (const s of scripts.sort((a, b) => b.gzip - a.gzip)) report.push(`  ${(s.gzip / 1024).toFixed(1).padStart(6)} KB  ${s.url}`);
    expect.soft(kb, `${url} loads ${kb.toFixed(1)} KB of JavaScript`).toBeLessThanOrEqual(budget);
    expect.soft(scripts.length, `${url} loaded no scripts: the measurement is broken`).toBeGreaterThan(3);
    await context.close();
  }
  await testInfo.attach("page weight", { body: report.join("\n"), contentType: "text/plain" });
  console.log(report.filter((line) => !line.startsWith(" ")).join("\n"));
});
