// Embedding on host pages of another origin: the calculator on one localhost port, host pages on
// another, each with its own Content-Security-Policy (strict: no 'wasm-unsafe-eval'; or allowing
// WebAssembly). Checks resizing, result messages and events, origin checks, theming, the element's
// fallback to the iframe, and the integration page's snippets pasted into a blank host.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { setup, open } from "./helpers.mjs";

let env, host, hostOrigin;
const pages = new Map();

// Collects what the host page receives: messages from the calculator's iframe, events from the element.
const LISTENER = `window.__results = []; window.__messages = [];
window.addEventListener("message", (e) => { window.__messages.push({ origin: e.origin, type: e.data && e.data.type });
  if (e.data && e.data.type === "tp-eligibility:result") window.__results.push(e.data.report); });
document.addEventListener("tp-eligibility:result", (e) => { if (e.target.tagName === "TP-ELIGIBILITY") window.__results.push(e.detail); });`;

function csp(kind) {
  const calc = env.origin;
  return kind === "strict"
    ? `default-src 'self'; script-src 'self' ${calc}; frame-src ${calc}; style-src 'self'; object-src 'none'`
    : `default-src 'self'; script-src 'self' ${calc} 'wasm-unsafe-eval'; connect-src ${calc}; style-src 'self' ${calc}; frame-src ${calc}; object-src 'none'`;
}

function hostPage(name, kind, body) {
  pages.set(`/${name}`, { csp: typeof kind === "string" && kind.includes("-src") ? kind : csp(kind), body });
  return `${hostOrigin}/${name}`;
}

before(async () => {
  env = await setup();
  host = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === "/listener.js") {
      res.writeHead(200, { "content-type": "text/javascript" }).end(LISTENER);
      return;
    }
    const page = pages.get(url.pathname);
    if (!page) { res.writeHead(404).end(); return; }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": page.csp });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
      <script src="/listener.js"></script></head><body><h1>A careers website</h1><p>Some text of the host.</p>
      ${page.body}<p>After the calculator.</p></body></html>`);
  });
  await new Promise((ok) => host.listen(0, "127.0.0.1", ok));
  hostOrigin = `http://127.0.0.1:${host.address().port}`;
});
after(async () => { host?.close(); await env?.close(); });

async function visit(url) {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const logs = [];
  page.on("console", (m) => logs.push(`${m.type()}: ${m.text()}`));
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).origin));
  await page.goto(url);
  return { page, context, logs, requests };
}

const frameHeight = (page) => page.evaluate(() => document.querySelector("iframe").getBoundingClientRect().height);

