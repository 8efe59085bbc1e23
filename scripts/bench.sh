#!/usr/bin/env bash
# Benchmarks the release build with wrk (-t2 -c64 -d10s by default) on a fresh demo database and
# writes the table to bench/results.md. Traffic goes to 127.0.0.1 only; every run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/megaport-server
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WORK=bench/tmp
rm -rf "$WORK" && mkdir -p "$WORK"
DB="$WORK/bench.sqlite"

TOKEN=$("$BIN" demo --db "$DB" | python3 -c 'import json,sys; print(json.load(sys.stdin)["tokens"]["admin@acme.example"])')
"$BIN" serve --db "$DB" --port 0 --log-level warning --max-connections 20000 > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
PORT=""
for _ in $(seq 1 50); do
  PORT=$(grep -o '"port":[0-9]*' "$WORK/server.log" | head -1 | cut -d: -f2 || true)
  [ -n "$PORT" ] && break
  sleep 0.1
done
[ -n "$PORT" ] || { echo "server did not start"; cat "$WORK/server.log"; exit 1; }
BASE="http://127.0.0.1:$PORT"

rss_mb() { awk '/VmHWM/ {printf "%.1f", $2/1024}' /proc/$SERVER/status; }

row() {  # name, path
  local out rps p50 p99
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$2")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  echo "| $1 | $rps | $p50 | $p99 | $(rss_mb) |"
}

{
  echo "# Benchmark results"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr);"
  echo "$(swift --version 2>/dev/null | head -1). wrk -t$THREADS -c$CONNECTIONS -d$DURATION on the same machine, $(date -u +%Y-%m-%d)."
  echo
  echo "| scenario | req/s | p50 | p99 | peak RSS (MiB) |"
  echo "|---|---|---|---|---|"
  row "GET /health" "/health"
  row "GET /secure/dropdowns/locations (token)" "/secure/dropdowns/locations?token=$TOKEN"
  row "GET /v2/locations (token)" "/v2/locations?token=$TOKEN"
} | tee bench/results.md
