#!/usr/bin/env bash
# A throwaway PostgreSQL server for the database tests.
#
#   bash scripts/pg-test-server.sh start   # prints postgres://postgres@127.0.0.1:PORT/postgres
#   bash scripts/pg-test-server.sh stop    # stops it and deletes its folder
#
# The cluster lives in a new temporary folder (trust auth, --locale=C.UTF-8 so that pg_trgm and
# ILIKE work on Thai text). initdb refuses to run as root, so as root it runs as the `postgres`
# system user (created when missing). Port: PG_TEST_PORT, default 54329, or the next free one.
# State (folder, port, binaries) is kept in .tmp/pg-test-server.env. Only the URL goes to stdout.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
STATE_FILE="$PWD/.tmp/pg-test-server.env"

say() { echo "[pg-test-server] $*" >&2; }
die() { say "error: $*"; exit 1; }

# Newest /usr/lib/postgresql/<version>/bin holding initdb, else initdb on PATH.
find_bin_dir() {
  local dir best=""
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
    [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && best="$dir"
  done
  if [[ -z "$best" ]] && command -v initdb >/dev/null 2>&1; then
    best="$(dirname "$(readlink -f "$(command -v initdb)")")"
  fi
  [[ -n "$best" ]] || die "initdb not found under /usr/lib/postgresql/*/bin. Install PostgreSQL: apt-get install -y postgresql"
  echo "$best"
}

# Runs a command as the postgres user when we are root (initdb and postgres refuse root).
as_pg() {
  if [[ "$(id -u)" == 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  if [[ -f "$STATE_FILE" ]]; then
    say "a previous server is recorded in $STATE_FILE; stopping it first"
    stop
  fi
  local bin port dir tries=0
  bin="$(find_bin_dir)"
  port="${PG_TEST_PORT:-54329}"
  while port_in_use "$port"; do
    tries=$((tries + 1))
    (( tries < 50 )) || die "no free port from ${PG_TEST_PORT:-54329} to $port"
    port=$((port + 1))
  done

  if [[ "$(id -u)" == 0 ]] && ! id -u postgres >/dev/null 2>&1; then
    say "creating the postgres system user"
    useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home --shell /usr/sbin/nologin postgres
  fi

  dir="$(mktemp -d "${TMPDIR:-/tmp}/nawat-pg.XXXXXX")"
  chmod 700 "$dir"
  [[ "$(id -u)" == 0 ]] && chown postgres:postgres "$dir"

  mkdir -p "$(dirname "$STATE_FILE")"
  {
    printf 'PG_TEST_DIR=%q\n' "$dir"
    printf 'PG_TEST_BIN=%q\n' "$bin"
    printf 'PG_TEST_PORT=%q\n' "$port"
    printf 'PG_TEST_URL=%q\n' "postgres://postgres@127.0.0.1:$port/postgres"
  } >"$STATE_FILE"

  say "initdb ($bin) in $dir"
  if ! as_pg "$bin/initdb" -D "$dir" --auth=trust --locale=C.UTF-8 --encoding=UTF8 -U postgres >"$dir.initdb.log" 2>&1; then
    cat "$dir.initdb.log" >&2
    rm -f "$dir.initdb.log"
    stop
    die "initdb failed"
  fi
  rm -f "$dir.initdb.log"

  say "starting on 127.0.0.1:$port"
  if ! as_pg "$bin/pg_ctl" -D "$dir" -o "-k $dir -p $port -h 127.0.0.1" -w -t 60 -l "$dir/log" start >/dev/null; then
    [[ -f "$dir/log" ]] && cat "$dir/log" >&2
    stop
    die "pg_ctl start failed"
  fi
  echo "postgres://postgres@127.0.0.1:$port/postgres"
}

stop() {
  if [[ ! -f "$STATE_FILE" ]]; then
    say "no server recorded in $STATE_FILE; nothing to stop"
    return 0
  fi
  local PG_TEST_DIR="" PG_TEST_BIN="" PG_TEST_PORT="" PG_TEST_URL=""
  # shellcheck disable=SC1090
  source "$STATE_FILE"
  if [[ -n "$PG_TEST_DIR" && -f "$PG_TEST_DIR/postmaster.pid" ]]; then
    as_pg "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_pg "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR" -m immediate -w stop >/dev/null 2>&1 \
      || say "warning: pg_ctl stop failed (see $PG_TEST_DIR/log)"
  fi
  # Only ever delete the folder this script created.
  if [[ -n "$PG_TEST_DIR" && "$PG_TEST_DIR" == */nawat-pg.* && -d "$PG_TEST_DIR" ]]; then
    rm -rf "$PG_TEST_DIR"
  fi
  rm -f "$STATE_FILE"
  say "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
