#!/usr/bin/env bash
# The OpenAPI document against the server it describes: schemathesis (from the project's virtual
# environment) runs every check on every operation with a fixed seed, 10 examples per operation, against
# a fresh demo database on loopback. Left out, each covered by its own tests instead: the logout routes
# (they would revoke the token the run uses) and DELETE /secure/company/contacts (a route that exists
# only to refuse). Random values for the security parameters are not generated: the run authenticates
# with X-Auth-Token, and random ?token= values would only ever meet 401.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/debug/megaport-server}
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
TOKEN=$("$BIN" demo --json --db "$WORK/st.sqlite" | python3 -c 'import json,sys; print(json.load(sys.stdin)["tokens"]["admin@acme.example"])')
"$BIN" serve --port 0 --log-level warning --provisioning-delay-ms 0 --max-connections-per-address 0 --db "$WORK/st.sqlite" > "$WORK/server.log" 2>&1 &
SERVER=$!
PORT=$(bash scripts/listening_port.sh "$WORK/server.log") || { echo "the server did not start"; echo "schemathesis: 0 passed, 1 failed"; exit 1; }
.venv/bin/st --config-file scripts/schemathesis.toml run "http://127.0.0.1:$PORT/openapi.json" -H "X-Auth-Token: $TOKEN" \
  --checks all --max-examples 10 --seed 1 --generation-with-security-parameters false \
  --exclude-path-regex 'logout' --exclude-method DELETE > "$WORK/st.txt" 2>&1
status=$?
cat "$WORK/st.txt"
line=$(grep -E '[0-9]+ generated' "$WORK/st.txt" | tail -1)
total=$(echo "$line" | sed -E 's/.* ([0-9]+) generated.*/\1/')
failures=$(grep -oE '[0-9]+ unique failures?' "$WORK/st.txt" | tail -1 | grep -oE '^[0-9]+' || echo 0)
[ -n "$total" ] || total=0
[ "$status" -eq 0 ] || [ "$failures" -gt 0 ] || failures=1
echo "schemathesis: $((total - failures)) passed, $failures failed"
[ "$status" -eq 0 ]
