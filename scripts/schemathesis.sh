#!/usr/bin/env bash
# schemathesis.sh — fuzzes the real server against its own /openapi.json.
#
# On each backend — a fresh SQLite file, then a fresh database on the private
# PostgreSQL cluster of scripts/postgres.sh — starts `customer-api serve
# --demo` on a free loopback port, signs in as the demo Admin agent, and runs
# schemathesis (PyPI, pinned, in a venv under target/) for a bounded time. Any
# failure it finds (a 5xx, an undocumented status or content type, a body or
# header that does not match the document) fails the script.
#
#   SCHEMATHESIS_MAX_TIME  seconds of generated requests per backend [45]
#   CUSTOMER_API_BIN       the server binary [target/debug/customer-api]
set -Eeuo pipefail
cd "$(dirname "$0")/.."

VERSION=4.32.5
VENV=target/schemathesis-venv
MAX_TIME=${SCHEMATHESIS_MAX_TIME:-45}
BIN=${CUSTOMER_API_BIN:-target/debug/customer-api}

if ! "$VENV/bin/st" --version 2>/dev/null | grep -q "$VERSION"; then
  echo "==> installing schemathesis $VERSION into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION"
fi
[ -x "$BIN" ] || cargo build --quiet -p customer-api

work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# fuzz NAME DATABASE_URL
fuzz() {
  local name=$1 url=$2
  echo "==> schemathesis on $name"
  : >"$work/server.out"
  # One user sends every request: without a higher per-user limit most of the
  # run would be 429s (documented, so conformant, but no coverage).
  "$BIN" serve --bind 127.0.0.1:0 --database-url "$url" --demo \
    --requests-per-minute 1000000 >"$work/server.out" 2>"$work/server.err" &
  server=$!
  for _ in $(seq 300); do
    grep -q '^listening on ' "$work/server.out" 2>/dev/null && break
    sleep 0.1
  done
  local base
  base=$(sed -n 's/^listening on //p' "$work/server.out")
  [ -n "$base" ] || { cat "$work/server.err" >&2; echo "schemathesis.sh: the server did not start on $name" >&2; exit 1; }

  local token
  token=$(BASE="$base" OUT="$work/server.out" python3 - <<'PY'
import json, os, urllib.request
password = next(line.split()[2] for line in open(os.environ["OUT"]) if line.split()[:1] == ["adminagent"])
request = urllib.request.Request(
    os.environ["BASE"] + "/v1/auth/token",
    data=json.dumps({"userName": "adminagent", "password": password}).encode(),
    headers={"Content-Type": "application/json"},
)
print(json.load(urllib.request.urlopen(request))["accessToken"])
PY
)

  # Signing out (the one DELETE) would end the run's own session.
  "$VENV/bin/st" run "$base/openapi.json" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
    --exclude-method DELETE \
    --max-time "$MAX_TIME" --seed 1 --workers 2 --no-color \
    --report junit --report-dir "target/schemathesis/$name"
  kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  server=
}

fuzz sqlite "sqlite://$work/api.db"
pg_url=$(scripts/postgres.sh)
pg_database=schemathesis_$(date +%s)_$$
psql -q "$pg_url" -c "CREATE DATABASE $pg_database" >/dev/null
fuzz postgres "${pg_url%/*}/$pg_database"
