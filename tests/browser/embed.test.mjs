// Embedding on host pages of another origin: the calculator on one localhost port, host pages on
// another, each with its own Content-Security-Policy (strict: no 'wasm-unsafe-eval'; or allowing
// WebAssembly). Checks resizing, result messages and events, origin checks, theming, the element's
// fallback to the iframe, and the integration page's snippets pasted into a blank host.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { setup, axe, reach, TODAY } from "./helpers.mjs";
import { SITE } from "../../tools/site.mjs";

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
    if (url.pathname === "/hostile.css") {
      res.writeHead(200, { "content-type": "text/css" }).end(HOSTILE_CSS);
      return;
    }
    if (url.pathname === "/sidebar.css") {
      res.writeHead(200, { "content-type": "text/css" }).end(".layout { display: flex; gap: 20px; } .sidebar { width: 340px; flex: none; } .content { flex: 1; }");
      return;
    }
    if (url.pathname === "/dark.css") {
      res.writeHead(200, { "content-type": "text/css" }).end("html, body { background: #121212; color: #eee; } a { color: #9cf; }");
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
      <script src="/listener.js"></script></head><body><main><h1>A careers website</h1><p>Some text of the host.</p>
      ${page.body}<p>After the calculator.</p></main></body></html>`);
  });
  await new Promise((ok) => host.listen(0, "127.0.0.1", ok));
  hostOrigin = `http://127.0.0.1:${host.address().port}`;
});
after(async () => { host?.close(); await env?.close(); });

async function visit(url) {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 } });
  await context.clock.setFixedTime(TODAY);
  const page = await context.newPage();
  const logs = [];
  page.on("console", (m) => logs.push(`${m.type()}: ${m.text()}`));
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).origin));
  await page.goto(url);
  return { page, context, logs, requests };
}

const frameHeight = (page) => page.evaluate(() => document.querySelector("iframe").getBoundingClientRect().height);

async function held(scope, n, ccp, date) {
  const row = scope.locator(".held-row").nth(n);
  await row.locator("input[type='date']").fill(date);
  await row.locator("select[id$='-ccp']").selectOption(ccp);
}

