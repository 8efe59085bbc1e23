#!/usr/bin/env bash
# Builds the libFuzzer targets with swiftc and runs each for FUZZ_SECONDS (default 600).
# Crashes are written to Fuzz/findings/; each one becomes a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-600}
OUT=.build/fuzz
mkdir -p "$OUT" Fuzz/findings
FLAGS=(-O -sanitize=fuzzer,address -parse-as-library -Xlinker --allow-multiple-definition)
swiftc "${FLAGS[@]}" -module-name ParserFuzz $(find Sources/HTTPCore -name '*.swift') Fuzz/RequestParserFuzz.swift -o "$OUT/parser" 2>&1 | grep -v 'warning: Cannot export' || true
swiftc "${FLAGS[@]}" -module-name JSONFuzz Sources/JSON/*.swift Fuzz/JSONFuzz.swift -o "$OUT/json" 2>&1 | grep -v 'warning: Cannot export' || true
failed=()
for target in ${FUZZ_TARGETS:-parser json}; do
  mkdir -p "$OUT/corpus-$target"
  echo "fuzzing $target for ${SECONDS_EACH}s"
  # A crash stops this target only; the others still run, and the script fails at the end.
  if ! "$OUT/$target" "$OUT/corpus-$target" "Fuzz/corpus/$target" -max_total_time="$SECONDS_EACH" -max_len=4096 \
    -artifact_prefix=Fuzz/findings/"$target"- -print_final_stats=1 >"$OUT/$target.log" 2>&1; then
    failed+=("$target")
  fi
  tail -15 "$OUT/$target.log"
done
if ((${#failed[@]})); then
  echo "fuzzing found crashes in: ${failed[*]} (inputs in Fuzz/findings/)" >&2
  exit 1
fi
