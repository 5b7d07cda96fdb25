// `make bench`: one table of sizes, evaluation speeds, page timings and import figures, measured in
// one run, with each target met or not. Sizes are gzip -9. Publicodes (the engine a team would
// pick instead) is installed under bench/ for this comparison only. Timings are medians, compared
// as ratios where the machine is noisy. See README "Performance" for the latest figures.
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import os from "node:os";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { ARGS } from "../tests/browser/helpers.mjs";
import { ENGINE_BUDGET } from "./budget.mjs";
import { SITE, siteWasm } from "./site.mjs";

const root = new URL("..", import.meta.url).pathname;
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [];
const row = (what, value, note = "") => rows.push([what, value, note]);
const target = (ok, text) => `${text} (${ok ? "met" : "NOT MET"})`;

// ---- sizes
if (!existsSync(`${root}bench/node_modules/publicodes`)) {
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--prefix", `${root}bench`], { stdio: "inherit" });
}
// Sizes are those of the site as it ships (target/site: JS and CSS minified, tools/site.mjs).
const wasmPath = siteWasm();
const wasmBytes = readFileSync(wasmPath);
const wasmGz = gz(wasmPath);
const glueGz = gz(`${SITE}/pkg/tp_eligibility.js`);
const engine = wasmGz + glueGz;
const publicodes = gz(`${root}bench/node_modules/publicodes/dist/index.js`);
row("wasm, raw / gzip -9", `${kb(wasmBytes.length)} / ${kb(wasmGz)}`, target(wasmGz <= 60 * 1024, "target ≤ 60 KB (issue 21); 90.6 KB before texts became data"));
row("JS glue (wasm-bindgen, minified), gzip -9", kb(glueGz), `as generated: ${kb(gz(`${root}www/pkg/tp_eligibility.js`))}`);
row("wasm + glue, gzip -9 (the wasm writes texts as data)", kb(engine), `CI budget ${kb(ENGINE_BUDGET)}`);
// The engine as issue 21 counts it: what it takes to put a report in words in the page's language.
const renderer = gz(`${SITE}/messages.js`);
const catalogueFr = gz(`${SITE}/messages/fr.json`);
const fullEngine = engine + renderer + catalogueFr;
row("engine = wasm + glue + renderer (messages.js) + French catalogue, gzip -9", kb(fullEngine),
  target(fullEngine <= 64 * 1024, `target ≤ 64 KB (issue 21); renderer ${kb(renderer)}, catalogue ${kb(catalogueFr)} (page texts included)`));
row("publicodes 1.10.3 engine (dist/index.js), gzip -9", kb(publicodes), "rules and UI not included");
row("ratio ours (engine) / publicodes", (fullEngine / publicodes).toFixed(2), target(fullEngine / publicodes <= 1, "the team's goal ≤ 1.0"));

const pageFiles = ["index.html", "app.js", "calculator.js", "calendar.js", "view.js", "model.js", "engine.js", "share.js", "i18n.js", "theme.js", "style.css"];
const pageGz = pageFiles.reduce((sum, f) => sum + gz(`${SITE}/${f}`), 0);
const pageSourceGz = pageFiles.reduce((sum, f) => sum + gz(`${root}www/${f}`), 0);
row("page's own HTML+JS+CSS (JS and CSS minified), gzip -9", kb(pageGz), `${pageFiles.length} files; as written: ${kb(pageSourceGz)}`);
row("a register title's data (36T32604.json), gzip -9", kb(gz(`${SITE}/titles/36T32604.json`)), "fetched when that title is chosen");
row("the title index (titles/index.json), gzip -9", kb(gz(`${SITE}/titles/index.json`)), "fetched when the picker is used");

