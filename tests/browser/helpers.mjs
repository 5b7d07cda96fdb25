// Shared set-up of the browser tests: the page served on loopback, Debian's Chromium driven by
// playwright-core (no browser download), and watchers for console errors, CSP violations and
// requests leaving the page's origin.
import { chromium } from "playwright-core";
import { serve } from "../../tools/serve.mjs";
import { mkdirSync } from "node:fs";

export const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-quic"];

export async function setup(root = "www") {
  const server = await serve(0, new URL(`../../${root}`, import.meta.url).pathname.replace(/\/$/, ""));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS });
  mkdirSync("test-results", { recursive: true });
  return { server, origin, browser, close: async () => { await browser.close(); server.close(); } };
}

/** A page that records what must never happen: console errors, page errors, CSP violations,
 * requests to another origin. */
export async function open(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: "fr-FR", ...options });
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(url).origin;
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) problems.push(`request to ${r.url()}`); });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.waitForSelector("body[data-ready]");
  return { page, context, problems };
}

export const status = (page) => page.textContent(".status-word");
