#!/usr/bin/env bash
# make run-cluster: a local PostgreSQL (a throwaway cluster in $CLUSTER_DIR, outside the clone) and three
# `serve` nodes on it, on ports 8081, 8082 and 8083, with the demo world. Ctrl-C stops the nodes and the
# database. Put any load balancer in front of the three ports, or call them directly.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/megaport-server}
DIR=${CLUSTER_DIR:-/tmp/megaport-cluster}
bash scripts/pg_cluster.sh stop "$DIR"
URL=$(bash scripts/pg_cluster.sh start "$DIR")
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; bash scripts/pg_cluster.sh stop "$DIR"; }
trap cleanup EXIT INT TERM
"$BIN" demo --db "$URL"
for n in 1 2 3; do
  "$BIN" serve --db "$URL" --port "808$n" --node-name "node$n" >"$DIR/node$n.log" 2>&1 &
  pids+=($!)
done
echo
echo "Three nodes on one PostgreSQL ($URL):"
echo "  http://127.0.0.1:8081  http://127.0.0.1:8082  http://127.0.0.1:8083   (logs: $DIR/node*.log)"
echo "  try: curl http://127.0.0.1:8082/health — a token from above works on every node. Ctrl-C stops them all."
wait
