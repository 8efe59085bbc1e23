#!/usr/bin/env bash
# make bench-scale: the same scenarios on the demo database and on databases grown to 10k, 100k and 1M
# services (admin seed-scale: bulk SQL on top of the demo world, 20 services a company), so that what
# grows with the data shows. Release build, wrk -t2 -c64, request logs off. Writes bench/results-scale.md.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/megaport-server
DURATION=${DURATION:-10s}
SIZES=${SIZES:-"0 10000 100000 1000000"}
WORK=bench/tmp-scale
export LUA_DIR="$PWD/bench/lua"
rm -rf "$WORK" && mkdir -p "$WORK"

row() {  # token, lua, path → "req/s · p50 · p99"
  local out
  out=$(TOKEN="$1" PATH_UNDER_TEST="$3" wrk -t2 -c64 -d"$DURATION" --latency -s "bench/lua/$2" "$BASE")
  echo "$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}') · $(echo "$out" | awk '$1=="50%" {print $2}') · $(echo "$out" | awk '$1=="99%" {print $2}')"
}

median() {  # three "req/s · p50 · p99" cells → each column's median (latencies in ms)
  python3 - "$@" <<'PY'
import statistics, sys
def ms(text):
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(unit): return float(text[:-len(unit)]) * factor
    return float("nan")
runs = [cell.split(" · ") for cell in sys.argv[1:]]
rps = statistics.median(float(r[0]) for r in runs)
p50, p99 = (statistics.median(ms(r[k]) for r in runs) for k in (1, 2))
print(f"{rps:.0f} · {p50:.2f}ms · {p99:.2f}ms")
PY
}

source scripts/bench_ports.sh

declare -A cell
for size in $SIZES; do
  DB="$WORK/scale-$size.sqlite"
  DEMO=$("$BIN" demo --json --db "$DB")
  seeded="—"
  if [ "$size" -gt 0 ]; then seeded=$("$BIN" admin seed-scale --db "$DB" --services "$size" --companies $((size / 20))); fi
  ACME=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['tokens']['admin@acme.example'])" "$DEMO")
  FIRST=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['ports']['The MEGAPORT at Global Switch'])" "$DEMO")
  start=$(date +%s%N)
  "$BIN" serve --db "$DB" --port 0 --log-level warning --provisioning-delay-ms 3000 > "$WORK/server-$size.log" 2>&1 &
  SERVER=$!
  PORT=$(bash scripts/listening_port.sh "$WORK/server-$size.log")
  BASE="http://127.0.0.1:$PORT"
  until curl -sf "$BASE/health" > /dev/null; do sleep 0.01; done
  cell[$size,ready]="$(( ($(date +%s%N) - start) / 1000000 )) ms"
  cell[$size,health]=$(row "" get.lua /health)
  cell[$size,locations]=$(row "$ACME" get.lua /secure/dropdowns/locations)
  cell[$size,port]=$(row "$ACME" get.lua "/secure/technicalservice/$FIRST")
  # Orders three times each, the median of each column: one run's p99 is decided by a few stalls.
  cell[$size,order]=$(median "$(row "$ACME" port_order.lua /)" "$(row "$ACME" port_order.lua /)" "$(row "$ACME" port_order.lua /)")
  vxc=()
  for _ in 1 2 3; do vxc+=("$(PORTS=$(ports "$ACME" "vxc port" 48) row "$ACME" vxc_order.lua /)"); done
  cell[$size,vxc]=$(median "${vxc[@]}")
  cell[$size,rss]="$(awk '/VmRSS/ {printf "%.1f MiB", $2/1024}' /proc/$SERVER/status)"
  kill $SERVER; wait $SERVER 2>/dev/null || true
  cell[$size,size]="$(du -m "$DB" | cut -f1) MiB"
  cell[$size,seeded]=$seeded
  echo "size $size done" >&2
done

{
  echo "# Scale results"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); wrk -t2 -c64 -d$DURATION, $(date -u +%Y-%m-%d)."
  echo "Each column is the demo world grown by \`admin seed-scale\` to that many services (half LIVE ports, half VXCs"
  echo "between ports of one company with their VLANs, 20 services a company). Cells: req/s · p50 · p99;"
  echo "for the orders, each column's median over three runs."
  echo
  header="| scenario |"; rule="|---|"
  for size in $SIZES; do header="$header $( [ "$size" = 0 ] && echo demo || echo "$size services") |"; rule="$rule---|"; done
  echo "$header"; echo "$rule"
  for key in health:"GET /health" locations:"locations dropdown (token)" port:"technicalservice of the demo port" \
             order:"port order (durable)" vxc:"VXC order (durable, distinct VLANs)" ready:"serve ready (start to first /health)" \
             rss:"RSS after the runs" size:"database size" seeded:"seeding"; do
    line="| ${key#*:} |"
    for size in $SIZES; do line="$line ${cell[$size,${key%%:*}]} |"; done
    echo "$line"
  done
} | tee bench/results-scale.md
rm -rf "$WORK"
