// The engine's size budget (README, "Performance"): what the page downloads to produce a report —
// the wasm and its JS glue — may not grow past the figure reached, gzip -9. And the engine does
// not grow with the number of titles: no title of the register but the default one is in it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

import { ENGINE_BUDGET } from "../../tools/budget.mjs";
import { siteWasm } from "../../tools/site.mjs";

// The package as the site ships it (its glue minified).
const pkg = new URL("../../target/site/pkg/", import.meta.url);
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

test("the engine (wasm + glue, gzip -9) stays within its budget", () => {
  const engine = gz(siteWasm()) + gz(new URL("tp_eligibility.js", pkg));
  assert.ok(engine <= ENGINE_BUDGET, `engine ${(engine / 1024).toFixed(1)} KB > budget ${(ENGINE_BUDGET / 1024).toFixed(1)} KB`);
});

test("no register title but the default one is compiled into the wasm", () => {
  const wasm = readFileSync(siteWasm()).toString("latin1");
  const utf8 = (text) => Buffer.from(text, "utf8").toString("latin1");
  assert.ok(wasm.includes(utf8("Assistant import-export")), "the default title is built in");
  for (const other of ["Développeur web et web mobile", "Concepteur développeur d'applications", "RNCP37674", "36T32604"]) {
    assert.ok(!wasm.includes(utf8(other)), `${other} is not in the wasm`);
  }
});
