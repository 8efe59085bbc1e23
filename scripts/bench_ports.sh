# Sourced by the benchmark scripts. ports TOKEN NAME [COUNT]: orders COUNT ports (24 by default, spread
# over 40 locations) as the token's user, against $BASE, and prints their ids on one line. The VXC
# scenarios take a fresh set for each run, so their VLANs never collide; each port's VLANs last ~1,000
# rounds of the set, so 48 ports carry 10 s of up to ~9.5k VXC orders a second.
ports() {
  for n in $(seq 1 "${3:-24}"); do
    curl -sf -X POST -H 'Content-Type: application/json' -H "X-Auth-Token: $1" "$BASE/secure/ecommerce/megaport/order" \
         -d "{\"serviceName\":\"$2 $n\",\"megaPortProvItem\":{\"speed\":10000,\"location_id\":$(( (n % 40) + 1 ))}}" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)[2])'
  done | tr '\n' ' '
}
