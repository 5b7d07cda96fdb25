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
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
export const SITE = join(root, "target/site");

/** Every file under `dir`, recursively. */
const files = (dir) => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

export async function buildSite() {
  rmSync(SITE, { recursive: true, force: true });
  cpSync(join(root, "www"), SITE, { recursive: true });
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
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildSite();
  console.log(`[site] ${SITE}`);
}
