#!/usr/bin/env bash
# The peers benchmark: the same workloads timed as whole processes with hyperfine, for
# Flowdeck and for make, ninja, snakemake and Dask, then the engine, store, scheduler and editor
# benchmarks. Not part of the tests (it takes minutes); run it on a quiet machine:
#   ./dev.sh bench [--runs N] [--only WORKLOAD[,WORKLOAD]] [--no-internal]
# Prints one table (Markdown) and writes it, with the machine and the peers' versions, to
# build/bench-peers/results.md (docs/performance.md holds the last one).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(cd "$here/../.." && pwd)"
build="${FLOWDECK_BUILD_DIR:-$top/build}"
out="$build/bench-peers"
runs=10
only=""
internal=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --no-internal) internal=0; shift ;;
    *) sed -n '2,8p' "$0"; exit 2 ;;
  esac
done

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

peers=(make ninja-build snakemake python3-dask python3-distributed hyperfine time)
missing=()
for p in "${peers[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing the peers: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

"$top/dev.sh" build
cli="$build/app/flowdeck-cli"
# Debian's python3 has dask; a pyenv python3 earlier on PATH may not.
py=/usr/bin/python3

rm -rf "$out"
mkdir -p "$out/json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$py" "$here/workloads.py" "$work"

wanted() { [ -z "$only" ] || [[ ",$only," == *",$1,"* ]]; }

for w in shell-1000 chain-200 fan-500 noop-10000 noop-100000; do
  wanted "$w" || continue
  d="$work/$w"
  say "Workload $w ($(cat "$d/tasks") tasks)"
  cmds=(-n flowdeck "$cli run flow.flow.yaml --db $d/bench.db --quiet --max-parallel 2")
  cmds+=(-n "flowdeck --json" "$cli run flow.flow.yaml --db $d/bench.db --json --max-parallel 2")
  if [ -f "$d/Makefile" ] && [[ "$w" == noop-* ]]; then
    cmds+=(-n "make -j2" "make -s -j2")  # empty recipes start no shell: SHELL makes no difference
  elif [ -f "$d/Makefile" ]; then
    cmds+=(-n "make -j2 (sh)" "make -s -j2 SHELL=/bin/sh" -n "make -j2 (bash)" "make -s -j2 SHELL=/bin/bash")
  fi
  [ -f "$d/build.ninja" ] && cmds+=(-n "ninja -j2" "ninja -j2 --quiet")
  [ -f "$d/dask_run.py" ] && cmds+=(-n "dask threaded" "$py dask_run.py threads")
  # Peers that take seconds to minutes per run (snakemake's DAG, a Dask cluster's start) run fewer times.
  slow=()
  [ -f "$d/Snakefile" ] && slow+=(-n snakemake "snakemake -j2 --quiet all")
  [ -f "$d/dask_run.py" ] && slow+=(-n "dask distributed" "$py dask_run.py distributed")
  prepare="rm -rf $d/bench.db* $d/.ninja_log $d/.snakemake $d/out; mkdir -p $d/out"
  (cd "$d" && hyperfine --style basic --warmup 1 --runs "$runs" --prepare "$prepare" \
     --export-json "$out/json/$w.json" "${cmds[@]}")
  if [ ${#slow[@]} -gt 0 ]; then
    (cd "$d" && hyperfine --style basic --runs "$(( runs < 3 ? runs : 3 ))" --prepare "$prepare" \
       --export-json "$out/json/$w.slow.json" "${slow[@]}")
  fi
  if [[ "$w" == noop-* ]]; then
    # The floor: the same rows written by the sqlite3 C API alone into a copy of an empty store;
    # and loading plus validating the flow file, as a whole process.
    rm -rf "$d/empty.db"*
    "$cli" runs list --db "$d/empty.db" >/dev/null
    (cd "$d" && hyperfine --style basic --warmup 1 --runs "$runs" --prepare "rm -rf $d/floor.db*; cp $d/empty.db $d/floor.db" \
       --export-json "$out/json/$w.floor.json" -n "floor (sqlite3 C API, same rows)" "$build/bench/store_floor floor.db $(cat "$d/tasks")")
    (cd "$d" && hyperfine --style basic --warmup 1 --runs "$runs" \
       --export-json "$out/json/$w.validate.json" -n "flowdeck validate" "$cli validate flow.flow.yaml")
  fi
  # Peak memory of one Flowdeck run, fresh database.
  rm -rf "$d/bench.db"*
  (cd "$d" && /usr/bin/time -f '%M' -o "$out/json/$w.maxrss" "$cli" run flow.flow.yaml --db "$d/bench.db" --quiet \
     --max-parallel 2 >/dev/null)
  # Every state change persisted and queryable: count what the store holds after that run.
  "$cli" runs list --db "$d/bench.db" --json > "$out/json/$w.runs.json"
done

versions="$out/versions.txt"
{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
  echo "cpu: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "flowdeck: $("$cli" --version 2>/dev/null || echo '?') ($(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo '?'))"
  echo "make: $(make --version | head -1)"
  echo "ninja: $(ninja --version)"
  echo "snakemake: $(snakemake --version)"
  echo "dask: $("$py" -c 'import dask, distributed; print(dask.__version__, "/ distributed", distributed.__version__)')"
  echo "hyperfine: $(hyperfine --version)"
  echo "bash: $(bash --version | head -1)"
} > "$versions"

"$py" "$here/table.py" "$out/json" "$versions" | tee "$out/results.md"

if [ "$internal" -eq 1 ]; then
  say "Internal benchmarks"
  for b in bench_engine bench_store bench_schedule bench_scheduler; do
    [ -x "$build/bench/$b" ] && "$build/bench/$b" | tee -a "$out/results.md"
  done
  # The 1 GB database it generates is kept, so the next run only reads it.
  [ -x "$build/bench/bench_store_scale" ] && "$build/bench/bench_store_scale" "$out/store-scale" | tee -a "$out/results.md"
  [ -x "$build/bench/bench_editor" ] && QT_QPA_PLATFORM=offscreen "$build/bench/bench_editor" | tee -a "$out/results.md"
fi
say "Written: $out/results.md"
