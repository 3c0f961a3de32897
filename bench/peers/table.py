#!/usr/bin/env python3
"""Prints the peers benchmark as Markdown: one table per workload, then the goals.

    table.py JSON_DIR VERSIONS_FILE

JSON_DIR holds hyperfine's --export-json files (WORKLOAD.json; .slow.json for the slow peers,
.floor.json for the sqlite3 floor, .validate.json for `flowdeck-cli validate`), the peak RSS of a Flowdeck run
(WORKLOAD.maxrss, KiB) and `runs list --json` after it (WORKLOAD.runs.json).
"""
import json
import os
import sys

ORDER = ["shell-1000", "chain-200", "fan-500", "noop-10000", "noop-100000"]
TASKS = {"shell-1000": 1000, "chain-200": 200, "fan-500": 502, "noop-10000": 10000, "noop-100000": 100000}
WHAT = {
    "shell-1000": "1,000 independent `true` shell tasks",
    "chain-200": "a chain of 200 `true` shell tasks",
    "fan-500": "1 -> 500 -> 1 `true` shell tasks",
    "noop-10000": "10,000 independent no-op tasks",
    "noop-100000": "100,000 independent no-op tasks",
}


def load(folder, workload):
    """hyperfine's results by command name: the fast peers' file, then the slow peers' file."""
    results = {}
    for suffix in (".json", ".slow.json", ".floor.json", ".validate.json"):
        path = os.path.join(folder, workload + suffix)
        if os.path.exists(path):
            with open(path) as f:
                results.update({r["command"]: r for r in json.load(f)["results"]})
    return results or None


def maxrss_mb(folder, workload):
    path = os.path.join(folder, workload + ".maxrss")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return int(f.read().strip().splitlines()[-1]) * 1024 / 1e6


def main():
    folder, versions = sys.argv[1], sys.argv[2]
    print("# Flowdeck against its peers\n")
    print("Whole processes timed with hyperfine (mean ± standard deviation of the runs), a fresh")
    print("run database for every Flowdeck run, 2 tasks at a time everywhere. Per task: wall time")
    print("divided by the number of tasks. Ratio: Flowdeck's time divided by the peer's (below 1 is")
    print("faster). Snakemake and Dask distributed run at most three times (each run takes seconds).\n")
    goals = []
    for w in ORDER:
        results = load(folder, w)
        if not results:
            continue
        n = TASKS[w]
        ours = results["flowdeck"]["mean"]
        print(f"## {w}: {WHAT[w]}\n")
        print("| tool | wall time (s) | tasks/s | per task (ms) | Flowdeck ÷ tool |")
        print("|---|---:|---:|---:|---:|")
        for name, r in results.items():
            ratio = "" if name in ("flowdeck", "flowdeck validate") else f"{ours / r['mean']:.2f}×"
            if name == "flowdeck --json":
                ratio = f"+{100 * (r['mean'] / ours - 1):.0f} % over flowdeck"
            print(f"| {name} | {r['mean']:.3f} ± {r['stddev'] or 0:.3f} | {n / r['mean']:,.0f} | "
                  f"{1000 * r['mean'] / n:.3f} | {ratio} |")
        rss = maxrss_mb(folder, w)
        if rss is not None:
            print(f"\nFlowdeck's peak memory (RSS): {rss:.0f} MB.")
        print()
        if w in ("shell-1000", "chain-200", "fan-500") and "make -j2 (bash)" in results:
            ratio = ours / results["make -j2 (bash)"]["mean"]
            goals.append((f"{w}: ≤ 1.10× make -j2 (bash)", f"{ratio:.2f}×", ratio <= 1.10))
        if w == "noop-10000" and "dask threaded" in results:
            speedup = results["dask threaded"]["mean"] / ours
            goals.append((f"{w}: ≥ 10× faster than Dask threaded", f"{speedup:.1f}× ({ours:.3f} s)", speedup >= 10))
        floor = results.get("floor (sqlite3 C API, same rows)")
        if w == "noop-10000" and "dask threaded" in results and floor:
            need = results["dask threaded"]["mean"] / 10
            goals.append((f"{w}: the floor alone vs 10× Dask ({need:.3f} s)", f"{floor['mean']:.3f} s",
                          floor["mean"] <= need))
        if w == "noop-100000":
            goals.append((f"{w}: ≤ 1 s", f"{ours:.3f} s", ours <= 1.0))
            if floor:
                goals.append((f"{w}: the floor alone ≤ 1 s", f"{floor['mean']:.3f} s", floor["mean"] <= 1.0))
            if rss is not None:
                goals.append((f"{w}: ≤ 300 MB", f"{rss:.0f} MB", rss <= 300))
        validate = results.get("flowdeck validate")
        if validate and w in ("noop-10000", "noop-100000"):
            limit = 0.020 if w == "noop-10000" else 0.250
            goals.append((f"{w}: load and validate ≤ {1000 * limit:.0f} ms (whole process)",
                          f"{1000 * validate['mean']:.0f} ms", validate["mean"] <= limit))
        if "flowdeck --json" in results:
            extra = results["flowdeck --json"]["mean"] / ours - 1
            goals.append((f"{w}: --json adds ≤ 10 %", f"{100 * extra:+.1f} %", extra <= 0.10))
    print("## Goals (issue 12)\n")
    print("| goal | measured | met |")
    print("|---|---:|:---:|")
    for goal, measured, met in goals:
        print(f"| {goal} | {measured} | {'yes' if met else '**no**'} |")
    print("\n## Machine and versions\n")
    with open(versions) as f:
        for line in f:
            print(f"- {line.strip()}")
    print()


if __name__ == "__main__":
    main()
