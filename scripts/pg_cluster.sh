#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and for trying several nodes locally.
#   scripts/pg_cluster.sh start DIR   initdb into DIR (outside the clone), start it on a free loopback
#                                     port, create database "megaport"; prints the libpq URL
#   scripts/pg_cluster.sh stop DIR    stop it and remove DIR
#   scripts/pg_cluster.sh halt DIR    stop the server, keeping its data (as an outage would)
#   scripts/pg_cluster.sh resume DIR  start it again on the same port
# Runs the server as the postgres user when started as root (PostgreSQL refuses to run as root).
set -euo pipefail
action=${1:?start or stop}; dir=${2:?a directory for the cluster}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server programs not found (make deps installs postgresql)" >&2; exit 1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$action" in
start)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1
  echo "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=1000" >"$dir/options"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$(cat "$dir/options")" start >/dev/null
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres megaport
  as_owner "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d megaport -c "CREATE EXTENSION citext" >/dev/null
  echo "postgres://postgres@127.0.0.1:$port/megaport"
  ;;
halt)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  ;;
resume)
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$(cat "$dir/options")" start >/dev/null
  ;;
stop)
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*) echo "usage: $0 start|stop|halt|resume DIR" >&2; exit 2 ;;
esac
