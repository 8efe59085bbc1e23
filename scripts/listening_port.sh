#!/usr/bin/env bash
# Prints the port a `megaport-server serve --port 0` reports in its log (the "listening" line), waiting
# up to 10 s; exits 1 when it never appears. Usage: listening_port.sh LOGFILE
for _ in $(seq 1 100); do
  port=$(grep -o '"port":[0-9]*' "$1" 2>/dev/null | head -1 | cut -d: -f2)
  [ -n "$port" ] && { echo "$port"; exit 0; }
  sleep 0.1
done
exit 1
