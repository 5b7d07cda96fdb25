// A small static server for www/ (no dependency): correct MIME types (application/wasm), gzip
// when the browser accepts it (as any real host would), no caching, loopback only.
// Usage: node tools/serve.mjs [port] [root]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
const root = resolve(process.argv[3] ?? "www");
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml", ".png": "image/png", ".ts": "text/plain; charset=utf-8", ".txt": "text/plain; charset=utf-8",
};

export function serve(port, root, host = "127.0.0.1") {
  const cache = new Map(); // file → its last content and gzip, so a file is compressed once
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const raw = await readFile(file);
      let body = raw;
      // Public static files: host pages may load element.js, its wasm and page as modules (CORS).
      const headers = { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-store",
        "access-control-allow-origin": "*" };
      if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "") && extname(file) !== ".png") {
        const hit = cache.get(file);
        body = hit?.raw.equals(raw) ? hit.gz : gzipSync(raw, { level: 9 });
        cache.set(file, { raw, gz: body });
        headers["content-encoding"] = "gzip";
        headers.vary = "accept-encoding";
      }
      headers["content-length"] = body.length;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await serve(port, root);
  console.log(`Serving ${root} on http://127.0.0.1:${port}/`);
}
