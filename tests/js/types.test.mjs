// One source for the contract (issue 21): www/types.d.ts is checked against what the rules core
// really returns. Every scenario's report (in words, as the Node entry gives it), a report for each
// title of data/titles, errors, the built-in catalogue and every title file are written as typed
// literals and handed to the TypeScript compiler: a field the core writes and the types lack (an
// excess property), a field the types require and the core omits, or a value outside a declared
// union is a compile error, named in the failure.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { evaluate, catalog } from "../../www/node.js";

const root = new URL("../../", import.meta.url).pathname;
const scenarios = readdirSync(`${root}tests/scenarios`).filter((f) => f.endsWith(".json"));
const titleFiles = readdirSync(`${root}data/titles`).filter((f) => f.endsWith(".json") && f !== "index.json");

function collect() {
  const reports = [];
  const errors = [];
  for (const file of scenarios) {
    const { situation, titles } = JSON.parse(readFileSync(`${root}tests/scenarios/${file}`, "utf8"));
    try {
      reports.push(titles === undefined ? evaluate(situation) : evaluate(situation, titles));
    } catch {
      // A scenario about title data the core refuses: its error is checked below with the others.
    }
  }
  for (const file of titleFiles) {
    const title = JSON.parse(readFileSync(`${root}data/titles/${file}`, "utf8"));
    reports.push(evaluate({ asOf: "2026-12-06", title: title.code, path: "continuous", training: { coherent: true } }, [title]));
  }
  for (const bad of [{ asOf: "x", path: "vae" }, { asOf: "2026-12-06", path: "nowhere" }, { asOf: "2026-12-06", path: "discontinuous", held: [{ ccp: "?", obtained: "2020-01-01" }] }]) {
    try {
      evaluate(bad);
    } catch (e) {
      errors.push({ name: e.name, message: e.message, ...e });
    }
  }
  return { reports, errors };
}

test("types.d.ts describes the reports, errors, catalogue and title data the core really gives", () => {
  const { reports, errors } = collect();
  assert.ok(reports.length > scenarios.length, `${reports.length} reports`);
  assert.equal(errors.length, 3);
  const dir = mkdtempSync(join(tmpdir(), "tp-types-"));
  copyFileSync(`${root}www/types.d.ts`, join(dir, "types.d.ts"));
  const titles = titleFiles.map((f) => readFileSync(`${root}data/titles/${f}`, "utf8"));
  writeFileSync(join(dir, "check.ts"), [
    `import type { Report, EligibilityError, Catalog, TitleData, TitleIndex } from "./types";`,
    `export const reports: Report[] = ${JSON.stringify(reports)};`,
    `export const errors: EligibilityError[] = ${JSON.stringify(errors)};`,
    `export const builtin: Catalog = ${JSON.stringify(catalog())};`,
    `export const titles: TitleData[] = [${titles.join(",\n")}];`,
    `export const index: TitleIndex = ${readFileSync(`${root}data/titles/index.json`, "utf8")};`,
  ].join("\n"));
  const program = ts.createProgram([join(dir, "check.ts")], {
    noEmit: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ["lib.es2022.d.ts"], types: [],
  });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n").slice(0, 600)}`;
  });
  assert.deepEqual([...new Set(problems)].slice(0, 12), [], `${problems.length} type errors`);
});

test("the check fails on a report the types do not describe", () => {
  const dir = mkdtempSync(join(tmpdir(), "tp-types-"));
  copyFileSync(`${root}www/types.d.ts`, join(dir, "types.d.ts"));
  const report = collect().reports[0];
  const wrong = { ...report, status: "maybe", extra: 1 };
  delete wrong.answer;
  writeFileSync(join(dir, "check.ts"), `import type { Report } from "./types";\nexport const r: Report = ${JSON.stringify(wrong)};\n`);
  const program = ts.createProgram([join(dir, "check.ts")], { noEmit: true, strict: true, moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, types: [] });
  const text = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n");
  assert.match(text, /"maybe"/);
});
