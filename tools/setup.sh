#!/usr/bin/env bash
# Installs what `make serve` and `make test` need and a fresh machine lacks: the wasm32 target,
# pinned wasm-pack and wasm-bindgen-cli, the npm dev packages, and (for browser tests, as root)
# Debian's Chromium. Each step is skipped when already done. Needs: rustup, Node 20 with npm.
set -euo pipefail
cd "$(dirname "$0")/.."
WASM_PACK_VERSION=0.15.1
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done
if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION (about 3 minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3.5 minutes)"
  # --locked, as wasm-pack. The registry mirror of the machines this was built on lacks one locked
  # version (webpki-roots 1.0.11); only there, and said so, cargo resolves the versions itself.
  if ! cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked; then
    say "wasm-bindgen-cli: --locked failed (a locked version missing from the registry); resolving versions instead"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev packages (binaryen, esbuild, playwright-core, axe-core, fast-check)"
  # No package's install script runs: none is needed (esbuild finds its binary package itself).
  npm ci --ignore-scripts --no-audit --no-fund
fi
# CHROMIUM names another Chromium-based browser (a CI runner's Chrome); tests/browser use it.
if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null && [ ! -x "${CHROMIUM:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is needed for the browser tests: install Debian's package 'chromium' (as root)." >&2
    exit 1
  fi
fi
