#!/usr/bin/env bash
# The one command that installs what the tests need and runs every layer:
#
#   bash scripts/test-all.sh
#
# 1. npm ci (when node_modules is missing, or always when CI=true)
# 2. Debian packages when absent (as root; otherwise it prints what to install):
#    chromium + fonts-thai-tlwg (no usable browser), postgresql (no initdb)
# 3. typecheck, lint, build, the client JavaScript budget, unit tests, database tests on PGlite, the same database tests on a
#    throwaway PostgreSQL server, end-to-end tests (Playwright on Chromium)
#
# A failing step does not stop the run, so the totals are complete; the exit code is non-zero
# when anything failed. Reports go to .tmp/reports/*.json; the last line printed is the totals,
# `N passed, N failed` (`, N skipped` when some were skipped), from scripts/test-totals.mjs.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPORTS=".tmp/reports"
STEPS="$REPORTS/steps.tsv"

rm -rf "$REPORTS"
mkdir -p "$REPORTS"
: >"$STEPS"

IS_ROOT=false
[[ "$(id -u)" == 0 ]] && IS_ROOT=true

banner() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
note() { printf '[test-all] %s\n' "$*"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# record NAME KIND EXIT SECONDS [REPORT] [NOTE]
record() {
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "${5:-}" "${6:-}" >>"$STEPS"
}

# step NAME KIND REPORT -- COMMAND...: runs it with its output visible, records exit code + time.
step() {
  local name="$1" kind="$2" report="$3"
  shift 4
  banner "$name: $*"
  local started rc=0
  started="$(now)"
  "$@" || rc=$?
  local seconds
  seconds="$(elapsed "$started")"
  record "$name" "$kind" "$rc" "$seconds" "$report"
  if [[ "$rc" == 0 ]]; then note "$name finished in ${seconds} s"; else note "$name FAILED (exit $rc) after ${seconds} s"; fi
}

# --- PostgreSQL server: always stopped, whatever happens --------------------------------------
PG_STARTED=false
stop_pg() {
  if [[ "$PG_STARTED" == true ]]; then
    PG_STARTED=false
    bash scripts/pg-test-server.sh stop >/dev/null 2>&1 || true
  fi
}
trap stop_pg EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. npm packages ----------------------------------------------------------------------------
if [[ ! -d node_modules || "${CI:-}" == "true" ]]; then
  step "npm ci" setup "" -- npm ci --no-audit --no-fund
fi

# --- 2. system packages -------------------------------------------------------------------------
have_browser() {
  [[ -n "${CHROMIUM_PATH:-}" && -x "${CHROMIUM_PATH}" ]] && return 0
  [[ -x /usr/bin/chromium ]] && return 0
  local cache="${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}" candidate
  for candidate in "$cache"/chromium-*/chrome-linux*/chrome; do
    [[ -x "$candidate" ]] && return 0
  done
  return 1
}
have_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
have_initdb() { compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }

packages=()
if ! have_browser; then
  packages+=(chromium fonts-thai-tlwg)
elif command -v dpkg-query >/dev/null 2>&1 && ! have_deb fonts-thai-tlwg; then
  # Without a Thai system font, Thai text shows as boxes in screenshots.
  packages+=(fonts-thai-tlwg)
fi
have_initdb || packages+=(postgresql)

if ((${#packages[@]} > 0)); then
  if [[ "$IS_ROOT" == true ]] && command -v apt-get >/dev/null 2>&1; then
    install_packages() {
      apt-get update &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}"
    }
    step "apt-get install ${packages[*]}" setup "" -- install_packages
  else
    note "Missing system packages: ${packages[*]}"
    note "Install them as root, then run this script again:"
    note "  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages[*]}"
    [[ " ${packages[*]} " == *" chromium "* ]] &&
      note "  (or, for the browser only, with network access: npx playwright install chromium)"
    note "Continuing: the steps that need them will fail."
  fi
fi

# --- 3. the layers --------------------------------------------------------------------------------
step typecheck check "" -- npm run typecheck
step lint check "" -- npm run lint
step build check "" -- npm run build
# The client JavaScript budget (≤ 1.25× a minimal Remix page, no markdown parser or sanitiser in
# the browser): sizes, not timings, so the same on every machine; it drifted unseen once.
step "client-js budget" check "" -- env CLIENT_JS_GATE=1 npx tsx scripts/bench/client-js.ts

vitest_step() {
  local name="$1" project="$2"
  step "$name" vitest "$REPORTS/$name.json" -- \
    npx vitest run --project "$project" --passWithNoTests \
    --reporter=default --reporter=json --outputFile.json="$REPORTS/$name.json"
}
vitest_step unit unit
vitest_step integration-pglite integration

banner "starting a throwaway PostgreSQL server"
pg_started_at="$(now)"
PG_STARTED=true # set first: an interrupt during start-up must still stop it
if pg_url="$(bash scripts/pg-test-server.sh start)"; then
  note "PostgreSQL up at $pg_url in $(elapsed "$pg_started_at") s"
  TEST_DATABASE_URL="$pg_url" vitest_step integration-postgres integration
  stop_pg
else
  stop_pg
  note "PostgreSQL did not start: the database tests on PostgreSQL are not run"
  record integration-postgres vitest 1 "$(elapsed "$pg_started_at")" "" "not run: PostgreSQL did not start"
fi

export PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORTS/e2e.json"
step e2e playwright "$REPORTS/e2e.json" -- npx playwright test

# --- 4. totals (the last line printed) ------------------------------------------------------------
stop_pg
totals_rc=0
node scripts/test-totals.mjs "$REPORTS" || totals_rc=$?
step_failed=0
while IFS=$'\t' read -r _name _kind rc _rest; do
  [[ "$rc" == 0 ]] || step_failed=1
done <"$STEPS"
if ((totals_rc != 0 || step_failed != 0)); then exit 1; fi
exit 0
