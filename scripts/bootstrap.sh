#!/usr/bin/env bash
# bootstrap.sh — installs what building and testing customer-wizard needs and
# skips whatever is already there at the right version. `make run` and
# `make test` run it first; re-running it when nothing is missing takes seconds.
#
#   1. rustup toolchain "wasm" (rust-toolchain.toml) with the
#      wasm32-unknown-unknown std and the std's source (the release SPA
#      builds its own std):
#        - route rustup: `rustup target add` on rustup's stable, where the Rust
#          dist server answers (tried first, with a short timeout);
#        - route debian: Debian's Rust (rustc-web) plus a wasm32 std built once
#          from Debian's std source, for machines that reach only the package
#          registries.
#   2. trunk, wasm-bindgen-cli at exactly Cargo.lock's wasm-bindgen version,
#      and wasm_split_cli_support's wasm-split-cli, which splits the release
#      SPA's wasm into pages loaded when opened (cargo install, built without
#      LTO to save minutes).
#   3. wasm-opt from npm's binaryen (Debian's binaryen breaks modern output),
#      and esbuild from npm (scripts/minify), which minifies the JS and CSS.
#   4. Debian's chromium and chromium-driver, for the browser tests, and
#      axe-core from npm (tests/a11y), the accessibility checker they inject,
#      and oidc-provider from npm (tests/e2e/oidc), the OpenID provider they use.
#
# Settings (environment):
#   WASM_TOOLCHAIN_ROUTE  auto | rustup | debian         [auto]
#   TOOLS_PREFIX          where toolchains and npm tools go [/opt/wasm-toolchain]
#   TRUNK_VERSION         [0.22.1]      BINARYEN_VERSION  [132.0.0]
#   RUSTUP_TIMEOUT        seconds for `rustup target add` [30]
#   INSTALL_BROWSER       0 skips chromium (enough for `make run`) [1]
set -Eeuo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLCHAIN=wasm
WASM_TOOLCHAIN_ROUTE=${WASM_TOOLCHAIN_ROUTE:-auto}
TOOLS_PREFIX=${TOOLS_PREFIX:-/opt/wasm-toolchain}
TRUNK_VERSION=${TRUNK_VERSION:-0.22.1}
# 0.2.4 knows the wasm_split_helpers 0.2.x that leptos 0.8 writes, and
# wasm-bindgen 0.2.128's renamed imports.
WASM_SPLIT_VERSION=0.2.4
TRUNK_FALLBACK_VERSION=0.21.14 # builds with older toolchains (rust >= 1.81)
BINARYEN_VERSION=${BINARYEN_VERSION:-132.0.0}
RUSTUP_TIMEOUT=${RUSTUP_TIMEOUT:-30}
INSTALL_BROWSER=${INSTALL_BROWSER:-1}
NET_TIMEOUT=${NET_TIMEOUT:-900}
BUILD_TIMEOUT=${BUILD_TIMEOUT:-3600}
# Bump when the way the wasm32 std is built changes (forces a rebuild).
STD_BUILD_REV=2

export CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
export PATH="$CARGO_HOME/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive
# The project pins its toolchain; installs below choose theirs explicitly.
unset RUSTUP_TOOLCHAIN RUSTFLAGS CARGO_BUILD_TARGET CARGO_TARGET_DIR

