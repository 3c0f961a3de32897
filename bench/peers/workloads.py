#!/usr/bin/env python3
"""Writes the same workloads for Flowdeck and each peer into a folder.

    workloads.py DIR

For each workload W it writes DIR/W/: flow.flow.yaml (Flowdeck), Makefile (make), build.ninja
(ninja), Snakefile (snakemake) and dask_run.py (Dask, threaded or distributed), plus
DIR/W/tasks with the task count. Shell workloads run `true` in each task; noop workloads
do nothing in each task (Flowdeck's noop kind, an empty make/ninja target, a Python function
that returns for Dask). Peers that cannot express a workload get no file for it.
"""
import os
import sys

SHELL = {
    "shell-1000": ("independent", 1000),
    "chain-200": ("chain", 200),
    "fan-500": ("fan", 500),
}
NOOP = {
    "noop-10000": 10000,
    "noop-100000": 100000,
}


def edges(shape, n):
    """Task names in order and each task's upstream list."""
    if shape == "independent":
        return [(f"t{i}", []) for i in range(n)]
    if shape == "chain":
        return [(f"t{i}", [f"t{i - 1}"] if i else []) for i in range(n)]
    middle = [(f"m{i}", ["first"]) for i in range(n)]
    return [("first", [])] + middle + [("last", [f"m{i}" for i in range(n)])]


def flow_yaml(tasks, kind):
    out = ["apiVersion: flowdeck/v1", "kind: Flow", "name: bench", "tasks:"]
    for name, after in tasks:
        out.append(f"  {name}:")
        out.append(f"    kind: {kind}")
        if after:
            out.append(f"    after: [{', '.join(after)}]")
        if kind == "shell":
            out.append("    script: \"true\"")
    return "\n".join(out) + "\n"


def makefile(tasks, recipe):
    out = [".PHONY: all " + " ".join(n for n, _ in tasks), "all: " + " ".join(n for n, _ in tasks)]
    for name, after in tasks:
        out.append(f"{name}: {' '.join(after)}")
        if recipe:
            out.append(f"\t@{recipe}")
    return "\n".join(out) + "\n"


def ninja(tasks, command):
    out = []
    if command:
        out += ["rule run", f"  command = {command}", ""]
    for name, after in tasks:
        deps = (" || " + " ".join(after)) if after else ""
        out.append(f"build {name}: {'run' if command else 'phony'}{deps}")
    out.append("default " + " ".join(n for n, _ in tasks))
    return "\n".join(out) + "\n"


def snakefile(tasks):
    # Each rule makes a marker file, the way snakemake tracks work; `true` runs in the shell.
    out = ["rule all:", "    input: [" + ", ".join(f'"out/{n}"' for n, _ in tasks) + "]", ""]
    for name, after in tasks:
        out += [f"rule {name}:",
                "    input: [" + ", ".join(f'"out/{a}"' for a in after) + "]",
                f'    output: "out/{name}"',
                '    shell: "true && touch {output}"', ""]
    return "\n".join(out)


def dask_script(tasks, shell):
    names = [n for n, _ in tasks]
    deps = {n: a for n, a in tasks}
    return f'''import subprocess, sys
import dask
from dask import delayed

SHELL = {shell!r}
DEPS = {deps!r}
ORDER = {names!r}

def task(*upstream):
    if SHELL:
        subprocess.run(["bash", "-c", "true"], check=True)
    return None

def main():
    made = {{}}
    for name in ORDER:
        made[name] = delayed(task, pure=False)(*[made[u] for u in DEPS[name]])
    graph = list(made.values())
    if sys.argv[1] == "threads":
        dask.compute(*graph, scheduler="threads", num_workers=2)
    else:
        from dask.distributed import Client, LocalCluster
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
            dask.compute(*graph, scheduler=client)

if __name__ == "__main__":
    main()
'''


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def main():
    root = sys.argv[1]
    for name, (shape, n) in SHELL.items():
        d = os.path.join(root, name)
        os.makedirs(os.path.join(d, "out"), exist_ok=True)
        tasks = edges(shape, n)
        write(os.path.join(d, "tasks"), str(len(tasks)))
        write(os.path.join(d, "flow.flow.yaml"), flow_yaml(tasks, "shell"))
        write(os.path.join(d, "Makefile"), makefile(tasks, "true"))
        write(os.path.join(d, "build.ninja"), ninja(tasks, "true"))
        write(os.path.join(d, "Snakefile"), snakefile(tasks))
        write(os.path.join(d, "dask_run.py"), dask_script(tasks, True))
    for name, n in NOOP.items():
        d = os.path.join(root, name)
        os.makedirs(d, exist_ok=True)
        tasks = edges("independent", n)
        write(os.path.join(d, "tasks"), str(n))
        write(os.path.join(d, "flow.flow.yaml"), flow_yaml(tasks, "noop"))
        if n <= 10000:  # the peers' files for 100,000 tasks take minutes to even read
            write(os.path.join(d, "Makefile"), makefile(tasks, ""))
            write(os.path.join(d, "build.ninja"), ninja(tasks, ""))
            write(os.path.join(d, "dask_run.py"), dask_script(tasks, False))


if __name__ == "__main__":
    main()
