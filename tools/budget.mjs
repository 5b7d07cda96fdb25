// The engine's size budget: the wasm and its JS glue (minified, as the site ships it), gzip -9,
// may not grow past this figure (the one reached on 2026-11-30: 92.7 KB, and a little room).
// Checked by tests/js/size.test.mjs in `make test`, shown by `make bench`.
export const ENGINE_BUDGET = 94 * 1024;
