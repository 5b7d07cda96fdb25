// The catalogues (issue 21): English says everything French says, with the same arguments; a
// third language is one file (a pseudo-locale made here from the French catalogue renders every
// report of the scenario suite with no missing message and no leftover placeholder); and no
// sentence of the catalogues is left in the shipped engine or in the page's JavaScript.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { compile, render } from "../../www/messages.js";
import { evaluateData, catalogues } from "../../www/node.js";
import { SITE, siteWasm } from "../../tools/site.mjs";

const root = new URL("../../", import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, root), "utf8"));
const languages = read("messages/languages.json").map((l) => l.code);
const sources = Object.fromEntries(languages.map((code) => [code, read(`messages/${code}.json`)]));
const placeholders = (tpl) => [...tpl.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join(",");

test("every language says every message, with the same arguments", () => {
  const [first, ...others] = languages;
  const ids = Object.keys(sources[first]);
  assert.ok(ids.length > 500, `${ids.length} messages`);
  for (const lang of others) {
    const missing = ids.filter((id) => !(id in sources[lang]));
    const extra = Object.keys(sources[lang]).filter((id) => !(id in sources[first]));
    assert.deepEqual([missing, extra], [[], []], `${lang}: missing / unknown ids`);
    for (const id of ids) assert.equal(placeholders(sources[lang][id]), placeholders(sources[first][id]), `${lang} ${id}: its arguments`);
  }
});

/** A pseudo-locale from French: every letter of the words accented, inside ⟦ ⟧, the arguments kept. */
function pseudo(cat) {
  const accent = { a: "á", e: "ê", i: "î", o: "ö", u: "ü", A: "Á", E: "Ê", I: "Î", O: "Ö", U: "Ü" };
  return Object.fromEntries(Object.entries(cat).map(([id, tpl]) => [id,
    id.startsWith("text.") ? tpl : `⟦${tpl.replace(/\{\d+\}|[aeiouAEIOU]/g, (m) => accent[m] ?? m)}⟧`]));
}

/** Every report of the scenario suite (situations about the default title or a register title). */
function reports() {
  const out = [];
  for (const name of readdirSync(new URL("tests/scenarios/", root))) {
    const scenario = read(`tests/scenarios/${name}`);
    if (scenario.titlePatch || scenario.titles || scenario.expect.error) continue;
    const code = scenario.situation.title;
    const index = read("data/titles/index.json").titles;
    const entry = code && index.find((e) => [e.code, ...e.codeDiplome, ...e.rncp].some((c) => c.replace(/\s/g, "") === code.replace(/\s/g, "")));
    const titles = entry && entry.code !== "TP-00523" ? [read(`data/titles/${entry.file}`)] : undefined;
    try {
      out.push([name, titles ? evaluateData(scenario.situation, titles) : evaluateData(scenario.situation)]);
    } catch (e) {
      out.push([name, { error: e.m }]);
    }
  }
  return out;
}

test("a third language is one file: a pseudo-locale renders every report, no message missing, no placeholder left", () => {
  const compiled = compile({ fr: sources.fr, xx: pseudo(sources.fr) });
  const all = reports();
  assert.ok(all.length > 100, `${all.length} reports`);
  for (const [name, report] of all) {
    const text = JSON.stringify(render(report, { xx: compiled.xx }));
    assert.ok(!/\{\d+\}/.test(text), `${name}: a placeholder left`);
    assert.ok(!/"m":/.test(text), `${name}: a text not rendered`);
    assert.ok(text.includes("⟦"), `${name}: the pseudo-locale's words`);
    // Every message of the report exists in the catalogue.
    const numbers = [...JSON.stringify(report).matchAll(/\[(\d+)[,\]]/g)].map((m) => Number(m[1]));
    assert.ok(numbers.every((n) => n < compiled.xx.t.length), `${name}: a message the catalogue lacks`);
  }
  // The catalogues as served render the same reports in every language too.
  for (const [name, report] of all.slice(0, 20)) {
    for (const lang of languages) assert.ok(!/\{\d+\}/.test(JSON.stringify(render(report, { [lang]: catalogues[lang] }))), `${name} ${lang}`);
  }
});

test("no sentence of the catalogues is left in the shipped engine or in the page's JavaScript", () => {
  // Pieces of 24 characters or more between arguments: sentences, not words ("CCP", "Oui").
  const pieces = new Set();
  for (const cat of Object.values(sources)) {
    for (const tpl of Object.values(cat)) for (const piece of tpl.split(/\{\d+\}/)) if (piece.trim().length >= 24) pieces.add(piece.trim());
  }
  // The default title is built into the engine as data: words of its own that a message happens to
  // share are data, not a sentence left behind.
  const builtIn = readFileSync(new URL("data/titles/TP-00523.json", root), "utf8");
  for (const piece of [...pieces]) if (builtIn.includes(piece)) pieces.delete(piece);
  const wasm = readFileSync(siteWasm()).toString("utf8");
  const js = readdirSync(SITE).filter((f) => f.endsWith(".js")).map((f) => [f, readFileSync(`${SITE}/${f}`, "utf8")]);
  const found = [];
  for (const piece of pieces) {
    if (wasm.includes(piece)) found.push(`wasm: ${piece}`);
    for (const [file, text] of js) if (text.includes(piece)) found.push(`${file}: ${piece}`);
  }
  assert.deepEqual(found, []);
});
