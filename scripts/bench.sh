#!/usr/bin/env bash
# make bench: the release build on a fresh demo database, measured with wrk (-t2 -c64 -d10s by default)
# from this machine. Writes bench/results.md. Traffic goes to 127.0.0.1 only; every run is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/megaport-server
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
IDLE=${IDLE:-10000}
WORK=bench/tmp
rm -rf "$WORK" && mkdir -p "$WORK"
DB="$WORK/bench.sqlite"
export LUA_DIR="$PWD/bench/lua"
ulimit -n 65536 2>/dev/null || true

DEMO=$("$BIN" demo --json --db "$DB")
token() { python3 -c "import json,sys; print(json.loads(sys.argv[1])['tokens'][sys.argv[2]])" "$DEMO" "$1"; }
ACME=$(token admin@acme.example); BETA=$(token admin@betacloud.example)
"$BIN" serve --db "$DB" --port 0 --log-level warning --max-connections 20000 --max-connections-per-address 0 --keep-alive-timeout-ms 600000 \
  --provisioning-delay-ms 3000 > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
PORT=$(bash scripts/listening_port.sh "$WORK/server.log") || { echo "server did not start"; cat "$WORK/server.log"; exit 1; }
BASE="http://127.0.0.1:$PORT"
post() { curl -sf -X POST -H 'Content-Type: application/json' -H "X-Auth-Token: $1" "$BASE$2" -d "$3"; }

# Fixtures: 48 Acme ports for VXCs between them (distinct VLANs), 40 requests on the first waiting for
# Beta's approval; 48 more Acme ports ordering VXCs to 48 Beta ports open on the marketplace.
source scripts/bench_ports.sh
PORTS=$(ports "$ACME" "vxc port" 48)
REQUEST_PORTS=$(ports "$ACME" "request port" 48)
B_PORTS=$(ports "$BETA" "beta port" 48)
for id in $B_PORTS; do
  curl -sf -X PUT -H 'Content-Type: application/json' -H "X-Auth-Token: $BETA" "$BASE/secure/technicalservice/$id" \
    -d '{"marketplaceVisibility":true}' > /dev/null
done
export PORTS
FIRST=$(echo $PORTS | cut -d' ' -f1)
for n in $(seq 1 40); do post "$ACME" /secure/ecommerce/vxc/order "{\"payerMegaPortNsId\":$FIRST,\"nonPayerMegaPortNsId\":4,\"speed\":10}" > /dev/null; done
# Four VXCs from each other port of the first 24 to the next (Acme's own: approved at once, no requests
# for Beta), so Acme holds about 200 services for the product list.
set -- $(echo $PORTS | cut -d' ' -f1-24)
shift
while [ $# -ge 2 ]; do
  for n in $(seq 1 4); do post "$ACME" /secure/ecommerce/vxc/order "{\"payerMegaPortNsId\":$1,\"nonPayerMegaPortNsId\":$2,\"speed\":10}" > /dev/null; done
  shift
done

services() {  # Acme's products: ports and the distinct VXCs and IXs on them
  curl -sf -H "X-Auth-Token: $ACME" "$BASE/v2/products" | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]
print(len(d) + len({c["productUid"] for p in d for c in p["associatedVxcs"] + p["associatedIxs"]}))'
}
rss() { awk '/VmRSS/ {printf "%.1f", $2/1024}' /proc/$SERVER/status; }
peak() { awk '/VmHWM/ {printf "%.1f", $2/1024}' /proc/$SERVER/status; }

settled() {  # waits (up to a minute) until no service of an earlier row is still waiting to go live
  local start=$SECONDS
  for _ in $(seq 1 120); do
    [ "$(sqlite3 "file:$DB?mode=ro" "SELECT count(*) FROM services WHERE provisioning_status = 'CONFIGURED'")" = 0 ] && break
    sleep 0.5
  done
  echo "(settled after $((SECONDS - start)) s)" >&2
}

served() {  # the server's own request-duration histogram: requests within 10 ms, within 25 ms, all
  curl -sf "$BASE/metrics" | awk '/^megaport_http_request_duration_seconds_bucket/ && /le="0.01"/ {a = $2}
    /^megaport_http_request_duration_seconds_bucket/ && /le="0.025"/ {b = $2} /^megaport_http_request_duration_seconds_count/ {c = $2}
    END {print a, b, c}'
}

