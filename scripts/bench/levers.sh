#!/usr/bin/env bash
# levers.sh — `make bench-levers`: what each build lever of the release SPA
# does to the first load. Builds dist/ once per row, each adding one lever to
# the row above (own target dirs, so the variants do not rebuild each other;
# the last is make dist's),
# measures each with sizes.mjs, and writes target/bench/levers.md.
# About 2 to 3 minutes a row on 2 cores once the dependencies are compiled.
set -Eeuo pipefail
cd "$(dirname "$0")/../.."
OUT=target/bench/levers
mkdir -p "$OUT"
export TRUNK_SKIP_VERSION_CHECK=true

ABORT="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
report="$OUT/../levers.md"
{
  echo "| build | adds | wasm gzip | first load gzip | first load brotli |"
  echo "| --- | --- | ---: | ---: | ---: |"
} >"$report"

# row NAME WHAT STD(0|1) RUSTFLAGS [TARGET_DIR]: one build, measured, one
# line of the table.
row() {
  local name=$1 adds=$2 std=$3 flags=$4 target=${5:-target/lever-$1} settings=()
  printf '==> %s\n' "$name" >&2
  [ "$std" = 1 ] && settings=(RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
                             CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size)
  env "${settings[@]}" CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$flags" \
    CARGO_TARGET_DIR="$target" \
    trunk build --release --dist "$OUT/$name" >"$OUT/$name.log" 2>&1 \
    || { tail -n 20 "$OUT/$name.log" >&2; exit 1; }
  node scripts/bench/sizes.mjs "$OUT/$name" /nonexistent.json "$OUT/$name.json"
  node -e '
    const [file, name, adds] = process.argv.slice(1);
    const { assets, totals } = JSON.parse(require("fs").readFileSync(file, "utf8"));
    const wasm = assets.find((asset) => asset.file.endsWith(".wasm"));
    const n = (x) => x.toLocaleString("en");
    console.log(`| ${name} | ${adds} | ${n(wasm.gzip)} | ${n(totals.gzip)} | ${n(totals.brotli)} |`);
  ' "$OUT/$name.json" "$name" "$adds" >>"$report"
}

row prebuilt-std "the prebuilt std; opt-level z, LTO, wasm-opt -Oz (profile wasm-release)" 0 ""
row build-std "std built with the app, for size; panics stop at once" 1 "$ABORT"
# The last row is what `make dist` builds: its target dir is reused.
row erase-components "Leptos' erase_components (what make dist builds)" 1 "${SPA_RUSTFLAGS:?run it with make bench-levers}" target/spa
cat "$report"