// ---- evaluation: native, wasm in Node, boundary only (a build with the `bench` feature)
const native = JSON.parse(execFileSync("cargo", ["bench", "--quiet", "--bench", "evaluate"], { cwd: root, encoding: "utf8" }).trim().split("\n").at(-1));
const mix = JSON.parse(readFileSync(`${root}target/bench-mix.json`, "utf8"));
const benchPkg = `${root}target/bench-pkg`;
mkdirSync(benchPkg, { recursive: true });
execFileSync("wasm-pack", ["build", "--target", "web", "--release", "--out-dir", benchPkg, "--out-name", "tp", "--no-pack", "--", "--features", "bench"],
  { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
// Inside the wasm: code and data sections, and the largest items (twiggy, when installed), on the
// bench build optimised like the page's but with its function names kept.
function sections(bytes) {
  const out = {};
  let i = 8;
  const leb = () => { let r = 0, sh = 0, b; do { b = bytes[i++]; r |= (b & 0x7f) << sh; sh += 7; } while (b & 0x80); return r; };
  while (i < bytes.length) {
    const id = bytes[i++];
    const size = leb();
    const name = { 10: "code", 11: "data" }[id] ?? "other";
    out[name] = (out[name] ?? 0) + size;
    i += size;
  }
  return out;
}
const s = sections(wasmBytes);
row("inside the wasm: code / data sections", `${kb(s.code ?? 0)} / ${kb(s.data ?? 0)}`, "data: texts in both languages and the default title");
try {
  const named = `${root}target/named.wasm`;
  execFileSync(`${root}node_modules/.bin/wasm-opt`, ["-Oz", "--converge", "-g", "--enable-bulk-memory", "--enable-reference-types", "--enable-multivalue",
    "--enable-sign-ext", "--enable-nontrapping-float-to-int", "--enable-mutable-globals", `${benchPkg}/tp_bg.wasm`, "-o", named]);
  const top = execFileSync("twiggy", ["top", "-n", "12", named], { encoding: "utf8" }).split("\n")
    .map((line) => /^\s*(\d+) ┊\s*[\d.]+% ┊ (.+)$/.exec(line)).filter(Boolean)
    .filter(([, , name]) => !/^(Σ|\.\.\.|"function names")/.test(name)).slice(0, 6)
    .map(([, size, name]) => `${name.replace(/::h[0-9a-f]{16}$/, "").replace(/^.*::(?=\w+$)/, "").slice(0, 40)} ${kb(Number(size))}`);
  row("largest items (twiggy top, raw)", "", top.join("; "));
} catch {
  row("largest items (twiggy top)", "—", "install twiggy (cargo install twiggy) for this line");
}
const pkg = await import(`${benchPkg}/tp.js`);
await pkg.default({ module_or_path: readFileSync(`${benchPkg}/tp_bg.wasm`) });
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
row(`native evaluate, µs/call (median, ${native.situations} situations; every route is evaluated for otherRoutes)`, (native.nativeNsPerCall / 1000).toFixed(1));
row("wasm evaluate in Node, µs/call", (wasmNs / 1000).toFixed(1));
row("JS/wasm boundary only (read the situation, write a fixed report, JSON.parse it), µs/call", (boundaryNs / 1000).toFixed(1),
  target(boundaryNs <= 26800, "target ≤ 26.8, half of the 53.6 µs when issue 21 was filed"));
const fixedText = JSON.stringify(pkg.benchBoundary(mix[0]));
row(`  of which JSON.parse of that report's text alone (${(fixedText.length / 1024).toFixed(1)} KB), µs/call`,
  (timed(() => JSON.parse(fixedText)) / 1000).toFixed(1), "what any JSON boundary pays for a report this size");
row("ratio wasm / native", (wasmNs / native.nativeNsPerCall).toFixed(2));
row("ratio evaluate / boundary only", (wasmNs / boundaryNs).toFixed(2), target(wasmNs / boundaryNs <= 1.5, "target ≤ 1.5"));

// ---- evaluation bounded by the data (issue 20): the worst title data within the limits
// (benches/worst.rs), the worst situation against a normal one with the same data, natively, in
// the wasm (title data passed at each call, as an integrator does) and through the command line.
const worst = JSON.parse(execFileSync("cargo", ["bench", "--quiet", "--bench", "worst_case"], { cwd: root, encoding: "utf8" }).trim().split("\n").at(-1));
const worstTitle = JSON.parse(readFileSync(`${root}target/worst-title.json`, "utf8"));
const [worstSituation, normalSituation] = ["worst", "normal"].map((k) => JSON.parse(readFileSync(`${root}target/${k}-situation.json`, "utf8")));
const once = (fn) => { const t = performance.now(); fn(); return performance.now() - t; };
const timesOf = (fn, n = 5) => median(Array.from({ length: n }, () => once(fn)));
const wasmWorst = timesOf(() => pkg.evaluate(worstSituation, worstTitle));
const wasmNormal = timesOf(() => pkg.evaluate(normalSituation, worstTitle));
execFileSync("cargo", ["build", "--release", "--quiet"], { cwd: root });
const cli = (k) => timesOf(() => execFileSync(`${root}target/release/tp-eligibility`, ["--titles", `${root}target/worst-title.json`, `${root}target/${k}-situation.json`]), 3);
const [cliWorst, cliNormal] = [cli("worst"), cli("normal")];
row(`worst title data within the limits (${(worst.titleBytes / 1e6).toFixed(1)} MB): native evaluate, worst / normal situation, ms`,
  `${(worst.worstUs / 1000).toFixed(1)} / ${(worst.normalUs / 1000).toFixed(1)}`);
row("  ratio worst / normal, native", (worst.worstUs / worst.normalUs).toFixed(1), target(worst.worstUs / worst.normalUs <= 50, "target ≤ 50"));
row("  wasm evaluate with that title data, worst / normal, ms", `${wasmWorst.toFixed(0)} / ${wasmNormal.toFixed(0)}`);
row("  ratio worst / normal, wasm", (wasmWorst / wasmNormal).toFixed(1), target(wasmWorst / wasmNormal <= 50, "target ≤ 50"));
row("  command line (--titles), worst / normal, ms", `${cliWorst.toFixed(0)} / ${cliNormal.toFixed(0)}`);
row("  ratio worst / normal, command line", (cliWorst / cliNormal).toFixed(1), target(cliWorst / cliNormal <= 50, "target ≤ 50"));
row("  slowest call of these, ms", Math.max(wasmWorst, cliWorst, worst.worstUs / 1000).toFixed(0), target(Math.max(wasmWorst, cliWorst) <= 2000, "target < 2,000"));
row("  reading + validating title data, bytes/µs at 8 / 16 / 32 / 64 versions",
  worst.reading.map((r) => (r.bytes / r.us).toFixed(0)).join(" / "), "linear in the size: about constant");

// ---- page: first result after navigation, default title and a title from the address
const server = await serve(0, SITE);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS });
const base64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
const version = pkg.catalog().rulesVersion;
async function firstResult(url) {
  const firsts = [];
  let before = 0;
  for (let i = 0; i < 10; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let bytes = 0;
    let done = false;
    page.on("response", (r) => { if (!done) bytes += Number(r.headers()["content-length"] ?? 0); });
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName("tp-first-result").length > 0);
    done = true;
    firsts.push(await page.evaluate(() => performance.getEntriesByName("tp-first-result")[0].startTime));
    before = bytes;
    await context.close();
  }
  return { ms: median(firsts), bytes: before };
}
const defaultLink = `${origin}/#v=${version}&s=${base64({ asOf: "2026-11-27", path: "discontinuous", held: [{ ccp: "2022-CCP1", obtained: "2024-06-14" }] })}`;
const otherLink = `${origin}/?title=RNCP37674#v=${version}&s=${base64({ asOf: "2026-11-27", path: "discontinuous", held: [{ ccp: "RNCP31114BC01", obtained: "2022-06-01" }] })}`;
// The page's own share links name the title by its code, whose file is fetched without the index.
const sharedLink = otherLink.replace("title=RNCP37674", "title=36T32604");
const d = await firstResult(defaultLink);
const o = await firstResult(otherLink);
const sh = await firstResult(sharedLink);
await browser.close();
server.close();
row("page: navigation → first result, default title, ms (median of 10 cold loads)", d.ms.toFixed(0), target(d.ms <= 200, "target ≤ 200"));
row("page: navigation → first result, a title from the address (?title=RNCP37674), ms", o.ms.toFixed(0), target(o.ms <= 200, "target ≤ 200"));
row("page: navigation → first result, a shared link (?title=36T32604, the title's code), ms", sh.ms.toFixed(0), target(sh.ms <= 200, "target ≤ 200"));
row("page: bytes on the wire before the first result (gzip, as served)", kb(d.bytes), target(d.bytes <= 85 * 1024, "target ≤ 85 KB (issue 21); 117.9 KB when it was filed"));
row("  the same, ?title=RNCP37674 / a shared link", `${kb(o.bytes)} / ${kb(sh.bytes)}`, "the title index, then the title's file / its file alone");

