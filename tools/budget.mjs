// The engine's size budget: the wasm and its JS glue, gzip -9, may not grow past this figure
// (the one reached on 2026-11-30: 94.6 KB, and a little room). Checked by tests/js/size.test.mjs
// in `make test`, shown by `make bench`.
export const ENGINE_BUDGET = 96 * 1024;