test("script tag on a strict-CSP host: the iframe answers, resizes to its content and posts the result", async () => {
  const url = hostPage("strict-iframe", "strict", `<script src="${env.origin}/embed.js" data-lang="fr" data-accent="#0055aa" async></script>`);
  const { page, context, logs, requests } = await visit(url);
  const iframe = page.locator("iframe");
  await iframe.waitFor();
  assert.match(await iframe.getAttribute("title"), /Assistant import-export/);
  const frame = page.frameLocator("iframe");
  await frame.locator("body[data-ready]").waitFor();
  await page.waitForFunction(() => document.querySelector("iframe").style.height !== "720px");
  const h0 = await frameHeight(page);
  await frame.locator('input[name="path"][value="discontinuous"]').check();
  await frame.locator("#held-list li:nth-child(1) .held-ccp").selectOption("2022-CCP1");
  await frame.locator("#held-list li:nth-child(1) .held-obtained").fill("2024-06-14");
  await page.waitForFunction((h) => document.querySelector("iframe").getBoundingClientRect().height > h + 50, h0);
  const h1 = await frameHeight(page);
  // No scrollbar inside: the iframe is as tall as its document.
  const inner = await page.frames()[1].evaluate(() => document.documentElement.scrollHeight);
  assert.ok(Math.abs(inner - h1) <= 2, `iframe ${h1}px for a document of ${inner}px`);
  await page.waitForFunction(() => window.__results.length > 0);
  const report = (await page.evaluate(() => window.__results)).at(-1);
  assert.equal(report.status, "eligible");
  assert.deepEqual(report.remaining, ["2022-CCP2", "2022-CCP3"]);
  // Shrinks back when the answer is shorter.
  await frame.locator('input[name="path"][value="ccs"]').check();
  await page.waitForFunction((h) => document.querySelector("iframe").getBoundingClientRect().height < h - 50, h1);
  // Theming: the accent reached the frame.
  assert.equal(await frame.locator(".top").evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(0, 85, 170)");
  assert.ok(requests.every((o) => o === hostOrigin || o === env.origin), `requests only to host and calculator: ${[...new Set(requests)]}`);
  assert.deepEqual(logs.filter((l) => l.startsWith("error")), []);
  await context.close();
});

test("messages from a wrong origin are ignored, both ways", async () => {
  const url = hostPage("wrong-origin", "strict", `<script src="${env.origin}/embed.js" async></script>`);
  const { page, context } = await visit(url);
  await page.frameLocator("iframe.tp-eligibility-frame").locator("body[data-ready]").waitFor();
  await page.waitForFunction(() => document.querySelector("iframe").style.height !== "720px");
  const before = await frameHeight(page);
  // The host page (not the calculator's origin) forges a height message: embed.js ignores it.
  await page.evaluate(() => window.postMessage({ type: "tp-eligibility:height", height: 5000 }, "*"));
  await page.waitForTimeout(200);
  assert.equal(await frameHeight(page), before);
  // A calculator iframe told that its parent is another origin ignores this page's prefill.
  await page.evaluate((calc) => {
    const f = document.createElement("iframe");
    f.id = "other";
    f.src = `${calc}/index.html?embed=1&parent=${encodeURIComponent("http://127.0.0.1:9")}`;
    document.body.append(f);
  }, env.origin);
  const other = page.frameLocator("#other");
  await other.locator("body[data-ready]").waitFor();
  await page.evaluate((calc) => document.querySelector("#other").contentWindow.postMessage(
    { type: "tp-eligibility:situation", situation: { path: "vae" } }, calc), env.origin);
  // The right parent's prefill is accepted: the first iframe takes it.
  await page.evaluate((calc) => document.querySelector("iframe").contentWindow.postMessage(
    { type: "tp-eligibility:situation", situation: { path: "vae", experience: { related: true } } }, calc), env.origin);
  await page.frameLocator("iframe.tp-eligibility-frame").locator('input[name="path"][value="vae"]:checked').waitFor();
  await page.waitForTimeout(200);
  assert.equal(await other.locator('input[name="path"]:checked').count(), 0, "prefill from a wrong origin ignored");
  await context.close();
});

test("theming: an unreadable accent is darkened; font and radius apply", async () => {
  const url = hostPage("theme", "strict", `<script src="${env.origin}/embed.js" data-accent="#ffff66" data-radius="0" data-font="Georgia, serif" async></script>`);
  const { page, context } = await visit(url);
  const frame = page.frameLocator("iframe");
  await frame.locator("body[data-ready]").waitFor();
  const [bg, radius, font] = await frame.locator(".card").first().evaluate((el) => [
    getComputedStyle(document.querySelector(".top")).backgroundColor, getComputedStyle(el).borderTopLeftRadius, getComputedStyle(document.body).fontFamily]);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  const lum = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  const contrast = 1.05 / (0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2] + 0.05);
  assert.ok(contrast >= 4.5, `accent ${bg} has contrast ${contrast.toFixed(2)} with white`);
  assert.notEqual(bg, "rgb(255, 255, 102)");
  assert.equal(radius, "0px");
  assert.match(font, /Georgia/);
  await context.close();
});