// ---- the importer: a scaled XML file (≥ 25,000 fiches) against a bare streaming pass; peak memory
const imp = JSON.parse(execFileSync("cargo", ["bench", "--quiet", "--bench", "import"], { cwd: root, encoding: "utf8" }).trim().split("\n").at(-1));
execFileSync("cargo", ["build", "--release", "--quiet"], { cwd: root });
const stats = execFileSync(`${root}target/release/tp-eligibility`, ["import", "--xml", `${root}target/scaled.xml`, "--xml-date", "2026-08-01",
  "--out", `${root}target/scaled-titles`, "--quiet", "--stats"], { encoding: "utf8" });
const peak = Number(/"peakMemory": "(\d+) kB"/.exec(stats)?.[1] ?? NaN) / 1024;
row(`import: ${imp.fiches} fiches, ${(imp.bytes / 1e9).toFixed(2)} GB of XML, seconds (importer / bare quick-xml pass)`, `${imp.importSeconds} / ${imp.bareSeconds}`);
row("import: ratio importer / bare pass", (imp.importSeconds / imp.bareSeconds).toFixed(2), target(imp.importSeconds / imp.bareSeconds <= 2, "target ≤ 2"));
row("import: peak memory of the whole import, MB", peak.toFixed(1), target(peak <= 200, "target ≤ 200"));

