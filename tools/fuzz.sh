#!/usr/bin/env bash
# Fuzzes the JSON entry point and structured situations, each for $1 seconds (default 300), with a
# seed corpus taken from the scenario suite. Crashes land in fuzz/artifacts/<target>/; keep each one
# as a regression case in tests/data/bad-inputs.json or tests/scenarios/.
# cargo-fuzz needs nightly flags: RUSTC_BOOTSTRAP=1 lets the stable toolchain accept them; without
# a sanitizer (-s none), as the rules core is safe Rust and the fuzzers look for panics.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-300}
export PATH="$HOME/.cargo/bin:$PATH" RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
mkdir -p fuzz/corpus/json fuzz/corpus/structured
node -e '
  const fs = require("fs");
  for (const f of fs.readdirSync("tests/scenarios")) {
    const s = JSON.parse(fs.readFileSync(`tests/scenarios/${f}`, "utf8")).situation;
    fs.writeFileSync(`fuzz/corpus/json/${f}`, JSON.stringify(s));
  }'
for target in ${TARGETS:-json structured}; do
  cargo fuzz run -s none -O "$target" -- -max_total_time="$SECONDS_EACH" -max_len=4096 -print_final_stats=1 2>&1 \
    | grep -E "^(#[0-9]+\s+DONE|stat::number_of_executed_units|stat::average_exec_per_sec|==|SUMMARY|artifact)" || true
done
if find fuzz/artifacts -type f 2>/dev/null | grep -q .; then echo "crashes found: see fuzz/artifacts"; exit 1; else echo "no crash"; fi
