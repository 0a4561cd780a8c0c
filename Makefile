# `make run` and `make test` are all a newcomer needs; both bootstrap first.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

export PATH := $(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT ?= 120

ADDRESS ?= 127.0.0.1:8080
DATABASE_URL ?= sqlite://data/customer-api.db
WASM := --target wasm32-unknown-unknown

# Everything the release build of the SPA is made from.
SPA_SOURCES := index.html Trunk.toml Cargo.toml Cargo.lock crates/model/Cargo.toml \
	$(shell find src style public js crates/model/src -type f)

COUNTRY_RULES_VENV := target/country-rules-venv

.PHONY: run test bootstrap bootstrap-build dist lint test-native test-api-fuzz test-browser country-rules check-country-rules bench bench-levers

## run: build the SPA (release) and serve it with the demo API on $(ADDRESS)
run: bootstrap-build dist
	cargo run --release -p customer-api -- serve \
		--bind $(ADDRESS) --database-url $(DATABASE_URL) --spa-dir dist --demo

## test: every suite — formatting, clippy, native, end-to-end, browser
test: bootstrap
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory check-country-rules
	$(MAKE) --no-print-directory dist
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory test-api-fuzz
	$(MAKE) --no-print-directory test-browser

bootstrap:
	@scripts/bootstrap.sh

# Building and serving needs no browser.
bootstrap-build:
	@INSTALL_BROWSER=0 scripts/bootstrap.sh

dist: dist/index.html

# The release SPA is built with its own std, made for size, with panics
# that stop the app at once (no unwinding, no messages: js/crash.js tells the
# user instead) and with Leptos' components type-erased (`erase_components`);
# -Z flags on the stable toolchain need RUSTC_BOOTSTRAP. Its own
# target dir, so that no other build is rebuilt with these flags. Each
# lever's effect: `make bench-levers`.
# The pages not needed to start adding a customer are split off into wasm
# files fetched when opened (the `split` feature, `pages::lazy_route`):
# scripts/split/wasm-bindgen, first on PATH, splits the linked wasm, which
# needs the linker's relocations (--emit-relocs), and Trunk's post_build
# hook (scripts/split/stage.mjs) adds the pieces to dist/.
SPA_RUSTFLAGS := -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none --cfg erase_components \
	-Clink-args=--emit-relocs
dist/index.html: $(SPA_SOURCES) $(wildcard scripts/split/*) scripts/minify/minify.mjs scripts/minify/package-lock.json
	PATH="$(CURDIR)/scripts/split:$$PATH" WASM_SPLIT_DIR="$(CURDIR)/target/spa/wasm-split" \
	RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=target/spa \
	CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$(SPA_RUSTFLAGS)" \
	trunk build --release --features split

# The per-country rules the API serves, generated from pinned registry
# packages (libaddressinput data, libphonenumber, CLDR).
$(COUNTRY_RULES_VENV)/installed: scripts/country-rules/requirements.txt
	python3 -m venv $(COUNTRY_RULES_VENV)
	$(COUNTRY_RULES_VENV)/bin/pip install --quiet --disable-pip-version-check -r $<
	touch $@

## country-rules: regenerate crates/server/data/country-rules.json
country-rules: $(COUNTRY_RULES_VENV)/installed
	$(COUNTRY_RULES_VENV)/bin/python scripts/country-rules/generate.py

# Re-running the generator must reproduce the committed file byte for byte.
check-country-rules: $(COUNTRY_RULES_VENV)/installed
	$(COUNTRY_RULES_VENV)/bin/python scripts/country-rules/generate.py --check

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p customer-wizard --all-targets $(WASM) -- -D warnings
	cargo clippy -p customer-wizard --all-targets $(WASM) --features split -- -D warnings
	cargo check --quiet --manifest-path crates/model/fuzz/Cargo.toml

# Model and server unit and integration tests, and the end-to-end test
# (real server + dist/ + Chromium over WebDriver); then the server's
# integration tests again on PostgreSQL (installed and started if missing).
# The API tests that start the server binary (crash, attacks) start the
# release build, as deployed. A cluster that cannot start stops here, with
# postgres.sh's reason.
test-native: export API_TEST_SERVER_BIN := $(CURDIR)/target/release/customer-api
test-native:
	cargo build --release -p customer-api
	cargo test --workspace
	url=$$(scripts/postgres.sh) && TEST_POSTGRES_URL=$$url cargo test -p customer-api --test api

# schemathesis against the real server and its own /openapi.json (bounded: 60 s).
test-api-fuzz:
	scripts/schemathesis.sh

# Component tests in headless Chromium. No `-q`: cargo would pass it on to
# wasm-bindgen-test-runner, which rejects it.
test-browser:
	cargo test -p customer-wizard $(WASM) --test web

## bench: every benchmark against the release builds on loopback → BENCHMARKS.md;
## fails when the first load is over 250,000 B of gzip (scripts/bench/run.sh)
bench: bootstrap dist
	scripts/bench/run.sh

## bench-levers: the first load built with and without each size lever
## (scripts/bench/levers.sh → target/bench/levers.md; about 8 min)
bench-levers: bootstrap
	SPA_RUSTFLAGS="$(SPA_RUSTFLAGS)" scripts/bench/levers.sh