test("script tag on a strict-CSP host: the iframe answers, resizes, and posts one result per settled answer", async () => {
  const url = hostPage("strict-iframe", "strict", `<script src="${env.origin}/embed.js" data-lang="fr" data-accent="#0055aa" async></script>`);
  const { page, context, logs, requests } = await visit(url);
  const iframe = page.locator("iframe");
  await iframe.waitFor();
  assert.match(await iframe.getAttribute("title"), /titre professionnel/);
  assert.equal(await iframe.getAttribute("allow"), "clipboard-write");
  const frame = page.frameLocator("iframe");
  await frame.locator("body[data-ready]").waitFor();
  await page.waitForFunction(() => document.querySelector("iframe").style.height !== "720px");
  const h0 = await frameHeight(page);
  await frame.locator('input[name="path"][value="discontinuous"]').check();
  await held(frame, 0, "2022-CCP1", "2024-06-14");
  await page.waitForFunction((h) => document.querySelector("iframe").getBoundingClientRect().height > h + 50, h0);
  // The iframe follows its document as the answer renders (it may still be growing when the
  // first step is seen): within two seconds its height matches the document's.
  let h1, inner;
  for (let i = 0; i < 40; i++) {
    h1 = await frameHeight(page);
    inner = await page.frames()[1].evaluate(() => document.documentElement.scrollHeight);
    if (Math.abs(inner - h1) <= 2) break;
    await page.waitForTimeout(50);
  }
  assert.ok(Math.abs(inner - h1) <= 2, `iframe ${h1}px for a document of ${inner}px`);
  await page.waitForFunction(() => window.__results.length > 0);
  await page.waitForTimeout(800);
  const results = await page.evaluate(() => window.__results);
  assert.equal(results.length, 1, "one result for one settled answer, not one per keystroke");
  assert.equal(results[0].status, "eligible");
  assert.deepEqual(results[0].remaining, ["2022-CCP2", "2022-CCP3"]);
  // The host reads the texts in words, in both languages, whatever the frame's language.
  assert.match(results[0].summary.fr, /^Oui/);
  assert.match(results[0].summary.en, /^Yes/);
  await frame.locator('input[name="path"][value="ccs"]').check();
  await page.waitForFunction((h) => document.querySelector("iframe").getBoundingClientRect().height < h - 50, h1);
  assert.equal(await frame.locator(".top").evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(0, 85, 170)");
  assert.ok(requests.every((o) => o === hostOrigin || o === env.origin), `requests only to host and calculator: ${[...new Set(requests)]}`);
  assert.deepEqual(logs.filter((l) => l.startsWith("error")), []);
  assert.deepEqual(await axe(page), [], "host page with the iframe");
  assert.deepEqual(await axe(page, page.frames()[1]), [], "the iframe's document");
  await context.close();
});

test("data-title picks the title; ?results=* is honoured only in embed mode", async () => {
  const url = hostPage("title-iframe", "strict", `<script src="${env.origin}/embed.js" data-title="RNCP37674" data-lang="en" async></script>`);
  const { page, context } = await visit(url);
  const frame = page.frameLocator("iframe");
  await frame.locator("body[data-ready]").waitFor();
  assert.equal(await frame.locator("#title-name").textContent(), "Développeur web et web mobile");
  await context.close();
  // ?results=* is honoured in embed mode only: the plain page framed with it posts nothing.
  for (const [query, posts] of [["results=*", false], [`embed=1&parent=${encodeURIComponent(hostOrigin)}&results=*`, true]]) {
    const framed = await visit(hostPage(`results-${posts}`, "strict", `<iframe src="${env.origin}/index.html?${query}" title="calculator" width="900" height="900"></iframe>`));
    const f = framed.page.frameLocator("iframe");
    await f.locator("body[data-ready]").waitFor();
    await f.locator('input[name="path"][value="continuous"]').check();
    await (await reach(f, 'input[name="coherent"][value="true"]')).check();
    await framed.page.waitForTimeout(1000);
    const results = await framed.page.evaluate(() => window.__results.length);
    assert.equal(results > 0, posts, query);
    await framed.context.close();
  }
});

test("messages from a wrong origin are ignored, both ways", async () => {
  const url = hostPage("wrong-origin", "strict", `<script src="${env.origin}/embed.js" async></script>`);
  const { page, context } = await visit(url);
  await page.frameLocator("iframe.tp-eligibility-frame").locator("body[data-ready]").waitFor();
  await page.waitForFunction(() => document.querySelector("iframe").style.height !== "720px");
  const before = await frameHeight(page);
  await page.evaluate(() => window.postMessage({ type: "tp-eligibility:height", height: 5000 }, "*"));
  await page.waitForTimeout(200);
  assert.equal(await frameHeight(page), before);
  await page.evaluate((calc) => {
    const f = document.createElement("iframe");
    f.id = "other";
    f.title = "other";
    f.src = `${calc}/index.html?embed=1&parent=${encodeURIComponent("http://127.0.0.1:9")}`;
    document.body.append(f);
  }, env.origin);
  const other = page.frameLocator("#other");
  await other.locator("body[data-ready]").waitFor();
  await page.evaluate((calc) => document.querySelector("#other").contentWindow.postMessage(
    { type: "tp-eligibility:situation", situation: { path: "vae" } }, calc), env.origin);
  // The right parent's prefill is accepted (checked first: a hostile path value is dropped).
  await page.evaluate((calc) => document.querySelector("iframe").contentWindow.postMessage(
    { type: "tp-eligibility:situation", situation: { path: "vae", experience: { related: true }, held: "\"]" } }, calc), env.origin);
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
    getComputedStyle(document.querySelector(".top")).backgroundColor, getComputedStyle(el).borderTopLeftRadius, getComputedStyle(el).fontFamily]);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  const lum = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  const contrast = 1.05 / (0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2] + 0.05);
  assert.ok(contrast >= 4.5, `accent ${bg} has contrast ${contrast.toFixed(2)} with white`);
  assert.notEqual(bg, "rgb(255, 255, 102)");
  assert.equal(radius, "0px");
  assert.match(font, /Georgia/);
  await context.close();
});

/** A host stylesheet that would wreck anything it reached (served as /hostile.css). */
const HOSTILE_CSS = `html { font-size: 62.5% } * { text-transform: uppercase; color: #ccc; letter-spacing: .3em } main, section, div { display: inline; }
  aside, article { display: block; } .narrow { width: 360px; } .wide { width: 900px; }`;
const HOSTILE = `<link rel="stylesheet" href="/hostile.css">`;

