// A small static server for the site (target/site/, built from www/ by `make build`; no
// dependency), as safe as the static host it imitates: correct MIME types (application/wasm), gzip
// when the browser accepts it, no caching, loopback only.
// - a URL that cannot be decoded, or that resolves outside the root (`..`, `%2f`, a symlink), is
//   refused (400, 403): paths are resolved, then checked against the root with a separator;
// - the page's Content-Security-Policy is sent as a header too, with `frame-ancestors` letting
//   careers sites embed the page (any HTTPS site, and local development), and
//   `X-Content-Type-Options: nosniff` on every file;
// - cross-origin reads (CORS) are allowed only for what the <tp-eligibility> element loads from a
//   host page: its modules, the wasm, the title data and the stylesheet; never for HTML pages.
// Usage: node tools/serve.mjs [port] [root]
import { createServer } from "node:http";
import { readFile, realpath, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml", ".png": "image/png", ".ts": "text/plain; charset=utf-8", ".txt": "text/plain; charset=utf-8",
};

/** The page's policy (also in its <meta>), plus what only a header can say. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; form-action 'none'; "
  + "frame-ancestors 'self' https: http://127.0.0.1:* http://localhost:*";

/** What a host page's <tp-eligibility> element fetches from us, cross-origin. */
const SHARED = /^\/(element|engine|calculator|view|model|share|i18n|theme)\.js$|^\/pkg\/|^\/titles\/|^\/style\.css$|^\/embed\.js$/;

function refuse(res, code, text) {
  res.writeHead(code, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" }).end(text);
}

export async function serve(port, root, host = "127.0.0.1") {
  const base = await realpath(resolve(root));
  const inside = (path) => path === base || path.startsWith(base + sep);
  const cache = new Map(); // file → its last content and gzip, so a file is compressed once
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      refuse(res, 400, "bad request");
      return;
    }
    if (path.includes("\0")) { refuse(res, 400, "bad request"); return; }
    let file = resolve(base, `.${path}`);
    if (!inside(file)) { refuse(res, 403, "forbidden"); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const real = await realpath(file);
      if (!inside(real)) { refuse(res, 403, "forbidden"); return; }
      const raw = await readFile(real);
      let body = raw;
      const ext = extname(real);
      const headers = { "content-type": types[ext] ?? "application/octet-stream", "cache-control": "no-store", "x-content-type-options": "nosniff" };
      if (ext === ".html") headers["content-security-policy"] = CSP;
      if (SHARED.test(path)) headers["access-control-allow-origin"] = "*";
      if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "") && ext !== ".png") {
        const hit = cache.get(real);
        body = hit?.raw.equals(raw) ? hit.gz : gzipSync(raw, { level: 9 });
        cache.set(real, { raw, gz: body });
        headers["content-encoding"] = "gzip";
        headers.vary = "accept-encoding";
      }
      headers["content-length"] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      refuse(res, 404, "not found");
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const root = process.argv[3] ?? "target/site";
  await serve(port, root);
  console.log(`Serving ${root} on http://127.0.0.1:${port}/`);
}
