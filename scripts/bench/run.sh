#!/usr/bin/env bash
# run.sh — `make bench`: every benchmark of issue 8 against the release
# builds on loopback, written to BENCHMARKS.md.
#
# Needs the release SPA in dist/ (`make bench` builds it first) and Debian's
# Chromium (scripts/bootstrap.sh). Installs what else it needs, idempotently:
# Debian's wrk, and playwright-core (npm, pinned by scripts/bench/package-lock.json)
# into target/bench-node; it never downloads a browser.
#
# Bounded: about 5 min on 2 cores once built. The first-load gzip total over
# the budget (250,000 B) fails the command, after the report is written.
#
#   BENCH_RUNS       fresh pages per browser measurement [30]
#   BENCH_BATCH_RUNS fresh pages reading a 1,000-row file [3]
#   BENCH_SECONDS    seconds per API load test [8]
#   BENCH_REQUESTS   requests per API load test, at most [20000]
#   BENCH_POSTGRES   0 skips the PostgreSQL API runs [1]
set -Eeuo pipefail
cd "$(dirname "$0")/../.."

RUNS=${BENCH_RUNS:-30}
SECONDS_PER_TEST=${BENCH_SECONDS:-8}
MAX_REQUESTS=${BENCH_REQUESTS:-20000}
BIN=target/release/customer-api
OUT=target/bench
NODE_DIR=$PWD/target/bench-node
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
started=$(date +%s)
# Other work on the machine skews every figure: the report shows how busy it was.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
step() { printf '==> %s\n' "$*" >&2; }

[ -f dist/index.html ] || die "no dist/index.html: build the SPA first (make dist)"
[ -x "$CHROMIUM" ] || die "no $CHROMIUM: run scripts/bootstrap.sh"

# --- tools -----------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  step "installing wrk (Debian)"
  SUDO=(); [ "$(id -u)" = 0 ] || SUDO=(sudo)
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends wrk >/dev/null 2>&1 \
    || { "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" apt-get install -y -qq --no-install-recommends wrk >/dev/null; } \
    || die "could not install wrk"
fi
# A copy of the lock file marks a finished install, so an edit reinstalls.
if ! cmp -s scripts/bench/package-lock.json "$NODE_DIR/package-lock.json"; then
  step "installing playwright-core into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  cp scripts/bench/package.json "$NODE_DIR/"
  # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: the Debian Chromium is used, never a download.
  (cd "$NODE_DIR" && cp "$OLDPWD/scripts/bench/package-lock.json" . &&
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --silent) \
    || { rm -f "$NODE_DIR/package-lock.json"; die "npm ci failed"; }
fi

step "building the server (release)"
cargo build --release --quiet -p customer-api

# --- servers ---------------------------------------------------------------
rm -rf "$OUT" && mkdir -p "$OUT/db"
# A copy of dist/, so that a rebuild during the run cannot change what is
# measured halfway; one whose index.html names a missing file was caught
# mid-build.
cp -a dist "$OUT/dist"
# index.html names its files relative to its <base href="/"> (./main-….css,
# and './…js' in the loader script).
for file in $(grep -o "\(href=\"\|'\)\./[^\"']*" "$OUT/dist/index.html" | sed "s/.*\.\///"); do
  [ -f "$OUT/dist/$file" ] || die "dist/ is being rebuilt (no $file yet): run again when it is done"
done
node scripts/bench/catalogue.mjs crates/server/data/demo-catalogue.json 1000 >"$OUT/catalogue-1000.json"

servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  [ -z "${pg_database:-}" ] || psql -q "$pg_url" -c "DROP DATABASE IF EXISTS $pg_database" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# start NAME DATABASE_URL [serve flags…]: a demo server on a free loopback
# port; sets $base. Its output is in $OUT/NAME.out (the passwords) and .err.
start() {
  local name=$1 url=$2; shift 2
  "$BIN" serve --bind 127.0.0.1:0 --database-url "$url" --demo "$@" \
    >"$OUT/$name.out" 2>"$OUT/$name.err" &
  servers+=($!)
  for _ in $(seq 300); do
    grep -q '^listening on ' "$OUT/$name.out" 2>/dev/null && break
    sleep 0.1
  done
  base=$(sed -n 's/^listening on //p' "$OUT/$name.out")
  [ -n "$base" ] || { cat "$OUT/$name.err" >&2; die "the $name server did not start"; }
}