test("two elements in a 360 px and a 900 px column, under a hostile host stylesheet, both answer", async () => {
  const url = hostPage("two-elements", "loose", `${HOSTILE}<script type="module" src="${env.origin}/element.js"></script>
    <aside class="narrow"><tp-eligibility lang="en" path="vae" accent="#0055aa"></tp-eligibility></aside>
    <article class="wide"><tp-eligibility title-code="RNCP37674" lang="fr" path="discontinuous"></tp-eligibility></article>`);
  const { page, context, logs } = await visit(url);
  await page.waitForFunction(() => [...document.querySelectorAll("tp-eligibility")].every((e) => e.dataset.ready === "true"));
  const [narrow, wide] = [page.locator(".narrow tp-eligibility"), page.locator(".wide tp-eligibility")];
  assert.equal(await page.locator("tp-eligibility iframe").count(), 0, "runs in the page, no iframe");
  assert.equal(await page.evaluate(() => [...document.querySelectorAll("tp-eligibility")].every((e) => e.shadowRoot && !e.shadowRoot.querySelector("main"))), true, "a shadow root, no <main> inside");
  // Nothing of the host's stylesheet reaches inside.
  const inside = await narrow.locator("legend").first().evaluate((el) => [getComputedStyle(el).textTransform, getComputedStyle(el).color, getComputedStyle(el).letterSpacing]);
  assert.deepEqual(inside, ["none", "rgb(27, 31, 36)", "normal"]);
  // html { font-size: 62.5% } (common in WordPress themes) does not shrink it: sized from its own root.
  const sizes = await narrow.evaluate((el) => [".summary, .choice small, .hint, label", "legend"].map((sel) =>
    Math.min(...[...el.shadowRoot.querySelectorAll(sel)].map((n) => parseFloat(getComputedStyle(n).fontSize)))));
  assert.ok(sizes[0] >= 13 && sizes[1] >= 16, `text sizes ${sizes} px under a 10 px root`);
  const body = await narrow.evaluate((el) => parseFloat(getComputedStyle(el.shadowRoot.querySelector(".tp-calc")).fontSize));
  assert.ok(body >= 15, `body text ${body} px`);
  // Laid out by its own width: one column in 360 px, no overlap; two columns in 900 px.
  const columns = (el) => el.locator(".layout").evaluate((l) => getComputedStyle(l).gridTemplateColumns.split(" ").length);
  assert.equal(await columns(narrow), 1);
  assert.equal(await columns(wide), 2);
  const overflow = await narrow.evaluate((el) => el.shadowRoot.querySelector(".tp-calc").scrollWidth - el.getBoundingClientRect().width);
  assert.ok(overflow <= 1, `narrow element overflows by ${overflow}px`);
  await narrow.locator('input[name="related"][value="true"]').check();
  await narrow.locator("#months").fill("24");
  assert.equal(await narrow.locator(".status-word").textContent(), "Yes");
  assert.equal(await wide.locator("#title-name").textContent(), "Développeur web et web mobile");
  await held(wide, 0, "RNCP37674BC01", "2024-02-01");
  assert.equal(await wide.locator(".status-word").textContent(), "Oui");
  await page.waitForFunction(() => window.__results.length >= 2);
  const statuses = await page.evaluate(() => window.__results.map((r) => `${r.title} ${r.status}`));
  assert.ok(statuses.includes("TP-00523 eligible") && statuses.includes("36T32604 eligible"), statuses.join());
  assert.equal(page.url(), url, "the host's URL is untouched");
  assert.deepEqual(logs.filter((l) => l.startsWith("error")), []);
  // The host's own text is the host's business (its stylesheet greys it out); ours is checked.
  assert.deepEqual(await axe(page, page, "tp-eligibility"), [], "the two elements");
  await context.close();
});

