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
	$(shell find src style public crates/model/src -type f)

.PHONY: run test bootstrap bootstrap-build dist lint test-native test-browser

## run: build the SPA (release) and serve it with the API on $(ADDRESS)
run: bootstrap-build dist
	cargo run --release -p customer-api -- serve \
		--bind $(ADDRESS) --database-url $(DATABASE_URL) --spa-dir dist

## test: every suite — formatting, clippy, native, end-to-end, browser
test: bootstrap
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory dist
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory test-browser

bootstrap:
	@scripts/bootstrap.sh

# Building and serving needs no browser.
bootstrap-build:
	@INSTALL_BROWSER=0 scripts/bootstrap.sh

dist: dist/index.html

dist/index.html: $(SPA_SOURCES)
	trunk build --release

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p customer-wizard --all-targets $(WASM) -- -D warnings

# Model and server unit and integration tests, and the end-to-end test
# (real server + dist/ + Chromium over WebDriver).
test-native:
	cargo test --workspace

# Component tests in headless Chromium. No `-q`: cargo would pass it on to
# wasm-bindgen-test-runner, which rejects it.
test-browser:
	cargo test -p customer-wizard $(WASM) --test web
