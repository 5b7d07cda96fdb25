// `make bench`: one table of sizes, evaluation speeds and page timings, measured in one run.
// Sizes are gzip -9. Publicodes (the engine a team would pick instead) is installed under bench/
// for this comparison only. Timings are medians; see README "Performance" for the latest figures.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import os from "node:os";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { ARGS } from "../tests/browser/helpers.mjs";

const root = new URL("..", import.meta.url).pathname;
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [];
const row = (what, value, note = "") => rows.push([what, value, note]);

// ---- sizes
if (!existsSync(`${root}bench/node_modules/publicodes`)) {
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--prefix", `${root}bench`], { stdio: "inherit" });
}
const wasmPath = `${root}www/pkg/tp_eligibility_bg.wasm`;
const wasmRaw = readFileSync(wasmPath).length;
const wasmGz = gz(wasmPath);
const glueGz = gz(`${root}www/pkg/tp_eligibility.js`);
const pageFiles = ["index.html", "app.js", "calculator.js", "i18n.js", "theme.js", "style.css"];
const pageGz = pageFiles.reduce((sum, f) => sum + gz(`${root}www/${f}`), 0);
const publicodes = gz(`${root}bench/node_modules/publicodes/dist/index.js`);
row("wasm, raw", kb(wasmRaw));
row("wasm, gzip -9", kb(wasmGz));
row("JS glue (wasm-bindgen), gzip -9", kb(glueGz));
row("engine = wasm + glue, gzip -9", kb(wasmGz + glueGz), `target ≤ 36 KB (${wasmGz + glueGz <= 36 * 1024 ? "met" : "not met"})`);
row("page's own HTML+JS+CSS, gzip -9", kb(pageGz), pageFiles.join(", "));
row("total shipped, gzip -9", kb(wasmGz + glueGz + pageGz));
row("publicodes 1.10.3 engine (dist/index.js), gzip -9", kb(publicodes), "rules and UI not included");
row("ratio ours (engine) / publicodes", ((wasmGz + glueGz) / publicodes).toFixed(2), "target ≤ 1.0");

// ---- evaluation: native, wasm in Node, boundary only
const native = JSON.parse(execFileSync("cargo", ["bench", "--quiet", "--bench", "evaluate"], { cwd: root, encoding: "utf8" }).trim().split("\n").at(-1));
const mix = JSON.parse(readFileSync(`${root}target/bench-mix.json`, "utf8"));
const pkg = await import(`${root}www/pkg/tp_eligibility.js`);
await pkg.default({ module_or_path: readFileSync(wasmPath) });
function timed(fn) {
  for (const s of mix) fn(s); // warm-up
  const rounds = [];
  for (let r = 0; r < 15; r++) {
    const start = performance.now();
    for (const s of mix) fn(s);
    rounds.push(((performance.now() - start) * 1e6) / mix.length);
  }
  return median(rounds);
}
const wasmNs = timed((s) => pkg.evaluate(s));
const boundaryNs = timed((s) => pkg.benchBoundary(s));
row(`native evaluate, ns/call (median, ${native.situations} situations)`, native.nativeNsPerCall.toFixed(0));
row("wasm evaluate in Node, ns/call", wasmNs.toFixed(0));
row("JS/wasm boundary only (read situation, write fixed report), ns/call", boundaryNs.toFixed(0));
row("ratio wasm / native", (wasmNs / native.nativeNsPerCall).toFixed(2));
row("ratio evaluate / boundary only", (wasmNs / boundaryNs).toFixed(2), `target ≤ 2 (${wasmNs / boundaryNs <= 2 ? "met" : "not met"})`);

// ---- page: first result for a prefilled share link, 10 cold loads
const server = await serve(0, `${root}www`);
const origin = `http://127.0.0.1:${server.address().port}`;
const situation = { asOf: "2026-11-27", path: "discontinuous", held: [{ ccp: "2022-CCP1", obtained: "2024-06-14" }, { ccp: "2022-CCP2", obtained: "2025-03-21" }] };
const link = `${origin}/#v=${pkg.catalog().rulesVersion}&s=${Buffer.from(JSON.stringify(situation)).toString("base64url")}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS });
const firsts = [];
let bytes = 0;
for (let i = 0; i < 10; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let transferred = 0;
  page.on("response", (r) => { transferred += Number(r.headers()["content-length"] ?? 0); });
  await page.goto(link);
  await page.waitForFunction(() => performance.getEntriesByName("tp-first-result").length > 0);
  firsts.push(await page.evaluate(() => performance.getEntriesByName("tp-first-result")[0].startTime));
  await page.waitForLoadState("networkidle");
  bytes = transferred;
  await context.close();
}
await browser.close();
server.close();
const firstMs = median(firsts);
row("page: navigation start → first result, ms (median of 10 cold loads)", firstMs.toFixed(0), `target ≤ 200 (${firstMs <= 200 ? "met" : "not met"})`);
row("page: bytes transferred (gzip, as served by make serve)", kb(bytes), "HTML, JS, CSS, wasm, icon");

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\nmake bench — ${new Date().toISOString().slice(0, 10)} — ${os.cpus()[0].model.trim()}, ${os.cpus().length} cores, Node ${process.version}\n`);
for (const [what, value, note] of rows) console.log(`${what.padEnd(width)}  ${String(value).padStart(10)}  ${note}`);
