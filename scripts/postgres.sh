#!/usr/bin/env bash
# postgres.sh — a private PostgreSQL cluster on loopback for the server's tests:
# installs Debian's postgresql when missing, creates the cluster once, starts it
# when it is not running, and prints its URL. Idempotent; about 1 s when running.
#
#   PG_PORT  [55432]    PG_DIR  [/tmp/customer-wizard-postgres]
set -Eeuo pipefail

PG_PORT=${PG_PORT:-55432}
PG_DIR=${PG_DIR:-/tmp/customer-wizard-postgres}
export DEBIAN_FRONTEND=noninteractive

die() { printf 'postgres.sh: %s\n' "$*" >&2; exit 1; }
SUDO=()
[ "$(id -u)" = 0 ] || SUDO=(sudo)

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/postgres" ]; then
  printf '==> installing PostgreSQL (Debian package)\n' >&2
  "${SUDO[@]}" apt-get update -qq || die "could not install postgresql (apt-get update failed)"
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends postgresql >/dev/null \
    || die "could not install postgresql (apt-get install failed)"
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# The server refuses to run as root: the cluster belongs to the postgres user.
# A locale every machine has: initdb refuses a LANG whose locale is not generated.
as_postgres() {
  if [ "$(id -un)" = postgres ]; then LC_ALL=C.UTF-8 "$@"
  else "${SUDO[@]}" runuser -u postgres -- env LC_ALL=C.UTF-8 "$@"; fi
}
log_tail() { [ -f "$PG_DIR/server.log" ] && tail -n 20 "$PG_DIR/server.log" >&2; return 0; }

if ! "$bindir/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
  if [ ! -f "$PG_DIR/PG_VERSION" ]; then
    "${SUDO[@]}" mkdir -p "$PG_DIR"
    "${SUDO[@]}" chown postgres:postgres "$PG_DIR"
    as_postgres "$bindir/initdb" -D "$PG_DIR" -A trust -U postgres --locale=C.UTF-8 -E UTF8 >/dev/null \
      || die "initdb failed"
  fi
  as_postgres "$bindir/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 120 \
    -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
    || { log_tail; die "the server did not start (log: $PG_DIR/server.log)"; }
fi
printf 'postgres://postgres@127.0.0.1:%s/postgres\n' "$PG_PORT"