test("in a 340 px sidebar the iframe is of modest height, keeps its answer bar in the host's view and brings the answer there", async () => {
  const url = hostPage("sidebar", "strict", `<link rel="stylesheet" href="/sidebar.css"><div class="layout"><aside class="sidebar">
    <script src="${env.origin}/embed.js" data-lang="fr" data-path="discontinuous"></script></aside><div class="content"><p>Offres d'emploi…</p></div></div>`);
  const { page, context, logs } = await visit(url);
  const frame = page.frameLocator("iframe");
  await frame.locator("body[data-ready]").waitFor();
  // One step at a time under the outcome alone: a frame of modest height (6,929 px before the steps).
  await page.waitForFunction(() => document.querySelector("iframe").style.height !== "720px"); // the frame's own height told
  const first = await frameHeight(page);
  assert.ok(first < 2400, `the frame is ${first} px tall before any answer`);
  const row = frame.locator(".held-row").nth(0);
  await row.locator("select[id$='-ccp']").selectOption("2022-CCP1");
  await row.locator("input[type='date']").fill("2024-06-14");
  await (await reach(frame, 'input[name="heldCoherent"][value="true"]')).check();
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  // The frame is far taller than the window; its bar shows at the bottom of the window.
  const inView = async (selector) => {
    const frameTop = (await page.locator("iframe").boundingBox()).y;
    const box = await frame.locator(selector).boundingBox();
    return box && box.y >= frameTop - 1 && box.y + box.height <= 800 + 1 ? box : null;
  };
  await page.waitForFunction(() => document.querySelector("iframe").getBoundingClientRect().height > 1200);
  let bar = null;
  for (let i = 0; i < 40 && !bar; i++) { bar = await inView(".answer-bar:not([hidden])"); if (!bar) await page.waitForTimeout(100); }
  assert.ok(bar, "the answer bar is in the host's window");
  assert.ok(bar.height <= 0.15 * 800, `bar ${bar.height} px`);
  await frame.locator(".answer-bar button").click();
  await page.waitForFunction(() => window.scrollY > 100);
  let answer = null;
  for (let i = 0; i < 40 && !answer; i++) { answer = await inView("#answer .status-word"); if (!answer) await page.waitForTimeout(100); }
  assert.ok(answer, "the answer is brought into the host's window");
  assert.deepEqual(logs.filter((l) => l.startsWith("error")), []);
  await context.close();
});

test("dark hosts: the element forced dark and transparent, and the iframe forced dark, read on a dark page", async () => {
  const url = hostPage("dark-host", "loose", `<link rel="stylesheet" href="/dark.css"><script type="module" src="${env.origin}/element.js"></script>
    <tp-eligibility lang="fr" path="vae" scheme="dark" transparent></tp-eligibility>
    <script src="${env.origin}/embed.js" data-lang="en" data-path="vae" data-scheme="dark" async></script>`);
  const { page, context, logs } = await visit(url);
  await page.locator('tp-eligibility[data-ready="true"]').waitFor();
  const element = page.locator("tp-eligibility");
  // Its text is light, its cards dark, and a card's title (over the host's background) on the card's colour.
  const [ink, card, legendBg] = await element.evaluate((el) => {
    const root = el.shadowRoot;
    return [getComputedStyle(root.querySelector(".tp-calc")).color, getComputedStyle(root.querySelector(".card")).backgroundColor,
      getComputedStyle(root.querySelector(".card > legend")).backgroundColor];
  });
  assert.equal(ink, "rgb(232, 236, 241)");
  assert.equal(card, "rgb(27, 33, 41)");
  assert.equal(legendBg, card);
  await element.locator('input[name="related"][value="true"]').check();
  assert.equal(await element.locator(".status-word").textContent(), "Oui");
  const frame = page.frameLocator("iframe");
  await frame.locator("body[data-ready]").waitFor();
  assert.equal(await frame.locator("body").evaluate((b) => getComputedStyle(b).color), "rgb(232, 236, 241)");
  assert.deepEqual(logs.filter((l) => l.startsWith("error")), []);
  // (axe-core itself applies an inline style the host's CSP refuses: the console is read before it.)
  assert.deepEqual(await axe(page, page, "tp-eligibility"), [], "the element on a dark host");
  assert.deepEqual(await axe(page, page.frames()[1]), [], "the iframe's document, dark");
  await context.close();
});

