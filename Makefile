# The two commands of the README: `make serve` and `make test`. Both do their own set-up.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
PKG := www/pkg
WASM := $(PKG)/tp_eligibility_bg.wasm
PORT ?= 8080
# Features of wasm32 that rustc emits by default; wasm-opt must accept them.
WASM_FEATURES := --enable-bulk-memory --enable-reference-types --enable-multivalue --enable-sign-ext \
  --enable-nontrapping-float-to-int --enable-mutable-globals

.PHONY: setup build serve test lint test-native test-wasm test-js test-browser bench fuzz clean data data-refresh

setup:
	@tools/setup.sh

# The wasm package for the page: wasm-pack (wasm-opt off, see Cargo.toml), then wasm-opt -Oz
# --converge (passes repeated while they gain: 1 KB gzip for 2 s of build, README "Performance");
# then the site to publish, target/site/: www/ with its JS and CSS minified, its JSON compact
# (tools/site.mjs).
build: setup
	wasm-pack build --target web --release --out-dir $(PKG) --out-name tp_eligibility --no-pack -- --locked
	node_modules/.bin/wasm-opt -Oz --converge $(WASM_FEATURES) --strip-debug --strip-producers $(WASM) -o $(WASM)
	rm -rf www/titles && cp -r data/titles www/titles
	mkdir -p www/vendor && cp node_modules/uqr/dist/index.mjs www/vendor/uqr.mjs && cp node_modules/uqr/LICENSE www/vendor/uqr.LICENSE
	node tools/messages.mjs
	@ls -l $(WASM) | awk '{print "[build] wasm: " $$5 " bytes"}'
	node tools/site.mjs

# Title data for every TP, from the register's files listed in data/sources.json (see data/rncp/).
data:
	cargo run --locked --quiet -- import --sources data/sources.json --out data/titles

# The register's newest daily export (data.gouv.fr, or RNCP_DATASET_API for a local copy) into
# data/titles: README "Fresh register data". FORCE=1 passes the shrink gate.
RNCP_DATASET_API ?= https://www.data.gouv.fr/api/1/datasets/5eebbc067a14b6fecc9c9976/
data-refresh:
	RNCP_DATASET_API=$(RNCP_DATASET_API) node tools/refresh.mjs $(if $(FORCE),--force)

serve: build
	@echo "Open http://127.0.0.1:$(PORT)/"
	node tools/serve.mjs $(PORT) target/site

test: lint test-native test-wasm test-js test-browser

# Formatting and lints are the tools' work (rustfmt.toml), for the native and the wasm build.
lint: setup
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --lib --target wasm32-unknown-unknown -- -D warnings

# Unit, integration and doc tests (the benchmark target is left to `make bench`).
test-native:
	cargo test --locked

test-wasm: setup
	wasm-pack test --node

# The wasm door under hostile JavaScript values (fast-check), on the wasm the page ships.
test-js: build
	node --test tests/js/

test-browser: build
	@tools/setup.sh --browser
	node --test --test-concurrency=1 tests/browser/

# Fuzzing (not part of `make test`): FUZZ_SECONDS per target, default 300.
fuzz: build
	FC_RUNS=$(or $(FC_RUNS),20000) node --test tests/js/
	tools/fuzz.sh $(or $(FUZZ_SECONDS),300)

bench: build
	node tools/bench.mjs

clean:
	cargo clean
	rm -rf $(PKG) node_modules test-results
