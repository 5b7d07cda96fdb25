// `make data-refresh`: fetch the register's newest daily export and refresh data/titles from it.
//
//   node tools/refresh.mjs [--force] [--data DIR]
//
// 1. Reads the dataset's description from RNCP_DATASET_API (data.gouv.fr's JSON by default; any
//    HTTP server serving the same JSON and zips will do, e.g. a local copy for offline work).
// 2. Picks the newest resource titled `export-fiches-rncp-v4-1-YYYY-MM-DD.zip` (the `rs` and `csv`
//    exports are other things), downloads it into DIR/rncp/export/ (streamed to disk, then renamed:
//    a cut download never passes for a whole one; older exports there are removed).
// 3. Runs the importer on it (`tp-eligibility import --sources DIR/sources.json --export ZIP ...`),
//    which streams the XML out of the zip, checks the safety gates, prints what changed, writes
//    DIR/titles whole or not at all, and records the export's provenance in DIR/refresh.json.
// The importer is `cargo run --locked --release --quiet --` unless TP_ELIGIBILITY_BIN names a binary.
// Exit status: the importer's (0 done, 2 refused or failed); 2 when the download fails.
import { createWriteStream, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { spawnSync } from "node:child_process";
import { basename, join, resolve } from "node:path";

const DEFAULT_API = "https://www.data.gouv.fr/api/1/datasets/5eebbc067a14b6fecc9c9976/";
const EXPORT = /^export-fiches-rncp-v4-1-(\d{4}-\d{2}-\d{2})\.zip$/;

/** The newest RNCP v4.1 export among a dataset's resources, or null. */
export function newestExport(resources) {
  const candidates = (resources ?? [])
    .map((r) => ({ r, name: [r?.title, r?.url && new URL(r.url, "http://x/").pathname.split("/").pop()].find((n) => EXPORT.test(n ?? "")) }))
    .filter((c) => c.name && typeof c.r.url === "string");
  candidates.sort((a, b) => b.name.localeCompare(a.name));
  return candidates[0] ? { name: candidates[0].name, url: candidates[0].r.url, date: EXPORT.exec(candidates[0].name)[1] } : null;
}

function fail(message) {
  console.error(`erreur / error: ${message}`);
  process.exit(2);
}

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const at = args.indexOf("--data");
  const data = resolve(at >= 0 ? args[at + 1] : "data");
  const api = process.env.RNCP_DATASET_API || DEFAULT_API;
  let dataset;
  try {
    const response = await fetch(api, { headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    dataset = await response.json();
  } catch (e) {
    fail(`description du jeu de données illisible (${api}) : ${e.message} / cannot read the dataset's description (${api}): ${e.message}`);
  }
  const newest = newestExport(dataset?.resources);
  if (!newest) fail(`aucune ressource export-fiches-rncp-v4-1-AAAA-MM-JJ.zip dans ${api} / no export-fiches-rncp-v4-1-YYYY-MM-DD.zip resource in ${api}`);
  const dir = join(data, "rncp", "export");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, newest.name);
  const url = new URL(newest.url, api).href;
  console.log(`export ${newest.name} (${newest.date}) ← ${url}`);
  try {
    const response = await fetch(url);
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    await pipeline(Readable.fromWeb(response.body), createWriteStream(`${file}.part`));
    renameSync(`${file}.part`, file);
  } catch (e) {
    rmSync(`${file}.part`, { force: true });
    fail(`téléchargement impossible : ${e.message} / download failed: ${e.message}`);
  }
  const bin = process.env.TP_ELIGIBILITY_BIN;
  const command = bin ? [bin] : ["cargo", "run", "--locked", "--release", "--quiet", "--"];
  const importer = [...command, "import", "--sources", join(data, "sources.json"), "--export", file, "--export-url", url,
    "--out", join(data, "titles"), ...(force ? ["--force"] : [])];
  const run = spawnSync(importer[0], importer.slice(1), { stdio: "inherit" });
  // The export the data now comes from stays (data/refresh.json names it); older ones go. After a
  // refusal, the new one goes and the recorded one stays.
  const recorded = () => {
    try { return basename(JSON.parse(readFileSync(join(data, "refresh.json"), "utf8")).export.file); } catch { return null; }
  };
  const keep = run.status === 0 ? newest.name : recorded();
  for (const name of readdirSync(dir)) if (name !== keep) rmSync(join(dir, name), { force: true });
  process.exit(run.status ?? 2);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
