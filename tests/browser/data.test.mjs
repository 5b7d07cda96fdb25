// Fresh register data on the served site (issue 19, section 4) and bad title files (issue 20): a
// served titles/TP-00523.json newer than the one built into the wasm wins, without a rebuild; the
// data's age is said in words when it is over 60 days old; a malformed or oversized title file
// never breaks the page or the element: a notice in words, the default title kept, usable.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setup, open, status, axe, switchLanguage } from "./helpers.mjs";
import { SITE } from "../../tools/site.mjs";

let env;
let root;
before(async () => {
  // A copy of the site as published, with a refreshed default title and broken title files.
  root = mkdtempSync(join(tmpdir(), "tp-site-"));
  cpSync(SITE, root, { recursive: true });
  const aie = JSON.parse(readFileSync(join(root, "titles/TP-00523.json"), "utf8"));
  aie.snapshot = "2026-11-30";
  aie.versions.at(-1).end = { date: "2029-01-07", certainty: "secondary", source: aie.versions.at(-1).end.source };
  writeFileSync(join(root, "titles/TP-00523.json"), JSON.stringify(aie));
  writeFileSync(join(root, "titles/36T99902.json"), JSON.stringify({ code: "36T99902" }));
  writeFileSync(join(root, "titles/36T99903.json"), JSON.stringify({ ...aie, code: "36T99903", versions: [] }));
  writeFileSync(join(root, "titles/36T99904.json"), JSON.stringify(aie).slice(0, 500));
  writeFileSync(join(root, "titles/36T99905.json"), `{"code":"36T99905","pad":"${"x".repeat(3 * 1024 * 1024)}"}`);
  env = await setup(root);
});
after(async () => { await env?.close(); rmSync(root, { recursive: true, force: true }); });

test("a served default title newer than the built-in one wins, and the data's age is said", async () => {
  const { page, context, problems } = await open(env.browser, `${env.origin}/`);
  await page.check('input[name="path"][value="continuous"]');
  await page.check('input[name="coherent"][value="true"]');
  assert.equal(await status(page), "Oui");
  assert.match(await page.textContent(".summary"), /jusqu'au 7 janvier 2029 inclus/, "the served data's end, not the wasm's 2028");
  // Data of 30 November 2026 on 6 December 2026: no age notice.
  assert.equal(await page.locator(".data-age").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("data over 60 days old says its age in words, in both languages", async () => {
  const { page, context, problems } = await open(env.browser, `${env.origin}/?title=36T32604`);
  await page.locator("#title-name", { hasText: "Développeur web et web mobile" }).waitFor();
  // Its data is of 1 August 2026: over 60 days before 6 December 2026.
  const notice = page.locator(".data-age");
  assert.match(await notice.textContent(), /datent du 1er août 2026, 4 mois avant la date de la réponse : un renouvellement/);
  await switchLanguage(page, "en");
  assert.match(await page.locator(".data-age").textContent(), /dates from 1 August 2026, 4 months before the date of the answer/);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [code, what] of [["36T99902", "a title without versions or anything"], ["36T99903", "no versions"],
                            ["36T99904", "a truncated file"], ["36T99905", "a file over 2 MB"]]) {
  test(`a bad title file (${what}) gives a notice in words and keeps the page usable`, async () => {
    const { page, context, problems } = await open(env.browser, `${env.origin}/?title=${code}`);
    assert.match(await page.textContent("#calculator .banner"), new RegExp(`Les données du titre « ${code} » sont illisibles ou trop grandes`));
    assert.equal(await page.textContent("#title-name"), "Assistant import-export");
    await page.check('input[name="path"][value="continuous"]');
    await page.check('input[name="coherent"][value="true"]');
    assert.equal(await status(page), "Oui");
    assert.deepEqual(problems.filter((p) => !/Failed to load resource|SyntaxError|JSON/.test(p)), []);
    await context.close();
  });
}

test("the element with a bad title file keeps working too", async () => {
  const { page, context } = await open(env.browser, `${env.origin}/integration.html`);
  await page.setContent(`<!doctype html><html lang="en"><body><tp-eligibility title-code="36T99903" lang="en"></tp-eligibility>
    <script type="module" src="${env.origin}/element.js"></script></body></html>`);
  await page.locator("tp-eligibility[data-ready]").waitFor();
  const text = await page.locator("tp-eligibility").evaluate((el) => el.shadowRoot.textContent);
  assert.match(text, /The data of the title "36T99903" is unreadable or too large/);
  assert.match(text, /Import-export assistant/);
  await context.close();
});