test("custom element on a host allowing WebAssembly: renders, answers and fires the event", async () => {
  const url = hostPage("element", "loose", `<script type="module" src="${env.origin}/element.js"></script>
    <tp-eligibility title-code="TP-00523" lang="en" path="vae" accent="#0055aa"></tp-eligibility>`);
  const { page, context, logs } = await visit(url);
  await page.locator('tp-eligibility[data-ready="true"]').waitFor();
  assert.equal(await page.locator("tp-eligibility iframe").count(), 0, "runs in the page, no iframe");
  assert.match(await page.locator("tp-eligibility legend").first().textContent(), /Which situation/);
  await page.locator('tp-eligibility input[name="related"][value="true"]').check();
  await page.locator("tp-eligibility #months").fill("24");
  assert.equal(await page.locator("tp-eligibility .status-word").textContent(), "Yes");
  await page.waitForFunction(() => window.__results.some((r) => r.status === "eligible"));
  // Styles are scoped: the host's own paragraphs keep their look.
  const hostFont = await page.locator("body > p").first().evaluate((el) => getComputedStyle(el).fontFamily);
  assert.doesNotMatch(hostFont, /system-ui/);
  assert.equal(await page.locator("tp-eligibility .top").evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(0, 85, 170)");
  assert.equal(page.url(), url, "the host's URL is untouched");
  assert.deepEqual(logs.filter((l) => l.startsWith("error")), []);
  await context.close();
});

test("the same element on a strict host falls back to the iframe and says so once", async () => {
  const url = hostPage("element-strict", "strict", `<script type="module" src="${env.origin}/element.js"></script>
    <tp-eligibility lang="fr" path="continuous"></tp-eligibility>`);
  const { page, context, logs } = await visit(url);
  await page.locator('tp-eligibility[data-ready="iframe"]').waitFor();
  const frame = page.frameLocator("tp-eligibility iframe");
  await frame.locator("body[data-ready]").waitFor();
  assert.equal(await frame.locator('input[name="path"][value="continuous"]').isChecked(), true);
  await frame.locator('input[name="coherent-continuous"][value="true"]').check();
  await page.waitForFunction(() => window.__results.some((r) => r.status === "eligible"));
  assert.equal(logs.filter((l) => l.startsWith("info") && l.includes("tp-eligibility")).length, 1);
  await context.close();
});

test("the integration page's snippets work when pasted into a blank host page", async () => {
  const { page, context, logs } = await visit(`${env.origin}/integration.html`);
  await page.locator("body[data-ready]").waitFor();
  await page.selectOption("#o-lang", "en");
  await page.selectOption("#o-path", "vae");
  const iframeSnippet = await page.textContent("#snippet-iframe");
  const elementSnippet = await page.textContent("#snippet-element");
  const cspIframe = await page.textContent("#csp-iframe");
  const cspElement = await page.textContent("#csp-element");
  assert.match(iframeSnippet, /data-path="vae"/);
  await page.frameLocator("#preview iframe").locator('body[data-ready]').waitFor();
  assert.equal(await page.frameLocator("#preview iframe").locator('input[name="path"][value="vae"]').isChecked(), true, "live preview follows the options");
  assert.deepEqual(logs.filter((l) => l.startsWith("error")), []);
  await context.close();

  // The host's own policy, plus the lines the integration page gives.
  const withSelf = (lines) => `default-src 'self'; ${lines.replace(/(\w+-src) /g, "$1 'self' ")}`;
  const a = await visit(hostPage("blank-iframe", withSelf(cspIframe), iframeSnippet));
  const frame = a.page.frameLocator("iframe");
  await frame.locator("body[data-ready]").waitFor();
  assert.equal(await frame.locator('input[name="path"][value="vae"]').isChecked(), true);
  await frame.locator('input[name="related"][value="false"]').check();
  await a.page.waitForFunction(() => window.__results.some((r) => r.status === "notEligible"));
  assert.deepEqual(a.logs.filter((l) => l.startsWith("error")), []);
  await a.context.close();

  const b = await visit(hostPage("blank-element", withSelf(cspElement), elementSnippet));
  await b.page.locator('tp-eligibility[data-ready="true"]').waitFor();
  await b.page.locator('tp-eligibility input[name="related"][value="true"]').check();
  await b.page.waitForFunction(() => window.__results.some((r) => r.status === "eligible"));
  assert.deepEqual(b.logs.filter((l) => l.startsWith("error")), []);
  await b.context.close();
});
