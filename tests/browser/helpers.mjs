// Shared set-up of the browser tests: the page served on loopback, Debian's Chromium driven by
// playwright-core (no browser download), watchers for console errors, CSP violations and requests
// leaving the page's origin, and axe-core (every rule, every level).
import { chromium } from "playwright-core";
import { serve } from "../../tools/serve.mjs";
import { SITE } from "../../tools/site.mjs";
import { mkdirSync, readFileSync } from "node:fs";

export const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-quic"];

/** The day the browser tests run on, whatever the machine's date. */
export const TODAY = new Date("2026-12-06T10:00:00");

const AXE = readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");

/** The site as it ships (target/site, built by `make build`), served on loopback. */
export async function setup(root = SITE) {
  const server = await serve(0, root);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS });
  mkdirSync("test-results", { recursive: true });
  return { server, origin, browser, close: async () => { await browser.close(); server.close(); } };
}

/** A page that records what must never happen: console errors, page errors, CSP violations,
 * requests to another origin. */
export async function open(browser, url, options = {}, { prepare } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR", ...options });
  await prepare?.(context); // e.g. routes standing in for files the site does not ship
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(url).origin;
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  const requests = [];
  page.on("request", (r) => {
    requests.push(r.url());
    if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) problems.push(`request to ${r.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  // A fixed clock: the page's "today" is the same on every run (answers depend on the date).
  await context.clock.setFixedTime(TODAY);
  await page.goto(url);
  await page.waitForSelector("body[data-ready]");
  return { page, context, problems, requests };
}

export const status = (page) => page.locator(".answer .status-word").first().textContent();

/** axe-core violations of any level (WCAG A, AA, AAA rules off by default are on; best practices
 * included), as readable lines. */
export async function axe(page, frame = page, include = null) {
  await frame.evaluate(AXE);
  const result = await frame.evaluate((include) => window.axe.run(include ? { include: [[include]] } : document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
  }), include);
  return result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

/** Switches the page's language with its button, and waits until the switch is done: the other
 * language's messages are fetched first (the page loads only the visitor's before its first result). */
export async function switchLanguage(page, lang) {
  await page.click(`#langs button[data-lang="${lang}"]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** The question (or the recap) `selector` as a person reaches it: where the calculator has one
 * column it asks one step at a time, so "Suivant" is pressed until it shows (then "Précédent", for
 * one asked earlier); on two columns everything shows already. `scope` is the page or a frame. */
export async function reach(scope, selector) {
  const target = scope.locator(selector).first();
  if (!(await scope.locator(".step-progress").count())) return scope.locator(selector); // two columns: no steps
  let forward = true;
  for (let i = 0; i < 12 && !(await target.isVisible()); i++) {
    const next = scope.locator(".flow-buttons .primary");
    if (forward && (await next.count())) await next.click();
    else {
      forward = false;
      await scope.locator(".flow-buttons .secondary").click();
    }
  }
  return scope.locator(selector);
}
