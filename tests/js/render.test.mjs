// The two renderers agree (issue 21): the command line renders texts with the catalogues compiled
// into the native build (src/text.rs), the page and the Node entry render the wasm's texts as data
// with the same catalogues (www/messages.js). For every scenario's situation, the command line's
// JSON and www/node.js's report are the same value, every text included (but `data`, which says
// where the title data came from: built in, or given by the caller).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { evaluate } from "../../www/node.js";

const root = new URL("../../", import.meta.url).pathname;

test("the command line and www/node.js say the same, word for word, on every scenario", () => {
  execFileSync("cargo", ["build", "--quiet", "--locked", "--bin", "tp-eligibility"], { cwd: root, stdio: "inherit" });
  const cli = `${root}target/debug/tp-eligibility`;
  const index = JSON.parse(readFileSync(`${root}data/titles/index.json`, "utf8")).titles;
  let compared = 0;
  for (const name of readdirSync(`${root}tests/scenarios`)) {
    const scenario = JSON.parse(readFileSync(`${root}tests/scenarios/${name}`, "utf8"));
    if (scenario.titles || scenario.titlePatch || scenario.expect.error) continue;
    const native = JSON.parse(execFileSync(cli, ["--json"], { input: JSON.stringify(scenario.situation) }).toString());
    // A register title: the command line knows every title, the wasm the default one (the page
    // fetches the others' files).
    const code = scenario.situation.title?.replace(/\s/g, "");
    const entry = code && index.find((e) => [e.code, ...e.codeDiplome, ...e.rncp].includes(code));
    const titles = entry && entry.code !== "TP-00523" ? [JSON.parse(readFileSync(`${root}data/titles/${entry.file}`, "utf8"))] : undefined;
    const rendered = titles ? evaluate(scenario.situation, titles) : evaluate(scenario.situation);
    assert.deepEqual({ ...rendered, data: native.data }, native, name);
    compared++;
  }
  assert.ok(compared > 100, `${compared} scenarios compared`);
});
