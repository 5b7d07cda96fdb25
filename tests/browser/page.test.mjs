// The candidate's page in Chromium, as a person uses it: each route answered through the form,
// errors in words on their question, a "no" with the routes still open, a title picked by typing,
// the share link round trip, the phone width, the print sheet, keyboard-only use, axe-core (every
// rule) in every state, and no request leaving the origin, no CSP violation, no console error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { setup, open, status, axe, switchLanguage, reach } from "./helpers.mjs";
import { compile } from "../../www/messages.js";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const fresh = (path = "/", options, hooks) => open(env.browser, `${env.origin}${path}`, options, hooks);
const errorsShown = (page) => page.locator(".error:not([hidden]), [aria-invalid='true']").count();

/** A held CCP as a person enters it: the date, the version where the page asks it (a list where
 * our data cannot place the date, a choice inside an uncertain band), then the CCP. */
async function held(page, n, ccp, date, version) {
  const row = (await reach(page, ".held-row")).nth(n);
  await row.locator("input[type='date']").fill(date);
  if (version) {
    const list = row.locator("select[id$='-version']");
    if (await list.count()) await list.selectOption(version);
    else if (await row.locator(`input[type='radio'][value='${version}']`).count()) await row.locator(`input[type='radio'][value='${version}']`).check();
  }
  await row.locator("select[id$='-ccp']").selectOption(ccp);
}