// ---- the refresh: the same file zipped as the register publishes it, through `import --export`
// (with the seed sources and the curated title, in a copy of data/), against unzip + a bare pass.
const benchData = `${root}target/bench-data`;
rmSync(benchData, { recursive: true, force: true });
for (const part of ["sources.json", "rncp", "curated", "titles"]) cpSync(`${root}data/${part}`, `${benchData}/${part}`, { recursive: true });
const t0 = performance.now();
const refresh = execFileSync(`${root}target/release/tp-eligibility`, ["import", "--sources", `${benchData}/sources.json`, "--export", imp.zip,
  "--out", `${benchData}/titles`, "--quiet", "--stats"], { encoding: "utf8" });
const refreshSeconds = (performance.now() - t0) / 1000;
const refreshPeak = Number(/"peakMemory": "(\d+) kB"/.exec(refresh)?.[1] ?? NaN) / 1024;
row(`refresh: a zipped export of ${(imp.zipBytes / 1e6).toFixed(0)} MB (${(imp.bytes / 1e6).toFixed(0)} MB of XML), seconds (import --export / unzip + bare pass)`,
  `${refreshSeconds.toFixed(2)} / ${imp.zipBareSeconds}`);
row("refresh: ratio", (refreshSeconds / imp.zipBareSeconds).toFixed(2), target(refreshSeconds / imp.zipBareSeconds <= 2, "target ≤ 2"));
row("refresh: peak memory, MB", refreshPeak.toFixed(1), target(refreshPeak <= 200, "target ≤ 200"));

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\nmake bench — ${new Date().toISOString().slice(0, 10)} — ${os.cpus()[0].model.trim()}, ${os.cpus().length} cores, Node ${process.version}\n`);
for (const [what, value, note] of rows) console.log(`${what.padEnd(width)}  ${String(value).padStart(12)}  ${note}`);
