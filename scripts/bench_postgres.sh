#!/usr/bin/env bash
# PostgreSQL rows for make bench: the release build on a throwaway local cluster (synchronous commit on,
# as durable as SQLite's synchronous=FULL), one node and then three nodes on the one database, wrk from
# this machine. With three nodes, three wrk processes share the connections (one per node) and the
# requests per second are their sum; p50 and p99 are the worst of the three. Prints a Markdown section.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/megaport-server
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
export LUA_DIR="$PWD/bench/lua"
DIR=$(mktemp -d /tmp/megaport-bench-pg.XXXXXX)
URL=$(bash scripts/pg_cluster.sh start "$DIR")
trap 'kill $(cat "$DIR"/*.pid 2>/dev/null) 2>/dev/null || true; bash scripts/pg_cluster.sh stop "$DIR"' EXIT
ACME=$("$BIN" demo --json --db "$URL" | python3 -c "import json,sys; print(json.load(sys.stdin)['tokens']['admin@acme.example'])")

start_node() {
  "$BIN" serve --db "$URL" --port 0 --node-name "bench$1" --log-level warning --max-connections 20000 --max-connections-per-address 0 \
    --provisioning-delay-ms 3000 > "$DIR/node$1.log" 2>&1 &
  echo $! > "$DIR/node$1.pid"
  bash scripts/listening_port.sh "$DIR/node$1.log"
}

run() {  # connections, token, lua, path, base URLs… → "rps p50 p99" over the bases
  local connections=$1 token=$2 lua=$3 path=$4; shift 4
  local each=$(( connections / $# )) outs=() i=0
  for base in "$@"; do
    TOKEN="$token" PATH_UNDER_TEST="$path" wrk -t1 -c"$each" -d"$DURATION" --latency -s "bench/lua/$lua" "$base" > "$DIR/wrk.$i" &
    outs+=($!); i=$((i + 1))
  done
  wait "${outs[@]}"
  cat "$DIR"/wrk.* | python3 -c '
import re, sys
text = sys.stdin.read()
rps = sum(float(x) for x in re.findall(r"Requests/sec:\s+([\d.]+)", text))
def ms(v):  # a node that answered nothing prints "-nan": that row then shows nan, not a crash
    number = re.match(r"[\d.]+", v)
    if not number: return float("nan")
    return float(number.group()) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[re.sub(r"[\d.]+", "", v)]
# lines of the latency distribution only: a thread-stats column such as "91.50%" ends in "50%" too
worst = lambda p: max((ms(v) for v in re.findall(r"^\s+" + p + r"%\s+(\S+)", text, re.M)), key=lambda x: float("inf") if x != x else x)
errors = sum(int(x) for x in re.findall(r"Non-2xx or 3xx responses: (\d+)", text))
p50, p99 = worst("50"), worst("99")
print(f"{rps:.0f} | {p50:.2f}ms | {p99:.2f}ms | {errors}")'
  rm -f "$DIR"/wrk.*
}

ONE="http://127.0.0.1:$(start_node 1)"
echo "## PostgreSQL"
echo
echo "PostgreSQL $(psql -Atq "$URL" -c 'SHOW server_version') on this machine (a throwaway cluster, synchronous_commit on),"
echo "$CONNECTIONS connections in all, $DURATION per row; writes group-committed per node under one database-wide lock."
echo
echo "| scenario | nodes | req/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|---|"
echo "| GET /secure/dropdowns/locations (token) | 1 | $(run "$CONNECTIONS" "$ACME" get.lua /secure/dropdowns/locations "$ONE") |"
echo "| POST /secure/ecommerce/megaport/order | 1 | $(run "$CONNECTIONS" "$ACME" port_order.lua / "$ONE") |"
TWO="http://127.0.0.1:$(start_node 2)"; THREE="http://127.0.0.1:$(start_node 3)"
echo "| GET /secure/dropdowns/locations (token) | 3 | $(run "$CONNECTIONS" "$ACME" get.lua /secure/dropdowns/locations "$ONE" "$TWO" "$THREE") |"
echo "| POST /secure/ecommerce/megaport/order | 3 | $(run "$CONNECTIONS" "$ACME" port_order.lua / "$ONE" "$TWO" "$THREE") |"