START=$(date +%s)
STEP_START=$START
# Each step's heading also reports how long the previous step took.
log() {
  local now; now=$(date +%s)
  if [ "$now" -gt "$STEP_START" ]; then printf '    (%ss)\n' "$((now - STEP_START))" >&2; fi
  STEP_START=$now
  printf '==> %s\n' "$*" >&2
}
info() { printf '    %s\n' "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf '\nbootstrap: could not install %s\n' "$*" >&2; exit 1; }
trap 'printf "\nbootstrap: command failed (exit %s) at line %s: %s\n" "$?" "$LINENO" "$BASH_COMMAND" >&2' ERR

SUDO=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null; then SUDO=(sudo); fi
fi
as_root() { "${SUDO[@]}" "$@"; }

APT_UPDATED=0
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
apt_install() { # packages...
  local missing=() p
  for p in "$@"; do is_installed "$p" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "${missing[*]} (no apt-get: install them with your package manager)"
  if [ $APT_UPDATED = 0 ]; then
    info "apt-get update"
    as_root timeout "$NET_TIMEOUT" apt-get update -qq || die "${missing[*]} (apt-get update failed)"
    APT_UPDATED=1
  fi
  info "apt-get install ${missing[*]}"
  as_root timeout "$NET_TIMEOUT" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "${missing[*]} (apt-get install failed)"
}

has_wasm_std() { # toolchain
  local libdir
  libdir=$(rustc "+$1" --print target-libdir --target wasm32-unknown-unknown 2>/dev/null) || return 1
  compgen -G "$libdir/libstd-*.rlib" >/dev/null
}

# Builds a tiny wasm32 cdylib: proves the std and the linker work.
probe_toolchain() {
  local dir; dir=$(mktemp -d)
  mkdir -p "$dir/src"
  printf '[package]\nname = "probe"\nversion = "0.1.0"\nedition = "2021"\n[lib]\ncrate-type = ["cdylib"]\n' >"$dir/Cargo.toml"
  printf '#[no_mangle]\npub extern "C" fn probe(n: u32) -> u32 { (0..n).sum() }\n' >"$dir/src/lib.rs"
  if (cd "$dir" && cargo "+$TOOLCHAIN" build -q --offline --release --target wasm32-unknown-unknown >"$dir/log" 2>&1); then
    rm -rf "$dir"; return 0
  fi
  tail -n 15 "$dir/log" >&2; rm -rf "$dir"; return 1
}

# ---------------------------------------------------------------- 1. toolchain
rustup_route() {
  local base=stable
  rustc "+$base" -V >/dev/null 2>&1 || return 1
  if ! has_wasm_std "$base"; then
    info "rustup target add --toolchain $base wasm32-unknown-unknown (timeout ${RUSTUP_TIMEOUT}s)"
    timeout "$RUSTUP_TIMEOUT" rustup target add --toolchain "$base" wasm32-unknown-unknown >/dev/null 2>&1 || return 1
  fi
  rustup toolchain link "$TOOLCHAIN" "$(rustc "+$base" --print sysroot)"
}

debian_route() {
  apt_install rustc-web cargo-web rust-web-src rust-web-llvm rust-web-clippy rustfmt-web patchelf
  # rust-lld points at lld-NN, which rust-web-llvm does not depend on.
  local lld; lld=$(basename "$(readlink /usr/bin/rust-lld)")
  apt_install "$lld"
  local debver rustver sysroot src dir stamp commit work
  debver=$(dpkg-query -W -f='${Version}' rustc-web)
  rustver=$(/usr/bin/rustc -V | awk '{print $2}')
  sysroot=$(/usr/bin/rustc --print sysroot)
  src="$sysroot/lib/rustlib/src/rust/library"
  [ -f "$src/sysroot/Cargo.toml" ] || die "Rust's std source (rust-web-src: $src is missing)"
  dir="$TOOLS_PREFIX/rust-$rustver-debian-$(printf '%s' "$debver" | tr -c 'A-Za-z0-9._\n' '-')"
  stamp="rustc-web=$debver std-build-rev=$STD_BUILD_REV"
  if [ "$(cat "$dir/.wasm-toolchain-stamp" 2>/dev/null)" = "$stamp" ]; then
    rustup toolchain link "$TOOLCHAIN" "$dir"; return 0
  fi

  work=$(mktemp -d /tmp/wasm-std-build.XXXXXX)
  info "building the wasm32 std from Debian's Rust $rustver source (about a minute)"
  cp -a "$src" "$work/library"
  commit=$(/usr/bin/rustc -vV | awk '/^commit-hash:/{print $2}')
  # The library's own "dist" profile, as the Rust project builds its prebuilt
  # std; the path remap makes the build reproducible.
  ( cd "$work" && env RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
      RUSTFLAGS="-Zforce-unstable-if-unmarked --remap-path-prefix=$work/library=/rustc/${commit:-unknown}/library" \
      __CARGO_DEFAULT_LIB_METADATA="wasm-std-$rustver" CARGO_TARGET_DIR="$work/target" \
      timeout "$BUILD_TIMEOUT" /usr/bin/cargo build --locked --profile dist --target wasm32-unknown-unknown \
        --manifest-path library/sysroot/Cargo.toml --features panic-unwind >"$work/build.log" 2>&1 ) \
    || { tail -n 30 "$work/build.log" >&2; die "the wasm32 std (build log: $work/build.log)"; }
  local out="$work/target/wasm32-unknown-unknown/dist/deps" tmp="$dir.tmp" host=x86_64-unknown-linux-gnu b f
  as_root mkdir -p "$TOOLS_PREFIX"; as_root rm -rf "$tmp"
  as_root mkdir -p "$tmp/bin" "$tmp/lib/rustlib/$host/bin/gcc-ld" "$tmp/lib/rustlib/wasm32-unknown-unknown/lib" "$tmp/lib/rustlib/src"
  for b in rustc rustdoc cargo cargo-clippy clippy-driver cargo-fmt rustfmt; do
    [ -x "/usr/bin/$b" ] && as_root cp -L "/usr/bin/$b" "$tmp/bin/"
  done
  as_root cp -L /usr/lib/x86_64-linux-gnu/librustc_driver-*.so "$tmp/lib/"
  as_root cp -a "$sysroot/lib/rustlib/$host/lib" "$tmp/lib/rustlib/$host/"
  [ -d "$sysroot/lib/rustlib/etc" ] && as_root cp -a "$sysroot/lib/rustlib/etc" "$tmp/lib/rustlib/"
  for f in "$sysroot/lib/rustlib/$host/bin"/*; do
    [ -f "$f" ] && as_root ln -sfn "$(readlink -f "$f")" "$tmp/lib/rustlib/$host/bin/$(basename "$f")"
  done
  lld=$(readlink -f /usr/bin/rust-lld)
  for f in "lib/rustlib/$host/bin/rust-lld" "lib/rustlib/$host/bin/gcc-ld/ld" "lib/rustlib/$host/bin/gcc-ld/ld64" bin/rust-lld; do
    as_root ln -sfn "$lld" "$tmp/$f"
  done
  as_root ln -sfn "$(readlink -f "$sysroot/lib/rustlib/src/rust")" "$tmp/lib/rustlib/src/rust"
  as_root cp "$out"/*.rlib "$out"/*.rmeta "$tmp/lib/rustlib/wasm32-unknown-unknown/lib/"
  # rustc finds its sysroot from the librustc_driver it loads: the copy above.
  for b in rustc rustdoc clippy-driver rustfmt; do
    [ -f "$tmp/bin/$b" ] && as_root patchelf --set-rpath '$ORIGIN/../lib' "$tmp/bin/$b"
  done
  printf '%s' "$stamp" | as_root tee "$tmp/.wasm-toolchain-stamp" >/dev/null
  as_root rm -rf "$dir"; as_root mv "$tmp" "$dir"; rm -rf "$work"
  [ "$(env -u LD_LIBRARY_PATH "$dir/bin/rustc" --print sysroot)" = "$dir" ] || die "the wasm toolchain (sysroot check failed for $dir)"
  rustup toolchain link "$TOOLCHAIN" "$dir"
}

log "Rust toolchain '$TOOLCHAIN' with the wasm32-unknown-unknown std"
command -v rustup >/dev/null || die "the Rust toolchain (rustup is not installed: see https://rustup.rs)"
if has_wasm_std "$TOOLCHAIN"; then
  info "present: $(rustc "+$TOOLCHAIN" -V)"
else
  case "$WASM_TOOLCHAIN_ROUTE" in
    rustup) rustup_route || die "the wasm32 target through rustup (is the Rust dist server reachable?)" ;;
    debian) debian_route ;;
    auto) rustup_route || { info "rustup could not add the target; using Debian's Rust instead"; debian_route; } ;;
    *) die "the toolchain: WASM_TOOLCHAIN_ROUTE must be auto, rustup or debian" ;;
  esac
  probe_toolchain || die "a toolchain that builds wasm32 (probe build failed)"
  info "installed: $(rustc "+$TOOLCHAIN" -V)"
fi
# The release SPA is built with its own std (Makefile: dist), from the
# toolchain's std source: Debian's route links it in; rustup's has it as a
# component.
std_src="$(rustc "+$TOOLCHAIN" --print sysroot)/lib/rustlib/src/rust/library/Cargo.lock"
if [ ! -f "$std_src" ]; then
  info "rustup component add rust-src --toolchain stable (timeout ${RUSTUP_TIMEOUT}s)"
  timeout "$RUSTUP_TIMEOUT" rustup component add rust-src --toolchain stable >/dev/null 2>&1 \
    && [ -f "$std_src" ] || die "Rust's std source ($std_src; is the Rust dist server reachable?)"
fi

# ------------------------------------------------------- 2. cargo-installed tools
# Tools are built for speed of installing, not of running: no LTO, parallel codegen.
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
       CARGO_PROFILE_RELEASE_OPT_LEVEL=2 CARGO_PROFILE_RELEASE_DEBUG=false

cargo_install() { # crate version [cargo install flags...] -> 0 on success
  local crate=$1 version=$2 toolchain locked log; log=$(mktemp); shift 2
  for toolchain in stable nightly "$TOOLCHAIN"; do
    rustc "+$toolchain" -V >/dev/null 2>&1 || continue
    for locked in --locked ""; do
      info "cargo +$toolchain install $crate --version $version $locked"
      if timeout "$BUILD_TIMEOUT" cargo "+$toolchain" install "$crate" --version "=$version" $locked --force "$@" >"$log" 2>&1; then
        rm -f "$log"; return 0
      fi
      grep -q 'requires rustc' "$log" && { info "$(grep -m1 -o 'requires rustc[^,]*' "$log") — trying another toolchain"; break; }
      # A locked dependency version may have been yanked from the registry.
      [ -n "$locked" ] && grep -q 'failed to select a version' "$log" && continue
      tail -n 20 "$log" >&2; rm -f "$log"; return 1
    done
  done
  rm -f "$log"; return 1
}

log "trunk"
if [[ "$(trunk --version 2>/dev/null)" =~ ^trunk\ ($TRUNK_VERSION|$TRUNK_FALLBACK_VERSION)$ ]]; then
  info "present: $(trunk --version)"
elif ! cargo_install trunk "$TRUNK_VERSION"; then
  warn "trunk $TRUNK_VERSION needs a newer Rust than this machine has; installing $TRUNK_FALLBACK_VERSION"
  cargo_install trunk "$TRUNK_FALLBACK_VERSION" || die "trunk"
fi

WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")
[ -n "$WASM_BINDGEN_VERSION" ] || die "wasm-bindgen-cli (no wasm-bindgen entry in Cargo.lock)"
log "wasm-bindgen-cli $WASM_BINDGEN_VERSION (the version in Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] &&
   [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" = "wasm-bindgen-test-runner $WASM_BINDGEN_VERSION" ]; then
  info "present"
else
  cargo_install wasm-bindgen-cli "$WASM_BINDGEN_VERSION" || die "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
fi

log "wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION)"
if cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" && command -v wasm-split-cli >/dev/null; then
  info "present"
else
  cargo_install wasm_split_cli_support "$WASM_SPLIT_VERSION" --features build-binary ||
    die "wasm_split_cli_support $WASM_SPLIT_VERSION"
fi

# ------------------------------------------------------------------ 3. wasm-opt
log "wasm-opt (npm binaryen $BINARYEN_VERSION)"
binaryen="$TOOLS_PREFIX/binaryen-$BINARYEN_VERSION/node_modules/binaryen/bin/wasm-opt"
if "$binaryen" --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  info "present"
else
  command -v npm >/dev/null || apt_install nodejs npm
  as_root mkdir -p "$TOOLS_PREFIX"
  npm_log=$(mktemp)
  as_root timeout "$NET_TIMEOUT" npm install --no-audit --no-fund \
    --prefix "$TOOLS_PREFIX/binaryen-$BINARYEN_VERSION" "binaryen@$BINARYEN_VERSION" >"$npm_log" 2>&1 \
    || { tail -n 15 "$npm_log" >&2; die "wasm-opt (npm install binaryen@$BINARYEN_VERSION failed)"; }
  rm -f "$npm_log"
fi
ln -sfn "$binaryen" "$CARGO_HOME/bin/wasm-opt"
"$CARGO_HOME/bin/wasm-opt" --version >/dev/null 2>&1 || die "wasm-opt ($binaryen does not run: is node installed?)"

# npm packages of the given directories, each pinned by its lock file;
# skipped when what is installed matches the lock.
npm_packages() {
  for dir in "$@"; do
    log "npm packages of $dir (package-lock.json)"
    if [ -d "$ROOT/$dir/node_modules" ] \
      && cmp -s "$ROOT/$dir/package-lock.json" "$ROOT/$dir/node_modules/.package-lock.json.installed"; then
      info "present"
    else
      command -v npm >/dev/null || apt_install nodejs npm
      timeout "$NET_TIMEOUT" npm ci --no-audit --no-fund --prefix "$ROOT/$dir" >/dev/null \
        || die "npm ci in $dir failed"
      cp "$ROOT/$dir/package-lock.json" "$ROOT/$dir/node_modules/.package-lock.json.installed"
    fi
  done
}

# esbuild, which minifies the release build's JS and CSS (scripts/minify).
npm_packages scripts/minify

# ------------------------------------------------------------------- 4. browser
if [ "$INSTALL_BROWSER" = 1 ]; then
  log "chromium and chromium-driver"
  if command -v dpkg-query >/dev/null; then
    apt_install chromium chromium-driver
  fi
  command -v chromium >/dev/null && command -v chromedriver >/dev/null \
    || die "chromium and chromedriver (not on PATH)"
  info "present: $(chromium --version 2>/dev/null | head -n1)"

  # npm packages the end-to-end tests use: axe-core, the accessibility
  # checker they inject, and oidc-provider, the OpenID provider they sign in
  # through.
  npm_packages tests/a11y tests/e2e/oidc
fi

trap - ERR
log "bootstrap done in $(( $(date +%s) - START ))s"
