#!/usr/bin/env bash
# make test: every stage, even after one fails, each stage's full output kept in .build/test-logs/; the
# screen shows failures and each stage's count, and the last line says whether everything passed.
set -uo pipefail
cd "$(dirname "$0")/.."
LOGS=.build/test-logs
mkdir -p "$LOGS"
PYTHON=${PYTHON:-.venv/bin/python}
passed=0 failed=0 summary=()

stage() {  # name, log file, seconds, command... ; the command's output must end with "N passed, M failed"
  local name=$1 log=$2 limit=$3; shift 3
  echo "== $name"
  timeout --kill-after=10 "$limit" "$@" > "$LOGS/$log" 2>&1
  local status=$?
  grep -E '^(FAIL|✘)|error:' "$LOGS/$log" | head -40
  local line p f
  line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$LOGS/$log" | tail -1)
  p=$(echo "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/'); f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
  [ -n "$line" ] || { p=0; f=1; }
  [ "$status" -eq 0 ] || [ "$f" -gt 0 ] || f=1
  echo "   $name: $p passed, $f failed (log: $LOGS/$log)"
  passed=$((passed + p)); failed=$((failed + f)); summary+=("$name $p/$((p + f))")
}

swift_tests() {  # [FILTER]: every suite, or those whose names match
  local out status
  out=$(swift test --skip-build ${1:+--filter "$1"} 2>&1); status=$?
  echo "$out"
  echo "$out" | awk -v status="$status" '
    /Test run with [0-9]+ tests/ { n = $0; sub(/.*Test run with /, "", n); sub(/ tests.*/, "", n) }
    /^✘ Test / && /failed after/ && !/Test run/ { f++ }
    END { if (n == "") { print "swift test: 0 passed, 1 failed"; exit 1 } if (status != 0 && f == 0) f = 1
          printf "swift test: %d passed, %d failed\n", n - f, f }'
}

# The storage, domain and API suites again on a real PostgreSQL this script starts (a throwaway cluster
# outside the clone, stopped whatever happens), and the walkthrough on it.
swift_tests_postgres() { MEGAPORT_TEST_POSTGRES="$PG_URL" swift_tests 'StorageTests|DomainTests|APITests'; }

export -f swift_tests swift_tests_postgres
stage "swift test (suites)" swift.log 900 bash -c swift_tests
stage "walkthrough (docs)" walkthrough.log 300 python3 scripts/walkthrough.py
stage "sandbox (docs/sandbox.md)" sandbox.log 300 python3 scripts/sandbox_test.py
stage "portal in Chromium" portal.log 300 "$PYTHON" scripts/portal_browser_test.py
PG_DIR=$(mktemp -d /tmp/megaport-pg.XXXXXX)
trap 'bash scripts/pg_cluster.sh stop "$PG_DIR"' EXIT
if PG_URL=$(bash scripts/pg_cluster.sh start "$PG_DIR" 2>"$LOGS/postgres-start.log"); then
  export PG_URL
  stage "swift test on PostgreSQL" swift-postgres.log 900 bash -c swift_tests_postgres
  psql -q "$PG_URL" -c "CREATE DATABASE walkthrough" >/dev/null && psql -q "${PG_URL%/*}/walkthrough" -c "CREATE EXTENSION citext" >/dev/null
  stage "walkthrough on PostgreSQL" walkthrough-postgres.log 300 env WALKTHROUGH_DB="${PG_URL%/*}/walkthrough" python3 scripts/walkthrough.py
  psql -q "$PG_URL" -c "CREATE DATABASE cluster" >/dev/null && psql -q "${PG_URL%/*}/cluster" -c "CREATE EXTENSION citext" >/dev/null
  stage "three nodes on PostgreSQL" cluster.log 300 env CLUSTER_DB="${PG_URL%/*}/cluster" CLUSTER_DIR="$PG_DIR" "$PYTHON" scripts/cluster_test.py
else
  echo "== PostgreSQL did not start:"; cat "$LOGS/postgres-start.log"; failed=$((failed + 1)); summary+=("PostgreSQL 0/1")
fi
stage "crash rounds" crash.log 600 env ROUNDS=2 python3 scripts/crash_test.py
stage "email over TLS" smtp-tls.log 300 "$PYTHON" scripts/smtp_tls_test.py
stage "OpenAPI vs server (schemathesis)" schemathesis.log 600 bash scripts/schemathesis_test.sh
echo
(IFS=','; echo "make test ran: ${summary[*]}" | sed 's/,/, /g')
echo "total: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
