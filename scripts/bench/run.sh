#!/usr/bin/env bash
# `npm run bench`: every benchmark, one after another, each printing its table.
#
#   bash scripts/bench/run.sh                      # starts a throwaway PostgreSQL, stops it at the end
#   TEST_DATABASE_URL=postgres://… bash scripts/bench/run.sh   # uses that server (creates and drops databases)
#
# Builds the app once (npm run build), then runs dashboard.ts, imports.ts, pages.ts (the large
# organisation on PostgreSQL, then the demo on PGlite) and, when
# present, client-js.ts, lighthouse.ts and soak.ts, each with TEST_DATABASE_URL set. Sizes and
# durations pass through the environment (BENCH_STAFF, BENCH_IDEAS, BENCH_SECONDS, …; see each
# script's header). Exits non-zero when a script fails; the others still run.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

say() { echo "[bench] $*" >&2; }

started_server=0
stop_server() {
  if [[ "$started_server" == 1 ]]; then
    bash scripts/pg-test-server.sh stop || true
    started_server=0
  fi
}
trap stop_server EXIT
trap 'say "interrupted"; exit 130' INT TERM

if [[ -z "${TEST_DATABASE_URL:-}" ]]; then
  say "TEST_DATABASE_URL is unset: starting a throwaway PostgreSQL (scripts/pg-test-server.sh)"
  url="$(bash scripts/pg-test-server.sh start)" || { say "could not start PostgreSQL"; exit 1; }
  started_server=1
  export TEST_DATABASE_URL="$url"
fi
say "PostgreSQL: $TEST_DATABASE_URL"

say "npm run build"
npm run build >/dev/null || { say "build failed"; exit 1; }

failed=()
# run SCRIPT [optional] [NAME=value …]: extra assignments go to that script's environment only.
run() {
  local script="scripts/bench/$1" optional=0
  shift
  if [[ "${1:-}" == optional ]]; then optional=1; shift; fi
  if [[ ! -f "$script" ]]; then
    ((optional)) && return 0
    say "missing $script"
    failed+=("$script")
    return 0
  fi
  say "── $script $*"
  local t0=$SECONDS
  if env "$@" npx tsx "$script"; then
    say "$script done in $((SECONDS - t0)) s"
  else
    say "$script FAILED (exit $?) after $((SECONDS - t0)) s"
    failed+=("$script")
  fi
}

run dashboard.ts
run imports.ts
run pages.ts
run pages.ts BENCH_ORG=small
run client-js.ts optional
run lighthouse.ts optional
run soak.ts optional

if ((${#failed[@]} > 0)); then
  say "failed: ${failed[*]}"
  exit 1
fi
say "all benchmarks ran"
