// The site as a static host must publish it (issue 19): the engine named by its content, and the
// headers of tools/headers.mjs written for the host (`_headers`, `nginx.conf`) and sent by the dev
// server alike; the dev server refuses a foreign Host (DNS rebinding, issue 20).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { basename } from "node:path";
import { SITE, siteWasm } from "../../tools/site.mjs";
import { serve } from "../../tools/serve.mjs";
import { CSP } from "../../tools/headers.mjs";

const read = (name) => readFileSync(`${SITE}/${name}`, "utf8");

/** Block of a `_headers` rule for `path`. */
function rule(text, path) {
  const lines = text.split("\n");
  const at = lines.indexOf(path);
  assert.ok(at >= 0, `no rule for ${path}`);
  const block = [];
  for (const line of lines.slice(at + 1)) { if (!line.startsWith("  ")) break; block.push(line.trim()); }
  return block;
}

test("the engine is named by its content and every reference follows it", () => {
  const wasm = basename(siteWasm());
  assert.match(wasm, /^tp_eligibility\.[0-9a-f]{12}\.wasm$/);
  assert.ok(read("engine.js").includes(`wasm/${wasm}`));
  assert.ok(read("index.html").includes(`wasm/${wasm}`), "the preload follows");
});

test("the static host files carry the CSP, nosniff, the referrer policy, CORS and the caches", () => {
  const headers = read("_headers");
  const page = rule(headers, "/index.html");
  assert.ok(page.includes(`Content-Security-Policy: ${CSP}`) && CSP.includes("'wasm-unsafe-eval'") && CSP.includes("frame-ancestors"));
  assert.ok(page.includes("X-Content-Type-Options: nosniff") && page.includes("Referrer-Policy: no-referrer") && page.includes("Cache-Control: no-cache"));
  assert.ok(!page.some((l) => l.startsWith("Access-Control")), "never CORS on a page");
  assert.deepEqual(rule(headers, "/").filter((l) => l.startsWith("Content-Security")), [`Content-Security-Policy: ${CSP}`]);
  assert.ok(rule(headers, "/titles/*").includes("Cache-Control: public, max-age=300, must-revalidate"));
  assert.ok(rule(headers, "/titles/*").includes("Access-Control-Allow-Origin: *"));
  assert.ok(rule(headers, "/wasm/*").includes("Cache-Control: public, max-age=31536000, immutable"));
  assert.ok(rule(headers, "/element.js").includes("Access-Control-Allow-Origin: *"));
  const nginx = read("nginx.conf");
  assert.match(nginx, /location = \/index.html \{[^}]*Content-Security-Policy "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(nginx, /location \^~ \/wasm\/ \{[^}]*immutable/);
  assert.match(nginx, /location \^~ \/titles\/ \{[^}]*X-Content-Type-Options "nosniff"[^}]*max-age=300/, "each location repeats every header");
});

function get(port, path, host) {
  return new Promise((ok, ko) => request({ host: "127.0.0.1", port, path, headers: host ? { host } : {} }, (res) => {
    res.resume();
    res.on("end", () => ok(res));
  }).on("error", ko).end());
}

test("the dev server sends the same headers (but no-store) and refuses a foreign Host", async () => {
  const server = await serve(0, SITE);
  const port = server.address().port;
  try {
    const page = await get(port, "/index.html");
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers["content-security-policy"], CSP);
    assert.equal(page.headers["referrer-policy"], "no-referrer");
    assert.equal(page.headers["cache-control"], "no-store");
    assert.equal((await get(port, "/titles/index.json")).headers["access-control-allow-origin"], "*");
    assert.equal((await get(port, "/index.html", `localhost:${port}`)).statusCode, 200);
    assert.equal((await get(port, "/index.html", "evil.example")).statusCode, 400, "DNS rebinding");
    assert.equal((await get(port, "/index.html", `evil.example:${port}`)).statusCode, 400);
  } finally {
    server.close();
  }
});