test("continuous route: nothing is flagged before answering; coherent training gives a session titre", async () => {
  const { page, context, problems } = await fresh();
  assert.equal(await errorsShown(page), 0);
  await page.check('input[name="path"][value="continuous"]');
  assert.equal(await errorsShown(page), 0, "no error after choosing a route");
  assert.equal(await status(page), "Il nous faut une précision");
  assert.match(await page.textContent("#answer"), /si votre formation est cohérente/);
  assert.equal(await page.locator('input[name="related"]').count(), 0, "questions of other routes are not there");
  await page.check('input[name="coherent"][value="true"]');
  assert.equal(await status(page), "Oui");
  assert.match(await page.textContent(".summary"), /Vous pouvez vous présenter à une session titre « Assistant import-export », jusqu'au 7 janvier 2028 inclus/);
  assert.match(await page.textContent(".certainty"), /source secondaire/);
  assert.match(await page.textContent(".certainty"), /DREETS/);
  // "I don't know" opens where to find the answer.
  await page.check('input[name="coherent"][value=""]');
  assert.ok(await page.isVisible("#coherent-help"));
  assert.match(await page.textContent("#coherent-help"), /organisme de formation/);
  // A failed session: the date and the "new training" question appear, and are asked.
  await page.check('input[name="coherent"][value="true"]');
  await page.selectOption("#lastOutcome", "failed");
  assert.match(await page.textContent("#answer"), /la date de cette session/);
  await page.fill("#lastDate", "2024-03-01");
  assert.equal(await status(page), "Il nous faut une précision");
  assert.match(await page.textContent("#answer"), /nouvelle formation cohérente/);
  await page.check('input[name="newTraining"][value="false"]');
  assert.equal(await status(page), "Non, pas par cette voie");
  // CCPs awarded at that session count: on to the CCP route, every answer kept, the CCP dated.
  await page.check('input[name="awarded"][value="true"]');
  assert.match(await page.textContent(".awarded"), /Ces CCP comptent : vous êtes en réussite partielle/);
  await page.click(".awarded button");
  assert.equal(await page.locator('input[name="path"]:checked').getAttribute("value"), "discontinuous");
  assert.equal(await page.locator(".held-row input[type='date']").inputValue(), "2024-03-01");
  assert.equal(await page.locator('input[name="heldCoherent"][value="true"]').isChecked(), true);
  await page.locator(".held-row select[id$='-ccp']").selectOption("2022-CCP1");
  assert.equal(await status(page), "Oui");
  assert.match(await page.textContent(".summary"), /Il vous reste 2 CCP/);
  await page.check('input[name="path"][value="continuous"]');
  assert.equal(await page.locator("#lastDate").inputValue(), "2024-03-01", "the training route's answers are kept");
  assert.deepEqual(problems, []);
  await context.close();
});

test("'I don't know' gets the answer both ways, and date questions say where the date is written", async () => {
  const { page, context, problems } = await fresh();
  await page.check('input[name="path"][value="continuous"]');
  await page.check('input[name="coherent"][value=""]');
  const ways = page.locator(".both-ways li");
  assert.equal(await ways.count(), 2);
  assert.match(await ways.nth(0).textContent(), /^Si c'est oui : Oui — vous pouvez vous présenter à une session titre « Assistant import-export »/);
  assert.match(await ways.nth(1).textContent(), /^Si c'est non : Non, pas par cette voie — une session titre après formation demande une formation cohérente/i);
  // A date question's help opens on demand.
  await page.check('input[name="path"][value="vae"]');
  const help = page.locator("#q-admissible details.help-more");
  await help.locator("summary").click();
  assert.match(await help.textContent(), /lettre \(ou le message France VAE\) qui vous déclare recevable/);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a no says why and shows the routes still open; share and print stay usable", async () => {
  const { page, context, problems } = await fresh();
  await page.check('input[name="path"][value="continuous"]');
  await page.check('input[name="coherent"][value="false"]');
  assert.equal(await status(page), "Non, pas par cette voie");
  assert.match(await page.textContent(".summary"), /la vôtre ne l'est pas/);
  assert.equal(await page.locator(".answer h3", { hasText: "Ce que vous passerez" }).count(), 0, "nothing of the refused route");
  const other = page.locator(".other-routes li");
  assert.ok(await other.count() >= 1, "other routes listed");
  assert.match(await page.textContent(".other-routes"), /Validation des acquis de l'expérience/);
  // One sentence of why beside the "no" and the route open.
  assert.match(await page.textContent(".other-why"), /^Ce « non » ne vaut que pour la voie « Formation, puis session titre » : chaque voie a ses propres conditions ; voyez ci-dessous les voies que votre situation ouvre ou peut ouvrir\.$/);
  await other.first().locator("button").click();
  assert.equal(await page.locator('input[name="path"]:checked').getAttribute("value"), "vae");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the answer's dated deadlines download as a calendar file, one all-day event each", async () => {
  const { page, context, problems } = await fresh("/", { acceptDownloads: true });
  await page.check('input[name="path"][value="discontinuous"]');
  await held(page, 0, "2022-CCP1", "2024-06-14");
  await page.check('input[name="heldCoherent"][value="true"]');
  await page.locator(".answer .status-word").waitFor();
  const dated = await page.locator(".timeline .point:not(.asof)").count();
  assert.ok(dated >= 2, `${dated} dated deadlines`);
  const [file] = await Promise.all([page.waitForEvent("download"), page.click("button.calendar")]);
  assert.equal(file.suggestedFilename(), "TP-00523-2026-12-06.ics");
  const text = readFileSync(await file.path(), "utf8");
  assert.equal(text.match(/BEGIN:VEVENT/g).length, dated);
  assert.ok(text.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75), "lines folded at 75 octets");
  assert.match(text, /DTSTART;VALUE=DATE:20280107\r\nDTEND;VALUE=DATE:20280108/);
  assert.match(text.replace(/\r\n /g, ""), /SUMMARY:Titre pro : Dernier jour de l'enregistrement du titre/);
  assert.match(text.replace(/\r\n /g, ""), /DESCRIPTION:Assistant import-export\.\\nDegré de certitude : source secondaire/);
  assert.match(text.replace(/\r\n /g, ""), /estimé\\nsi le titre est clôturé à la fin de son enregistrement/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a held CCP: the date tells the version, which is asked only where our data cannot tell", async () => {
  const { page, context, problems } = await fresh();
  await page.check('input[name="path"][value="discontinuous"]');
  const row = page.locator(".held-row").nth(0);
  // 2024: the 2022 version, said, not asked; its CCPs offered.
  await row.locator("input[type='date']").fill("2024-06-14");
  assert.match(await row.locator(".hint").textContent(), /Version 2022 du titre, en vigueur à cette date/);
  assert.equal(await row.locator("select[id$='-version'], input[type='radio']").count(), 0);
  assert.ok((await row.locator("select[id$='-ccp'] option").allTextContents()).some((o) => /Administrer les ventes/.test(o)));
  // June 2016: the 2016 version began some day that year; the livret says which.
  await row.locator("input[type='date']").fill("2016-06-01");
  const legend = row.locator("fieldset.field legend");
  assert.match(await legend.textContent(), /votre livret de certification indique laquelle \(2011 ou 2016\)/);
  assert.ok(await row.locator("select[id$='-ccp']").isDisabled(), "the CCP waits for the version");
  await row.locator("input[type='radio'][value='2011']").check();
  await row.locator("select[id$='-ccp']").selectOption("2011-CCP2");
  await page.check('input[name="heldCoherent"][value="true"]');
  await page.locator(".answer .status-word").waitFor();
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an invalid date shows its message on its question, in words, and no answer", async () => {
  const { page, context, problems } = await fresh();
  await page.check('input[name="path"][value="discontinuous"]');
  await held(page, 0, "2022-CCP1", "2030-06-14");
  const line = page.locator(".held-row .error:not([hidden])");
  assert.equal(await line.count(), 1);
  const text = await line.textContent();
  assert.match(text, /Date d'obtention du CCP n° 1 : le 14 juin 2030 est après la date du calcul/);
  assert.doesNotMatch(text, /held\[|afterAsOf|2030-06-14/, "no field path, no code, no ISO date");
  const input = page.locator(".held-row input[type='date']");
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  assert.match(await input.getAttribute("aria-describedby"), /-error/);
  assert.equal(await page.locator(".answer .s-eligible, .answer .s-notEligible").count(), 0, "no old answer beside the error");
  assert.match(await page.textContent("#answer"), /Pour obtenir votre réponse, corrigez/);
  assert.ok(await page.locator("button", { hasText: "Copier le lien" }).isDisabled(), "share disabled until the answer is current");
  assert.ok(await page.locator("button", { hasText: "Imprimer" }).isDisabled());
  await input.fill("2024-06-14");
  assert.equal(await status(page), "Oui");
  assert.equal(await errorsShown(page), 0);
  assert.ok(await page.locator("button", { hasText: "Copier le lien" }).isEnabled());
  assert.deepEqual(problems, []);
  await context.close();
});

test("VAE and CCS routes; language switch", async () => {
  const { page, context, problems } = await fresh();
  await page.check('input[name="path"][value="vae"]');
  await page.check('input[name="related"][value="true"]');
  await page.fill("#months", "24");
  assert.equal(await status(page), "Oui");
  assert.match(await page.textContent("#answer"), /France VAE/);
  assert.doesNotMatch(await page.textContent("#answer"), /évaluations passées pendant votre formation/, "no ECF for VAE");
  await switchLanguage(page, "en");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await status(page), "Yes");
  assert.match(page.url(), /lang=en/);
  // French terms are explained in English where they first appear.
  assert.match(await page.textContent("#q-path"), /CCP: certificate of professional competence, one block of the title/);
  assert.match(await page.textContent("#answer"), /the title's certificate \(parchemin\)/);
  await page.check('input[name="path"][value="ccs"]');
  await page.fill("#titleObtained", "2023-06-30");
  assert.equal(await status(page), "No, not by this route");
  assert.match(await page.textContent("#answer"), /No CCS is attached to this title/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a slow network the first question shows before the engine is ready, and what is done meanwhile counts", async () => {
  // The engine (wasm) held back 2.5 s, as on a slow connection.
  const prepare = (context) => context.route("**/*.wasm", async (route) => { await new Promise((ok) => setTimeout(ok, 2500)); await route.continue(); });
  const context = await env.browser.newContext({ viewport: { width: 375, height: 740 }, locale: "fr-FR" });
  await prepare(context);
  await context.clock.setFixedTime(new Date("2026-12-06T10:00:00"));
  const page = await context.newPage();
  await page.goto(`${env.origin}/`, { waitUntil: "commit" });
  const skeleton = page.locator("#skeleton");
  await skeleton.locator('[lang="fr"] legend', { hasText: "Quelle situation vous décrit le mieux ?" }).waitFor();
  // Once the stylesheet applies (the HTML may come first), only the page's language shows.
  await skeleton.locator('[lang="en"]').waitFor({ state: "hidden" });
  assert.match(await skeleton.locator(".preparing:visible").textContent(), /Calcul en préparation/);
  assert.equal(await page.getAttribute("body", "data-ready"), null, "the engine is not ready yet");
  const top = (await skeleton.locator("fieldset:visible").boundingBox()).y;
  assert.ok(top < 600, `first question at ${top} px`);
  // The language switch works meanwhile, and a route chosen is kept.
  await page.click('#langs button[data-lang="en"]');
  await skeleton.locator('[lang="en"] legend', { hasText: "Which situation describes you best?" }).waitFor();
  await skeleton.locator('[lang="en"] input[value="vae"]').check();
  await page.waitForSelector("body[data-ready]");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.locator("#skeleton").count(), 0);
  assert.equal(await page.locator('input[name="path"][value="vae"]').isChecked(), true);
  assert.equal(await page.locator('input[name="related"]').count() > 0, true, "the VAE questions are asked");
  await context.close();
});

test("a browser in English gets English unless the address says otherwise", async () => {
  for (const [path, lang, h1] of [["/", "en", /^Can I obtain/], ["/?lang=fr", "fr", /^Puis-je obtenir/]]) {
    const { page, context, problems } = await fresh(path, { locale: "en-GB" });
    assert.equal(await page.getAttribute("html", "lang"), lang, path);
    assert.match(await page.textContent("h1"), h1, path);
    assert.deepEqual(problems, [], path);
    await context.close();
  }
});

test("a third language is one more catalogue: the page speaks it and offers the others", async () => {
  // A pseudo-locale made from the French catalogue, served as messages/xx.json would be once listed
  // in messages/languages.json: no code of the page knows of it.
  const read = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
  const languages = [...read("messages/languages.json"), { code: "xx", name: "Pseudo", read: "Read this page in Pseudo" }];
  const fr = read("messages/fr.json");
  const xx = Object.fromEntries(Object.entries(fr).map(([id, tpl]) => [id, id.startsWith("text.") ? tpl : `⟦${tpl}⟧`]));
  const compiled = compile({ fr, en: read("messages/en.json"), xx }, languages).xx;
  const prepare = (context) => context.route("**/messages/xx.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(compiled) }));
  const { page, context, problems } = await fresh("/?lang=xx", undefined, { prepare });
  assert.equal(await page.getAttribute("html", "lang"), "xx");
  assert.match(await page.textContent("h1"), /^⟦Puis-je obtenir ce titre professionnel \?⟧$/);
  assert.deepEqual(await page.locator("#langs button").allTextContents(), ["Français", "English"]);
  await page.check('input[name="path"][value="vae"]');
  await page.check('input[name="related"][value="true"]');
  await page.fill("#months", "24");
  assert.equal(await status(page), "⟦Oui⟧");
  const answer = await page.textContent("#answer");
  assert.match(answer, /⟦vous pouvez demander la VAE pour le titre « ⟦Assistant import-export⟧ »|⟦vous pouvez demander la VAE/);
  assert.doesNotMatch(answer, /\{\d\}|undefined/, "no placeholder or missing message left");
  await switchLanguage(page, "en");
  assert.equal(await status(page), "Yes");
  assert.deepEqual(problems, []);
  await context.close();
});

test("without JavaScript or WebAssembly the page says what happened and where to turn, with three links", async () => {
  const links = (page) => page.locator("#stranded :is([lang]:not([hidden])) a:visible").evaluateAll((as) => as.map((a) => a.href));
  const expected = ["https://vae.gouv.fr/", "https://www.francecompetences.fr/recherche/rncp/36964/", "https://lannuaire.service-public.fr/"];
  // No JavaScript: both languages, the JavaScript reason.
  const nojs = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const a = await nojs.newPage();
  await a.goto(`${env.origin}/`);
  assert.ok(await a.isVisible("#stranded"));
  assert.match(await a.textContent("#stranded"), /JavaScript, qui y est désactivé/);
  assert.deepEqual(await links(a), [...expected, ...expected]);
  assert.equal(await a.locator("#stranded .why-nowasm:visible").count(), 0);
  await nojs.close();
  // axe-core needs JavaScript: the same state, the page's own script blocked and noscript.css applied.
  const same = await env.browser.newContext({ viewport: { width: 375, height: 800 } });
  await same.route("**/app.js", (route) => route.abort());
  const b = await same.newPage();
  await b.goto(`${env.origin}/`);
  await b.addStyleTag({ url: `${env.origin}/noscript.css` });
  assert.ok(await b.isVisible("#stranded"));
  assert.deepEqual(await axe(b), [], "the page without JavaScript");
  await same.close();
  // WebAssembly blocked (as by Lockdown Mode): the reason in the page's language, the title's fiche.
  for (const [lang, reason] of [["fr", /WebAssembly, que ce navigateur bloque/], ["en", /WebAssembly, which this browser blocks/]]) {
    const context = await env.browser.newContext({ viewport: { width: 375, height: 800 } });
    await context.addInitScript(() => { delete globalThis.WebAssembly; });
    const page = await context.newPage();
    await page.goto(`${env.origin}/?lang=${lang}&title=RNCP36964`);
    await page.waitForSelector('body[data-ready="failed"]');
    assert.match(await page.textContent("#stranded [lang]:not([hidden])"), reason);
    assert.deepEqual(await links(page), expected, lang);
    assert.equal(await page.getAttribute("html", "lang"), lang);
    assert.deepEqual(await axe(page), [], lang);
    await context.close();
  }
});

test("the title picker finds a title by a name it bore before, and says so", async () => {
  const { page, context, problems } = await fresh();
  await page.click("#title-input");
  await page.keyboard.type("installateur depanneur");
  const option = page.locator("#title-list:not([hidden]) .title-option").first();
  await option.waitFor();
  assert.match(await option.textContent(), /^Agent de reconditionnement numérique \(anciennement « Installateur dépanneur en informatique »\)/);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.locator("#title-name", { hasText: "Agent de reconditionnement numérique" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("pick a title by typing, answer, share the link, reopen it: same title, same answer", async () => {
  const { page, context, problems } = await fresh();
  await page.click("#title-input");
  await page.keyboard.type("developpeur web");
  await page.locator("#title-list:not([hidden]) .title-option").first().waitFor();
  assert.match(await page.textContent("#title-list"), /Développeur web et web mobile/);
  assert.equal(await page.getAttribute("#title-input", "aria-expanded"), "true");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.getAttribute("#title-input", "aria-activedescendant"), "title-option-0");
  await page.keyboard.press("Enter");
  await page.locator("#title-name", { hasText: "Développeur web et web mobile" }).waitFor();
  assert.match(await page.textContent(".title-head"), /RNCP31114, RNCP37674/);
  assert.match(await page.textContent(".title-head"), /au 1er septembre 2028 \(source secondaire\)/);
  assert.equal(await page.locator('.title-head a[href="https://www.francecompetences.fr/recherche/rncp/37674/"]').count(), 1);
  assert.match(page.url(), /title=36T32604/);
  await page.check('input[name="path"][value="discontinuous"]');
  await held(page, 0, "RNCP31114BC01", "2022-06-01", "RNCP31114");
  assert.equal(await status(page), "Oui");
  const summary = await page.textContent(".summary");
  assert.match(summary, /Il vous reste 1 CCP à obtenir pour le titre « Développeur web et web mobile »/);
  assert.deepEqual(await axe(page), []);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.click("button:has-text('Copier le lien')");
  await page.locator(".share-status", { hasText: "Lien copié" }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /\?title=36T32604#v=/);
  const again = await fresh(link.replace(env.origin, ""));
  assert.equal(await again.page.textContent("#title-name"), "Développeur web et web mobile");
  assert.equal(await again.page.textContent(".summary"), summary);
  // The link names the title by its code: the page fetched that title's file, not the index of all
  // titles first.
  // (Requests as the browser sent them: the fixed clock of the tests empties the resource timings.)
  const fetched = again.requests.map((url) => new URL(url).pathname);
  assert.ok(fetched.includes("/titles/36T32604.json"), fetched.join(" "));
  assert.ok(!fetched.includes("/titles/index.json"), fetched.join(" "));
  assert.deepEqual([...problems, ...again.problems], []);
  await again.context.close();
  await context.close();
});

test("on a 375 px phone the answer is in view after answering, without scrolling by hand", async () => {
  const { page, context, problems } = await fresh("/", { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  await page.check('input[name="path"][value="discontinuous"]');
  await held(page, 0, "2022-CCP1", "2024-06-14");
  // Right after answering, the outcome is in view: the line above the step's buttons, or the bar
  // that carries it (which one depends on where filling the last field left the page).
  await page.waitForFunction(() => {
    const bar = document.querySelector(".answer-bar");
    const line = document.querySelector(".flow-outcome");
    const word = line.querySelector(".bar-status")?.getBoundingClientRect();
    return (!bar.hidden && bar.textContent.includes("Oui — Il vous reste 2 CCP"))
      || (!line.hidden && word.top >= 0 && word.bottom <= innerHeight && line.textContent.includes("Oui — Il vous reste 2 CCP"));
  });
  // Back at the top of the form, the answer is out of view: the bar carries it.
  await page.evaluate(() => window.scrollTo(0, 0));
  const bar = page.locator(".answer-bar", { hasText: "Oui — Il vous reste 2 CCP" });
  await bar.waitFor();
  const box = await bar.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 740, `answer bar in view: ${JSON.stringify(box)}`);
  assert.ok(box.height <= 0.15 * 740, `the bar takes ${box.height} px of 740`);
  // A field taking the focus where the bar is: the page moves it above the bar.
  const field = await page.evaluate(() => {
    const bar = document.querySelector(".answer-bar").getBoundingClientRect();
    const input = [...document.querySelectorAll("form input, form select")].find((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > bar.top && r.top < bar.bottom;
    });
    if (!input) return null;
    input.id ||= "covered-field";
    input.focus({ preventScroll: true });
    return input.id;
  });
  if (field) {
    await page.waitForFunction((id) => {
      const r = document.getElementById(id).getBoundingClientRect();
      const bar = document.querySelector(".answer-bar");
      return bar.hidden || r.bottom <= bar.getBoundingClientRect().top;
    }, field);
  }
  await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
  await bar.waitFor();
  assert.match(await bar.textContent(), /Oui — Il vous reste 2 CCP/);
  await bar.locator("button").click();
  await page.waitForFunction(() => {
    const r = document.querySelector("#answer").getBoundingClientRect();
    return r.top >= -1 && r.top < 740;
  });
  await page.locator(".answer-bar").waitFor({ state: "hidden" }); // the bar goes once the answer is in view
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, "no horizontal scrolling");
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a phone the questions come one step at a time, with progress, and end on the answer then a recap", async () => {
  const { page, context, problems } = await fresh("/", { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const progress = () => page.textContent(".step-progress");
  const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.className || document.activeElement?.name);
  assert.equal(await progress(), "Étape 1 sur 4");
  const first = (await page.locator("#q-path").boundingBox()).y;
  assert.ok(first < 600, `the first question at ${first} px, under the progress`);
  assert.equal(await page.locator(".flow-buttons .secondary").count(), 0, "no way back from the first step");
  // On without a route: the page says to choose one first, on the question.
  await page.click(".flow-buttons .primary");
  assert.equal(await page.textContent("#path-error"), "Choisissez d'abord la situation qui vous décrit le mieux.");
  assert.equal(await page.evaluate(() => document.activeElement?.name), "path");
  await page.check('input[name="path"][value="vae"]');
  assert.equal(await page.isVisible('input[name="related"]'), false, "the route's questions wait for their step");
  await page.click(".flow-buttons .primary");
  assert.equal(await progress(), "Étape 2 sur 4");
  assert.equal(await focused(), "step-progress", "the progress in focus says where the person is");
  assert.equal(await page.isVisible('input[name="path"]'), false, "one step at a time");
  await page.check('input[name="related"][value="true"]');
  await page.fill("#months", "24");
  await page.click(".flow-buttons .primary");
  assert.equal(await progress(), "Étape 3 sur 4");
  assert.ok(await page.isVisible("#applied"));
  await page.click(".flow-buttons .secondary");
  assert.equal(await progress(), "Étape 2 sur 4", "Précédent goes back, answers kept");
  assert.equal(await page.inputValue("#months"), "24");
  await page.click(".flow-buttons .primary");
  assert.equal(await page.textContent(".flow-buttons .primary"), "Voir le résultat");
  await page.click(".flow-buttons .primary");
  // The result: the answer first, in view and in focus; then the recap, each answer with "Modifier".
  const top = await page.evaluate(() => document.querySelector("#answer").getBoundingClientRect().top);
  assert.ok(top >= -1 && top < 100, `the answer starts ${top} px from the top`);
  assert.equal(await focused(), "answer");
  assert.equal(await status(page), "Oui");
  assert.equal(await page.evaluate(() => document.querySelector(".layout").firstElementChild.id), "answer");
  assert.equal(await progress(), "Étape 4 sur 4");
  const recap = await page.locator(".recap dl").innerText();
  assert.match(recap, /Situation\s+Validation des acquis de l'expérience \(VAE\)\s+Modifier/);
  assert.match(recap, /Durée d'expérience, en mois\s+24\s+Modifier/);
  assert.deepEqual(await axe(page), []);
  await page.click('.recap button:has-text("Durée d\'expérience")');
  assert.equal(await progress(), "Étape 2 sur 4");
  assert.equal(await focused(), "months");
  await page.fill("#months", "6");
  await reach(page, ".recap");
  assert.match(await page.locator(".recap dl").innerText(), /Durée d'expérience, en mois\s+6\s+Modifier/);
  await page.click('.recap button:has-text("rapport direct")');
  assert.equal(await focused(), "related");
  await page.check('input[name="related"][value="false"]');
  await reach(page, ".recap");
  assert.equal(await status(page), "Non, pas par cette voie");
  // In English, and on a wide screen every question beside the answer, no steps.
  await switchLanguage(page, "en");
  assert.equal(await progress(), "Step 4 of 4");
  assert.match(await page.locator(".recap dl").innerText(), /Length of experience, in months\s+6\s+Change/);
  await page.click(".flow-buttons .secondary");
  assert.equal(await page.textContent(".flow-buttons .primary"), "See the result");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForFunction(() => !document.querySelector(".step-progress"));
  assert.ok(await page.isVisible('input[name="path"]') && await page.isVisible("#months") && await page.isVisible("#applied"));
  assert.equal(await page.locator(".flow-buttons button, .recap").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the answer opens with the outcome and what to do: at most 120 words before the first next step", async () => {
  for (const lang of ["fr", "en"]) {
    for (const [route, answerIt] of [
      ["discontinuous", async (page) => { await held(page, 0, "2022-CCP1", "2024-06-14"); await (await reach(page, 'input[name="heldCoherent"][value="true"]')).check(); }],
      ["vae", async (page) => { await (await reach(page, 'input[name="related"][value="true"]')).check(); }],
      ["continuous", async (page) => { await (await reach(page, 'input[name="coherent"][value="true"]')).check(); }],
    ]) {
      const { page, context } = await fresh(`/?lang=${lang}`, { viewport: { width: 375, height: 800 } });
      await page.check(`input[name="path"][value="${route}"]`);
      await answerIt(page);
      await reach(page, ".recap"); // the result, after the last step
      await page.locator(".answer .status-word").waitFor();
      const words = await page.evaluate(() => {
        const answer = document.querySelector("#answer");
        const first = [...answer.querySelectorAll("h3")].find((h) => /Prochaines étapes|Next steps/.test(h.textContent));
        if (!first) return null;
        // What is shown: closed disclosures left out, and the live region that repeats the answer
        // for screen readers.
        let text = answer.innerText;
        for (const hidden of answer.querySelectorAll(".visually-hidden")) text = text.replace(hidden.innerText, "");
        return text.slice(0, text.indexOf(first.innerText)).split(/\s+/).filter((w) => /\p{L}|\d/u.test(w)).length;
      });
      assert.ok(words !== null, `${lang} ${route}: next steps shown`);
      assert.ok(words <= 120, `${lang} ${route}: ${words} words before the first next step`);
      await context.close();
    }
  }
});

test("at 200 % zoom (640 × 400 CSS px) the outcome is in view after the last answer", async () => {
  const { page, context, problems } = await fresh("/", { viewport: { width: 640, height: 400 } });
  await page.check('input[name="path"][value="vae"]');
  await (await reach(page, 'input[name="related"][value="true"]')).check();
  await page.locator(".flow-outcome:visible").waitFor();
  await page.waitForFunction(() => {
    const inView = (el) => { const r = el?.getBoundingClientRect(); return r && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; };
    const bar = document.querySelector(".answer-bar");
    const line = document.querySelector(".flow-outcome");
    return (!bar.hidden && inView(bar) && /Oui/.test(bar.textContent)) || (!line.hidden && inView(line) && /^Oui/.test(line.textContent))
      || inView(document.querySelector(".answer .status-word"));
  });
  const bar = await page.locator(".answer-bar").boundingBox();
  assert.ok(!bar || bar.height <= 0.15 * 400, `bar ${JSON.stringify(bar)}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a shared answer opened on a phone lands on the answer", async () => {
  const desk = await fresh();
  await desk.page.check('input[name="path"][value="vae"]');
  await desk.page.check('input[name="related"][value="true"]');
  await desk.page.locator(".answer .status-word", { hasText: "Oui" }).waitFor();
  const link = desk.page.url();
  assert.match(link, /#v=.*&s=/);
  await desk.context.close();
  const { page, context, problems } = await fresh(link.slice(env.origin.length), { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const top = await page.evaluate(() => document.querySelector("#answer").getBoundingClientRect().top);
  assert.ok(top >= -1 && top < 200, `the answer starts ${top} px from the top of the screen`);
  assert.equal(await status(page), "Oui");
  assert.deepEqual(problems, []);
  await context.close();
});

test("at 400 % zoom (320 × 200 CSS px) the answer bar takes at most 15 % of the screen, or steps aside", async () => {
  const { page, context, problems } = await fresh("/", { viewport: { width: 320, height: 200 } });
  await page.check('input[name="path"][value="discontinuous"]');
  await held(page, 0, "2022-CCP1", "2024-06-14");
  await page.locator(".flow-outcome:visible").waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  const bar = await page.locator(".answer-bar").boundingBox();
  assert.ok(!bar || bar.height <= 30, `bar ${JSON.stringify(bar)} over 15 % of 200 px`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("print: one A4 page, legible (9 pt and more), the answers in words", async () => {
  const { page, context, problems } = await fresh();
  await page.check('input[name="path"][value="discontinuous"]');
  await held(page, 0, "2022-CCP1", "2024-06-14");
  await page.click("#add-held");
  await held(page, 1, "2011-CCP2", "2012-05-10", "2011");
  await page.check('input[name="heldCoherent"][value="true"]');
  // The way back to the answer: a QR code (drawn once the answer settles) and a short address.
  await page.locator(".print-qr svg path").waitFor({ state: "attached" });
  await page.emulateMedia({ media: "print" });
  const qr = await page.locator(".print-qr svg").boundingBox();
  assert.ok(qr && qr.width > 60 && Math.abs(qr.width - qr.height) < 1, `QR code ${JSON.stringify(qr)}`);
  const back = await page.textContent(".print-link");
  assert.match(back, /^Retrouvez cette réponse en scannant le code, ou sur 127\.0\.0\.1:\d+\/index\.html$/);
  assert.match(await page.locator(".print-qr").getAttribute("data-link"), /\/index\.html\?title=TP-00523#v=2026-12-06&s=\w+$/, "the code carries the live answer's link");
  const sheet = await page.textContent(".print-only");
  assert.match(sheet, /Suivez-vous .* formation cohérente .*Oui/s);
  assert.match(sheet, /Assurer l'assistanat commercial à l'international.*obtenu le 10 mai 2012/s);
  assert.doesNotMatch(sheet, /training\.coherent|heldCoherent|true|2022-CCP1/, "answers in words, not raw names");
  const smallest = await page.evaluate(() => Math.min(...[...document.querySelectorAll(".answer-content *, .print-only *")]
    .filter((el) => el.offsetParent !== null && el.textContent.trim() && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
    .map((el) => parseFloat(getComputedStyle(el).fontSize))));
  assert.ok(smallest >= 12, `smallest printed text ${smallest}px (9 pt = 12 px)`);
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1, `printed on ${pages} pages`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard only: choose a route and answer without a mouse", async () => {
  const { page, context, problems } = await fresh();
  let guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.name === "path")) && guard++ < 30) await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowDown"); // second choice: VAE
  assert.equal(await page.evaluate(() => document.activeElement?.value), "vae");
  guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.name === "related")) && guard++ < 30) await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.id === "months")) && guard++ < 30) await page.keyboard.press("Tab");
  await page.keyboard.type("18");
  assert.equal(await status(page), "Oui");
  // The focus ring is visible and contrasted: a dark ring with a white halo.
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(ring, "solid");
  assert.deepEqual(problems, []);
  await context.close();
});

test("accessibility: zero axe-core violation of any level, in every state, both widths, languages and colour schemes", async () => {
  for (const colorScheme of ["light", "dark"]) for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
    for (const lang of ["fr", "en"]) {
      const { page, context, problems } = await fresh(`/?lang=${lang}`, { viewport, colorScheme });
      const found = [];
      const check = async (state) => found.push(...(await axe(page)).map((v) => `${colorScheme} ${viewport.width}px ${lang} ${state}: ${v}`));
      await check("empty");
      await page.check('input[name="path"][value="continuous"]');
      await check("undetermined");
      // (On the phone the questions come one step at a time: `reach` goes to each, as a person would.)
      await (await reach(page, 'input[name="coherent"][value=""]')).check();
      await check("help open");
      await page.check('input[name="coherent"][value="false"]');
      await check("no");
      await (await reach(page, 'input[name="path"][value="discontinuous"]')).check();
      await held(page, 0, "2022-CCP1", "2030-01-01");
      await check("error");
      await page.locator(".held-row input[type='date']").fill("2024-01-10");
      await check("yes");
      await reach(page, ".recap"); // the phone's result step: the whole answer, then the recap
      await page.locator(".why summary").click();
      await page.locator("details.certainty summary").click();
      await check("yes, reasons and certainty open");
      await (await reach(page, 'input[name="path"][value="vae"]')).check();
      await (await reach(page, 'input[name="related"][value="true"]')).check();
      await check("vae");
      await page.click("#title-input");
      await page.keyboard.type("tourneur");
      await page.locator(".title-option").first().waitFor();
      await check("title list");
      assert.deepEqual(found, []);
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
  for (const colorScheme of ["light", "dark"]) {
    for (const path of ["/accessibilite.html", "/accessibilite.html?lang=en", "/integration.html", "/integration.html?lang=en"]) {
      const { page, context } = await fresh(path, { colorScheme });
      assert.deepEqual(await axe(page), [], `${colorScheme} ${path}`);
      await context.close();
    }
  }
});

test("screenshots at 375 and 1280 px, in French and English, for docs/", async () => {
  for (const [width, height] of [[1280, 900], [375, 800]]) {
    for (const lang of ["fr", "en"]) {
      const { page, context } = await fresh(`/?lang=${lang}`, { viewport: { width, height } });
      await page.check('input[name="path"][value="discontinuous"]');
      await held(page, 0, "2022-CCP1", "2024-06-14");
      await page.click("#add-held");
      await held(page, 1, "2022-CCP2", "2025-03-21");
      await page.locator(".answer .status-word:visible, .flow-outcome:visible").first().waitFor();
      await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
      await page.screenshot({ path: `test-results/page-${width}-${lang}.png`, fullPage: width > 400 });
      if (width < 400) {
        await reach(page, ".recap"); // the phone's result step
        await page.screenshot({ path: `test-results/page-${width}-result-${lang}.png` });
      }
      await context.close();
    }
  }
});

test("share links and prefills are checked before use: a broken or hostile one never breaks the page", async () => {
  const bad = Buffer.from(JSON.stringify({ path: "\"]", held: [{ ccp: "\"]<img src=x onerror=alert(1)>", obtained: "x" }], asOf: "2026-02-30" })).toString("base64url");
  for (const hash of [`#s=${bad}`, "#s=%%%", "#s=bm90IGpzb24", `#v=1&s=${Buffer.from("[1]").toString("base64url")}`]) {
    const { page, context, problems } = await fresh(`/${hash}`);
    assert.equal(await page.locator("img").count(), 0);
    assert.equal(await page.locator("#title-name").textContent(), "Assistant import-export");
    await page.check('input[name="path"][value="vae"]');
    await page.check('input[name="related"][value="true"]');
    assert.equal(await status(page), "Oui", hash);
    assert.deepEqual(problems, [], hash);
    await context.close();
  }
  const { page, context } = await fresh("/?title=RNCP99999");
  assert.match(await page.textContent("#calculator .banner"), /RNCP99999/);
  assert.equal(await page.locator("#title-name").textContent(), "Assistant import-export");
  await context.close();
});