# --- first load and the browser ---------------------------------------------
start spa "sqlite://$OUT/db/spa.db" --spa-dir "$OUT/dist"
spa=$base
start catalogue "sqlite://$OUT/db/catalogue.db" --spa-dir "$OUT/dist" --catalogue "$OUT/catalogue-1000.json"
big=$base

step "browser: $RUNS fresh pages per measurement"
# A failure is in the report (browser.json says what), not the end of the run.
BENCH_NODE_DIR=$NODE_DIR CHROMIUM=$CHROMIUM node scripts/bench/browser.mjs \
  "$spa" "$big" "$OUT/catalogue-1000.json" "$RUNS" "$OUT/browser.json" \
  || step "the browser benchmark failed; the report says where"
# Customers from a file: checked on a server that does not throttle the
# 1,000 domain lookups, sent to one with the reference server's default limits.
start batch-check "sqlite://$OUT/db/batch-check.db" --spa-dir "$OUT/dist" --requests-per-minute 1000000000
batch_check=$base
start batch-send "sqlite://$OUT/db/batch-send.db" --spa-dir "$OUT/dist"
step "browser: customers from a file"
BENCH_NODE_DIR=$NODE_DIR CHROMIUM=$CHROMIUM node scripts/bench/batch.mjs \
  "$batch_check" "$base" public/customers-template.csv "${BENCH_BATCH_RUNS:-3}" "$OUT/batch.json" \
  || step "the file benchmark failed; the report says where"
step "first load sizes"
node scripts/bench/sizes.mjs "$OUT/dist" "$OUT/browser.json" "$OUT/sizes.json"
step "where the wasm's bytes are"
# The build make dist made, before wasm-bindgen and wasm-opt: it keeps names.
node scripts/bench/profile.mjs target/spa/wasm32-unknown-unknown/wasm-release/customer-wizard.wasm "$OUT/profile.json" \
  || echo '{"error": "no named build in target/spa: run make dist"}' >"$OUT/profile.json"

# --- API ---------------------------------------------------------------------
# api BACKEND DATABASE_URL: the four load tests against a fresh demo server.
api() {
  local backend=$1
  # One user sends the whole load: throughput is measured, not the per-user limit.
  start "api-$backend" "$2" --requests-per-minute 1000000000
  step "API on $backend: $base"
  BENCH_SECONDS=$SECONDS_PER_TEST BENCH_REQUESTS=$MAX_REQUESTS \
    node scripts/bench/api.mjs "$base" "$OUT/api-$backend.out" "$OUT/api-$backend.json" \
    || echo "{\"error\": \"api.mjs failed on $backend: see the output of make bench\"}" >"$OUT/api-$backend.json"
}
api sqlite "sqlite://$OUT/db/api.db"
if [ "${BENCH_POSTGRES:-1}" != 0 ] && pg_url=$(scripts/postgres.sh); then
  pg_database=bench_$(date +%s)
  psql -q "$pg_url" -c "CREATE DATABASE $pg_database" >/dev/null
  api postgres "${pg_url%/*}/$pg_database"
else
  echo '{"skipped": "PostgreSQL was not available (scripts/postgres.sh failed) or BENCH_POSTGRES=0"}' >"$OUT/api-postgres.json"
fi

# --- report ------------------------------------------------------------------
elapsed=$(($(date +%s) - started))
BENCH_ELAPSED=$elapsed BENCH_LOAD_BEFORE=$load_before CHROMIUM=$CHROMIUM node scripts/bench/report.mjs "$OUT" BENCHMARKS.md
step "BENCHMARKS.md written in ${elapsed}s"
node scripts/bench/sizes.mjs --check "$OUT/sizes.json"
