// A small static server for the site (target/site/, built from www/ by `make build`; no
// dependency), as safe as the static host it imitates: correct MIME types (application/wasm), gzip
// when the browser accepts it, no caching, loopback only.
// - a URL that cannot be decoded, or that resolves outside the root (`..`, `%2f`, a symlink), is
//   refused (400, 403): paths are resolved, then checked against the root with a separator;
// - the published site's headers (tools/headers.mjs: CSP with `frame-ancestors`, nosniff, referrer
//   policy, CORS only for what the <tp-eligibility> element loads), never cached here;
// - a request whose Host is not this server's address (DNS rebinding) is refused (400).
// Usage: node tools/serve.mjs [port] [root]
import { createServer } from "node:http";
import { readFile, realpath, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { CSP, headersFor } from "./headers.mjs";

export { CSP };

const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml", ".png": "image/png", ".ts": "text/plain; charset=utf-8", ".txt": "text/plain; charset=utf-8",
};

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
    // DNS rebinding: a page of another site that got a name resolving to this address is refused.
    if (!allowedHosts.has(String(req.headers.host ?? "").toLowerCase())) { refuse(res, 400, "bad host"); return; }
    let file = resolve(base, `.${path}`);
    if (!inside(file)) { refuse(res, 403, "forbidden"); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const real = await realpath(file);
      if (!inside(real)) { refuse(res, 403, "forbidden"); return; }
      const raw = await readFile(real);
      let body = raw;
      const ext = extname(real);
      // The published site's headers (tools/headers.mjs), but never cached here: edits show at once.
      const headers = { ...headersFor(path), "Cache-Control": "no-store",
        "Content-Type": types[ext] ?? "application/octet-stream" };
      if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "") && ext !== ".png") {
        const hit = cache.get(real);
        body = hit?.raw.equals(raw) ? hit.gz : gzipSync(raw, { level: 9 });
        cache.set(real, { raw, gz: body });
        headers["Content-Encoding"] = "gzip";
        headers.Vary = "accept-encoding";
      }
      headers["Content-Length"] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      refuse(res, 404, "not found");
    }
  });
  // The names this server answers to: its address and `localhost`, with the port it got.
  const allowedHosts = new Set();
  return new Promise((ok) => server.listen(port, host, () => {
    const bound = server.address().port;
    for (const name of [host, "localhost", "127.0.0.1"]) allowedHosts.add(`${name}:${bound}`);
    ok(server);
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const root = process.argv[3] ?? "target/site";
  await serve(port, root);
  console.log(`Serving ${root} on http://127.0.0.1:${port}/`);
}