row() {  # name, token, lua script, path[, Accept-Encoding]
  local out rps p50 p99 non2xx before after
  before=$(served)
  out=$(TOKEN="$2" PATH_UNDER_TEST="$4" ACCEPT_ENCODING="${5:-}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "bench/lua/$3" "$BASE")
  after=$(served)
  rps=$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  echo "| $1 | $rps | $p50 | $p99 | $(echo $before $after | awk '{n = $6 - $3; printf "%.1f%% · %.1f%%", 100 * ($4 - $1) / n, 100 * ($5 - $2) / n}') | $(rss) | ${non2xx:-0} |"
}

{
  echo "# Benchmark results"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr);"
  echo "$(swift --version 2>/dev/null | head -1). wrk -t$THREADS -c$CONNECTIONS -d$DURATION on the same machine, $(date -u +%Y-%m-%d)."
  echo "Writes are durable: WAL with synchronous=FULL, group commit. Request log lines off (--log-level warning)."
  echo "\"server ≤ 10 ms · ≤ 25 ms\": the share of the row's requests answered within 10 and 25 ms by the server's"
  echo "own histogram (a complete request to its serialized response); wrk's p50/p99 also count the time wrk"
  echo "waits for one of the two cores it shares with the server."
  echo
  echo "| scenario | req/s | p50 | p99 | server ≤ 10 ms · ≤ 25 ms | RSS after (MiB) | non-2xx |"
  echo "|---|---|---|---|---|---|---|"
  row "GET /health" "" get.lua /health
  row "GET /secure/dropdowns/locations (token)" "$ACME" get.lua /secure/dropdowns/locations
  row "GET /secure/technicalservice/{id}" "$ACME" get.lua "/secure/technicalservice/$FIRST"
  row "GET /secure/approvals (40 pending)" "$BETA" get.lua /secure/approvals
  row "GET /v2/products ($(services) services)" "$ACME" get.lua /v2/products
  row "GET /v2/products, gzip (as Go's HTTP transport asks)" "$ACME" get.lua /v2/products gzip
  row "POST /secure/ecommerce/megaport/order" "$ACME" port_order.lua /
  settled  # the ports above that found a free interface go live 3 s after their order, each with its email: not in the next row's time
  row "POST /secure/ecommerce/vxc/order (distinct VLANs)" "$ACME" vxc_order.lua /
  settled  # and so do these VXCs
  PORTS="$REQUEST_PORTS" B_PORTS="$B_PORTS" row "POST /secure/ecommerce/vxc/order to Beta (approval request, 5 emails)" "$ACME" vxc_order.lua /
  echo
  echo "Peak RSS over the runs: $(peak) MiB."
  echo
  echo "Soak: GET /health again (the baseline, in the database's state after the writes), then with"
  echo "$IDLE idle keep-alive connections held open:"
  echo
  echo "| scenario | req/s | p50 | p99 | server ≤ 10 ms · ≤ 25 ms | RSS after (MiB) | non-2xx |"
  echo "|---|---|---|---|---|---|---|"
  row "GET /health (baseline for the soak)" "" get.lua /health
  python3 bench/idle_connections.py "$PORT" "$IDLE" 60 > "$WORK/idle.log" 2>&1 &
  HOLDER=$!
  for _ in $(seq 1 300); do grep -q holding "$WORK/idle.log" 2>/dev/null && break; sleep 0.1; done
  row "GET /health with $IDLE idle connections" "" get.lua /health
  kill $HOLDER 2>/dev/null || true
  echo
  echo "Peak RSS including the soak: $(peak) MiB."
  echo
  echo "Open routes (no token): time per request and per KiB of body, 1 KiB to 1 MiB (median of 10)."
  echo "Bodies over 16 KiB are refused with 413 once read; the per-KiB cost must stay flat."
  echo
  python3 bench/open_routes.py "$PORT"
  echo
  kill $SERVER 2>/dev/null || true
  DURATION="$DURATION" CONNECTIONS="$CONNECTIONS" bash scripts/bench_postgres.sh
} | tee bench/results.md
