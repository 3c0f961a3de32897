#!/usr/bin/env bash
# One fuzz test: fuzz/check.sh BINARY RUNS|SECONDS CORPUS SEEDS...
#   RUNS (e.g. 10000): the test command's form. A fixed seed, a fixed number of inputs and a
#   fresh CORPUS make every run of the suite try the same inputs, so it cannot fail by chance.
#   SECONDS (e.g. 600s): ./dev.sh fuzz. Random, and CORPUS keeps what it finds for the next run.
set -euo pipefail
binary="$1" amount="$2" corpus="$3"
shift 3
# A hang is one input taking a minute: far above the slowest legitimate input under ASan on a
# loaded 2-core machine (a flow with 66,000 alias-expanded values: about 6 s).
common=(-timeout=60 -rss_limit_mb=2048 -print_final_stats=1 "-artifact_prefix=$(dirname "$corpus")/$(basename "$binary")-")
if [[ "$amount" == *s ]]; then
  mkdir -p "$corpus"
  exec "$binary" "${common[@]}" -max_total_time="${amount%s}" "$corpus" "$@"
fi
rm -rf "$corpus"
mkdir -p "$corpus"
exec "$binary" "${common[@]}" -seed=1 -runs="$amount" "$corpus" "$@"
