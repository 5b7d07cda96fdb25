// The candidate's page in Chromium: each route answered through the form, language switch, share
// link round trip, reload, print sheet, keyboard-only use, accessibility (axe-core), and no
// request leaving the origin, no CSP violation, no console error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { setup, open, status } from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

async function fresh(path = "/", options) {
  return open(env.browser, `${env.origin}${path}`, options);
}

test("continuous route: coherent training gives a session titre", async () => {
  const { page, context, problems } = await fresh();
  await page.check('input[name="path"][value="continuous"]');
  assert.equal(await status(page), "Pas encore");
  assert.match(await page.textContent("#answer"), /Pour répondre, il nous faut savoir/);
  await page.check('input[name="coherent-continuous"][value="true"]');
  await page.fill("#training-end-continuous", "2026-12-18");
  assert.equal(await status(page), "Oui");
  assert.match(await page.textContent("#answer"), /session titre/);
  assert.match(await page.textContent("#answer"), /évaluations passées pendant votre formation/);
  await page.screenshot({ path: "test-results/desktop-continuous.png", fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("VAE route: two years of related experience", async () => {
  const { page, context, problems } = await fresh();
  await page.check('input[name="path"][value="vae"]');
  await page.check('input[name="related"][value="true"]');
  await page.fill("#months", "24");
  assert.equal(await status(page), "Oui");
  assert.match(await page.textContent("#answer"), /France VAE/);
  assert.doesNotMatch(await page.textContent("#answer"), /évaluations passées pendant votre formation/, "no ECF for VAE");
  await page.check('input[name="related"][value="false"]');
  assert.equal(await status(page), "Non");
  assert.deepEqual(problems, []);
  await context.close();
});

test("discontinuous route: held CCPs, what is left, and a timeline of deadlines", async () => {
  const { page, context, problems } = await fresh();
  await page.check('input[name="path"][value="discontinuous"]');
  await page.selectOption("#held-list li:nth-child(1) .held-ccp", "2022-CCP1");
  await page.fill("#held-list li:nth-child(1) .held-obtained", "2024-06-14");
  await page.click("#add-held");
  await page.selectOption("#held-list li:nth-child(2) .held-ccp", "2022-CCP2");
  await page.fill("#held-list li:nth-child(2) .held-obtained", "2025-03-21");
  assert.equal(await status(page), "Oui");
  const answer = await page.textContent("#answer");
  assert.match(answer, /Assurer les fonctions de support au développement commercial/);
  assert.equal(await page.locator(".held-status .p-counts").count(), 2);
  assert.equal(await page.locator(".timeline .point").count(), 3); // date of calculation + 2 deadlines
  assert.equal(await page.locator(".timeline .point.t-estimated").count(), 2);
  // A 2011 CCP: uncertain, sends to the DREETS.
  await page.click("#add-held");
  await page.selectOption("#held-list li:nth-child(3) .held-version", "2011");
  await page.selectOption("#held-list li:nth-child(3) .held-ccp", "2011-CCP2");
  await page.fill("#held-list li:nth-child(3) .held-obtained", "2012-05-10");
  assert.equal(await page.locator(".held-status .p-uncertain").count(), 1);
  assert.match(await page.textContent("#answer"), /DREETS/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("CCS route: no CCS is known for this title", async () => {
  const { page, context, problems } = await fresh();
  await page.check('input[name="path"][value="ccs"]');
  await page.fill("#title-obtained", "2023-06-30");
  assert.equal(await status(page), "Non");
  assert.ok(await page.isVisible("#ccs-none"));
  assert.deepEqual(problems, []);
  await context.close();
});

test("an input error names the field, in the page's language, and the page recovers", async () => {
  const { page, context, problems } = await fresh();
  await page.check('input[name="path"][value="discontinuous"]');
  await page.selectOption("#held-list li:nth-child(1) .held-ccp", "2022-CCP1");
  await page.fill("#held-list li:nth-child(1) .held-obtained", "2099-01-01");
  assert.ok(await page.isVisible("#errors"));
  assert.match(await page.textContent("#errors"), /postérieure à la date d'évaluation/);
  assert.equal(await page.getAttribute("#held-list li:nth-child(1) .held-obtained", "aria-invalid"), "true");
  await page.fill("#held-list li:nth-child(1) .held-obtained", "2024-01-10");
  assert.ok(await page.isHidden("#errors"));
  assert.equal(await status(page), "Oui");
  assert.deepEqual(problems, []);
  await context.close();
});

test("language: a visible switch and ?lang=en", async () => {
  const { page, context, problems } = await fresh();
  await page.check('input[name="path"][value="vae"]');
  await page.click("#lang");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.match(await page.textContent("h1"), /can I obtain the title/);
  assert.equal(await status(page), "Not yet");
  assert.match(await page.textContent("#answer"), /We cannot tell yet/);
  await context.close();
  const other = await fresh("/?lang=en");
  assert.match(await other.page.textContent("h1"), /Import-export assistant/);
  assert.match(await other.page.textContent("legend"), /Which situation/);
  assert.deepEqual([...problems, ...other.problems], []);
  await other.context.close();
});

test("share link: restores the form and the result; warns on another rules version; survives a reload", async () => {
  const { page, context, problems } = await fresh("/", { permissions: ["clipboard-read", "clipboard-write"] });
  await page.check('input[name="path"][value="continuous"]');
  await page.selectOption("#last-outcome", "failed");
  await page.fill("#last-date", "2026-04-15");
  await page.locator("#asof-box summary").click();
  await page.fill("#as-of", "2026-11-27");
  const summary = await page.textContent(".summary");
  await page.click("text=Copier le lien de partage");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#v=.*&s=/);
  await page.reload();
  await page.waitForSelector("body[data-ready]");
  assert.equal(await page.inputValue("#last-date"), "2026-04-15");
  assert.equal(await page.textContent(".summary"), summary);
  const other = await open(env.browser, link);
  assert.equal(await other.page.inputValue("#last-outcome"), "failed");
  assert.equal(await other.page.inputValue("#as-of"), "2026-11-27");
  assert.equal(await other.page.textContent(".summary"), summary);
  assert.ok(await other.page.isHidden("#banner"));
  await other.context.close();
  const old = await open(env.browser, link.replace(/v=[^&]+/, "v=2000-01-01"));
  assert.match(await old.page.textContent("#banner"), /version 2000-01-01/);
  assert.equal(await old.page.textContent(".summary"), summary);
  assert.deepEqual([...problems, ...other.problems, ...old.problems], []);
  await old.context.close();
  await context.close();
});

test("a tampered or truncated share link gives a friendly message and an empty form", async () => {
  for (const hash of ["#v=1&s=%%%not-base64", "#v=1&s=eyJhc09m", "#s=WzEsMl0", "#garbage"]) {
    const { page, context, problems } = await fresh(`/${hash}`);
    assert.match(await page.textContent("#banner"), /incomplet ou abîmé/);
    assert.equal(await page.locator('input[name="path"]:checked').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("markup in every field of a share link renders as inert text", async () => {
  const x = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  for (const path of ["continuous", "vae", "discontinuous", "ccs", x]) {
    const evil = { asOf: x, title: x, path, training: { coherent: x, end: x }, experience: { months: x, hours: x, related: x },
      vae: { applied: x, admissible: x }, held: [{ ccp: x, obtained: x }, x], titleObtained: x, ccs: x,
      lastSession: { date: x, outcome: x }, [x]: x };
    const s = Buffer.from(JSON.stringify(evil)).toString("base64url");
    const { page, context, problems } = await fresh(`/#v=${encodeURIComponent(x)}&s=${s}&lang=${encodeURIComponent(x)}`);
    assert.equal(await page.locator("body img, body script:not([src])").count(), 0, path);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, path);
    // The page still works: choosing a route gives an answer.
    await page.check('input[name="path"][value="vae"]');
    assert.ok(["Oui", "Non", "Pas encore"].includes(await status(page)), path);
    assert.deepEqual(problems, [], path);
    await context.close();
  }
});

test("print: a one-page sheet with date, answers, deadlines, sources, rules version and link", async () => {
  const { page, context } = await fresh();
  await page.check('input[name="path"][value="discontinuous"]');
  await page.selectOption("#held-list li:nth-child(1) .held-ccp", "2022-CCP1");
  await page.fill("#held-list li:nth-child(1) .held-obtained", "2024-06-14");
  // A long answer: a second, uncertain CCP with its two readings.
  await page.click("#add-held");
  await page.selectOption("#held-list li:nth-child(2) .held-version", "2011");
  await page.selectOption("#held-list li:nth-child(2) .held-ccp", "2011-CCP2");
  await page.fill("#held-list li:nth-child(2) .held-obtained", "2012-05-10");
  await page.emulateMedia({ media: "print" });
  assert.ok(await page.isHidden("#form"));
  assert.ok(await page.isVisible(".timeline"), "deadlines printed");
  assert.ok(await page.isVisible(".print-only"));
  const sheet = await page.textContent(".print-only");
  assert.match(sheet, /Fiche établie le/);
  assert.match(sheet, /Version des règles/);
  assert.match(sheet, /#v=.*&s=/);
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  assert.ok(await page.isVisible(".why ol"), "the explanation is printed");
  assert.ok(await page.isVisible(".why .sources"), "sources printed");
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1, `printed on ${pages} pages`);
  await context.close();
});

test("keyboard only: choose a route and answer without a mouse", async () => {
  const { page, context, problems } = await fresh();
  let guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.name === "path")) && guard++ < 20) await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowDown"); // second choice: VAE
  assert.equal(await page.evaluate(() => document.querySelector('input[name="path"]:checked')?.value), "vae");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none", "focus is visible");
  guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.name === "related")) && guard++ < 20) await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await page.keyboard.type("18");
  assert.equal(await status(page), "Oui");
  assert.equal(await page.getAttribute("#live", "aria-live"), "polite");
  assert.match(await page.textContent("#live"), /Oui/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("accessibility: no serious or critical axe-core violation, on desktop and phone widths", async () => {
  const axe = readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
  for (const viewport of [{ width: 1100, height: 900 }, { width: 360, height: 800 }]) {
    const { page, context } = await fresh("/", { bypassCSP: true, viewport });
    await page.check('input[name="path"][value="discontinuous"]');
    await page.selectOption("#held-list li:nth-child(1) .held-ccp", "2022-CCP1");
    await page.fill("#held-list li:nth-child(1) .held-obtained", "2024-06-14");
    await page.click("#add-held");
    await page.locator(".why summary").click();
    await page.addScriptTag({ content: axe });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const bad = result.violations.filter((v) => ["serious", "critical"].includes(v.impact));
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`), []);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= viewport.width, `no horizontal scroll at ${viewport.width}px (${width})`);
    await page.screenshot({ path: `test-results/${viewport.width < 500 ? "phone" : "desktop"}.png`, fullPage: true });
    await context.close();
  }
});

test("accessibility: the integration page has no serious or critical axe-core violation", async () => {
  const axe = readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
  const { page, context, problems } = await fresh("/integration.html", { bypassCSP: true });
  await page.frameLocator("#preview iframe").locator("body[data-ready]").waitFor();
  await page.addScriptTag({ content: axe });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.filter((v) => ["serious", "critical"].includes(v.impact));
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`), []);
  assert.deepEqual(problems, []);
  await context.close();
});
