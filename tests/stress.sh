#!/usr/bin/env bash
# Proves the test suite deterministic: runs the tests again and again while stress-ng keeps every
# core busy, and stops at the first failure. A test that passes here does not depend on machine
# speed or scheduling luck; one that fails is a P0 (see docs/testing.md).
#   tests/stress.sh BUILD_DIR [REPEATS] [CTEST_ARGS...]
#   e.g. tests/stress.sh build 20 -R 'test_serve|test_scheduler'
set -euo pipefail

build="${1:?usage: tests/stress.sh BUILD_DIR [REPEATS] [CTEST_ARGS...]}"
repeats="${2:-5}"
shift $(( $# >= 2 ? 2 : 1 ))
cores="$(nproc 2>/dev/null || echo 2)"
# With no selection, the suite as ./dev.sh test runs it: the long fault forms stay out.
[ $# -gt 0 ] || set -- -LE long

command -v stress-ng >/dev/null || { echo "stress.sh: stress-ng is not installed (./dev.sh deps)" >&2; exit 2; }
[ -f "$build/CTestTestfile.cmake" ] || { echo "stress.sh: $build is not a build folder (./dev.sh build)" >&2; exit 2; }

# Every core at 100 % for the whole run: the tests compete for CPU as on a loaded CI machine.
stress-ng --cpu "$cores" --cpu-method matrixprod --quiet &
load=$!
trap 'kill "$load" 2>/dev/null; wait "$load" 2>/dev/null || true' EXIT

echo "==> ctest --repeat until-fail:$repeats $* under stress-ng --cpu $cores"
start=$(date +%s)
status=0
(cd "$build" && ctest --output-on-failure -j "$cores" --timeout 600 --repeat "until-fail:$repeats" "$@") || status=$?
echo "==> $(( $(date +%s) - start )) s; $([ $status -eq 0 ] && echo "every repeat passed" || echo "a test failed (exit $status)")"
exit $status