test("the same element on a strict host falls back to the iframe and says so once", async () => {
  const url = hostPage("element-strict", "strict", `<script type="module" src="${env.origin}/element.js"></script>
    <tp-eligibility lang="fr" path="continuous" title-code="RNCP37873"></tp-eligibility>`);
  const { page, context, logs } = await visit(url);
  await page.locator('tp-eligibility[data-ready="iframe"]').waitFor();
  const frame = page.frameLocator("tp-eligibility iframe");
  await frame.locator("body[data-ready]").waitFor();
  assert.equal(await frame.locator('input[name="path"][value="continuous"]').isChecked(), true);
  assert.equal(await frame.locator("#title-name").textContent(), "Concepteur développeur d'applications");
  await frame.locator('input[name="coherent"][value="true"]').check();
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
  await page.frameLocator("#preview iframe").locator("body[data-ready]").waitFor();
  assert.equal(await page.frameLocator("#preview iframe").locator('input[name="path"][value="vae"]').isChecked(), true, "live preview follows the options");
  const plainSnippet = await page.textContent("#snippet-plain");
  assert.match(plainSnippet, /^<iframe src="[^"]*index\.html\?embed=1&amp;lang=en&amp;path=vae" title="Eligibility calculator/);
  // The page opens in French like the rest of the site; its button switches to English and back.
  assert.match(await page.textContent("h1"), /Intégrer le calculateur/);
  await page.click("#lang");
  assert.match(await page.textContent("h1"), /Embed/);
  await page.click("#lang");
  assert.match(await page.textContent("h1"), /Intégrer le calculateur/);
  assert.deepEqual(logs.filter((l) => l.startsWith("error")), []);
  await context.close();

  const withSelf = (lines) => `default-src 'self'; ${lines.replace(/(\w+-src) /g, "$1 'self' ")}`;
  const a = await visit(hostPage("blank-iframe", withSelf(cspIframe), iframeSnippet));
  const frame = a.page.frameLocator("iframe");
  await frame.locator("body[data-ready]").waitFor();
  assert.equal(await frame.locator('input[name="path"][value="vae"]').isChecked(), true);
  await frame.locator('input[name="related"][value="false"]').check();
  await a.page.waitForFunction(() => window.__results.some((r) => r.status === "notEligible"));
  assert.deepEqual(a.logs.filter((l) => l.startsWith("error")), []);
  await a.context.close();

  const c = await visit(hostPage("blank-plain", `default-src 'self'; frame-src 'self' ${env.origin}`, plainSnippet));
  const plain = c.page.frameLocator("iframe");
  await plain.locator("body[data-ready]").waitFor();
  assert.equal(await plain.locator('input[name="path"][value="vae"]').isChecked(), true);
  await plain.locator('input[name="related"][value="true"]').check();
  assert.equal(await plain.locator(".status-word").first().textContent(), "Yes");
  assert.deepEqual(c.logs.filter((l) => l.startsWith("error")), []);
  await c.context.close();

  const b = await visit(hostPage("blank-element", withSelf(cspElement), elementSnippet));
  await b.page.locator('tp-eligibility[data-ready="true"]').waitFor();
  await b.page.locator('tp-eligibility input[name="related"][value="true"]').check();
  await b.page.waitForFunction(() => window.__results.some((r) => r.status === "eligible"));
  assert.deepEqual(b.logs.filter((l) => l.startsWith("error")), []);
  await b.context.close();
});

test("the dev server is as safe as a static host: bad URLs, escapes, symlinks, headers", async () => {
  const { mkdirSync, symlinkSync, writeFileSync, rmSync } = await import("node:fs");
  const raw = (path) => new Promise((ok) => {
    import("node:http").then(({ request }) => {
      const req = request({ host: "127.0.0.1", port: new URL(env.origin).port, path, method: "GET" }, (res) => { res.resume(); ok({ status: res.statusCode, headers: res.headers }); });
      req.end();
    });
  });
  assert.equal((await raw("/%")).status, 400, "a URL that cannot be decoded");
  assert.equal((await raw("/..%2f..%2fetc%2fpasswd")).status, 403);
  assert.equal((await raw("/..%2fwww-sibling/file")).status, 403);
  const root = `${SITE}/`;
  const outside = new URL("../../test-results/outside.txt", import.meta.url).pathname;
  writeFileSync(outside, "secret");
  rmSync(`${root}link-out.txt`, { force: true });
  symlinkSync(outside, `${root}link-out.txt`);
  try {
    assert.equal((await raw("/link-out.txt")).status, 403, "no symlink out of the root");
  } finally {
    rmSync(`${root}link-out.txt`, { force: true });
  }
  const page = await raw("/index.html");
  assert.equal(page.status, 200);
  assert.match(page.headers["content-security-policy"], /frame-ancestors 'self' https:/);
  assert.match(page.headers["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(page.headers["x-content-type-options"], "nosniff");
  assert.equal(page.headers["access-control-allow-origin"], undefined, "no CORS on pages");
  const module = await raw("/element.js");
  assert.equal(module.headers["access-control-allow-origin"], "*", "the element's files are shared");
  assert.equal((await raw("/titles/index.json")).headers["access-control-allow-origin"], "*");
  // The server is still up.
  assert.equal((await raw("/")).status, 200);
  mkdirSync("test-results", { recursive: true });
});
