// The site to publish, target/site/: www/ as written (with the wasm package and the title data that
// `make build` puts in it), its JavaScript and CSS minified by esbuild one file at a time (the same
// names, the same module graph, the same page) and its JSON written compact (data/titles/ keeps
// the importer's indented files, which read well in a diff). What `make serve`, the browser tests
// and `make bench` serve, so that what is tested and measured is what ships.
//
// Why (issue 13): a visitor downloads the page's own files on every first visit; minified, they
// weigh about a quarter less gzip (README "Performance"). esbuild is a dev tool only: the page has
// no runtime dependency.
import { transform } from "esbuild";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { netlifyHeaders, nginxConf } from "./headers.mjs";

const root = new URL("..", import.meta.url).pathname;
export const SITE = join(root, "target/site");

/** Every file under `dir`, recursively. */
const files = (dir) => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

/** Where the built wasm is in www/, and the name its content gives it in the site. */
const BUILT_WASM = "pkg/tp_eligibility_bg.wasm";

/** The engine's wasm in the published site: `wasm/tp_eligibility.<hash>.wasm`. */
export function siteWasm() {
  const name = readdirSync(join(SITE, "wasm")).find((n) => n.endsWith(".wasm"));
  return join(SITE, "wasm", name);
}

/** The first question as static HTML, in every language (issue 22: on a slow network the page
 * shows it at once, with "preparing the calculator", before the engine is ready; app.js carries a
 * choice made there into the calculator). Its words are the catalogues'. */
function skeleton() {
  const escape = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const languages = JSON.parse(readFileSync(join(root, "messages/languages.json"), "utf8"));
  const parts = languages.map(({ code }) => {
    const m = JSON.parse(readFileSync(join(root, `messages/${code}.json`), "utf8"));
    const choices = ["continuous", "vae", "discontinuous", "ccs"].map((p) => `<label class="choice"><input type="radio" name="path" value="${p}">`
      + `<span><strong>${escape(m[`page.path.${p}.0`])}</strong><small>${escape(m[`page.path.${p}.1`])}</small></span></label>`).join("");
    return `<div lang="${code}"><p class="preparing" role="status">${escape(m["page.preparing"])}</p>`
      + `<fieldset class="card q"><legend>${escape(m["page.pathLegend"])}</legend><div class="choices">${choices}</div></fieldset></div>`;
  });
  return `<div id="skeleton" class="tp-calc skeleton">${parts.join("")}</div>`;
}

export async function buildSite() {
  rmSync(SITE, { recursive: true, force: true });
  cpSync(join(root, "www"), SITE, { recursive: true });
  const index = join(SITE, "index.html");
  writeFileSync(index, readFileSync(index, "utf8").replace("<!-- skeleton: tools/site.mjs writes the first question here -->", skeleton()));
  // The engine named by its content, so that hosts may cache it for a year (tools/headers.mjs).
  const hash = createHash("sha256").update(readFileSync(join(SITE, BUILT_WASM))).digest("hex").slice(0, 12);
  const hashed = `wasm/tp_eligibility.${hash}.wasm`;
  mkdirSync(join(SITE, "wasm"));
  renameSync(join(SITE, BUILT_WASM), join(SITE, hashed));
  for (const path of files(SITE).filter((p) => /\.(js|html)$/.test(p))) {
    const text = readFileSync(path, "utf8");
    if (text.includes(BUILT_WASM)) writeFileSync(path, text.replaceAll(BUILT_WASM, hashed));
  }
  // The element's stylesheet: style.css sized in pixels from its own 16 px root, not the host's
  // (under a theme's html { font-size: 62.5% }, 1rem is 10 px: issue 22). Media and container
  // queries too, so that its layout switches at the same widths on any host.
  writeFileSync(join(SITE, "element.css"), readFileSync(join(SITE, "style.css"), "utf8")
    .replace(/(-?\d*\.?\d+)rem\b/g, (_, n) => `${Math.round(Number(n) * 16 * 100) / 100}px`));
  for (const path of files(SITE)) {
    if (path.endsWith(".json")) {
      writeFileSync(path, JSON.stringify(JSON.parse(readFileSync(path, "utf8"))));
      continue;
    }
    const loader = /\.(js|css)$/.exec(path)?.[1];
    if (!loader) continue;
    // No `format`: module scripts stay modules, and embed.js stays a classic script.
    const { code } = await transform(readFileSync(path, "utf8"), { loader, minify: true, sourcefile: path });
    writeFileSync(path, code);
  }
  // The headers a static host must send, for every file published.
  const paths = files(SITE).map((p) => `/${relative(SITE, p).split("\\").join("/")}`).filter((p) => !p.endsWith("/.gitignore")).sort();
  writeFileSync(join(SITE, "_headers"), netlifyHeaders(paths));
  writeFileSync(join(SITE, "nginx.conf"), nginxConf(paths));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildSite();
  console.log(`[site] ${SITE}`);
}
