"""Checks a Prefect export against Prefect 3's real API, as extracted from its source into
tests/data/prefect3-api.json: every import exists, every @task/@flow keyword is a parameter of
task()/flow(), every .submit() keyword is one Task.submit takes, and every prefect.yaml key is one
the prefect.yaml schema declares (Prefect ignores unknown keys silently, so a typo would only
fail in production). Usage: python3 check_prefect_export.py API.json EXPORT_DIR
Prints one line per problem and exits 1 on any."""

import ast
import json
import pathlib
import sys

import yaml

api = json.loads(pathlib.Path(sys.argv[1]).read_text())
export = pathlib.Path(sys.argv[2])
problems = []


def check_module(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module.startswith("prefect"):
            known = api["modules"].get(node.module)
            for alias in node.names:
                if known is None or alias.name not in known:
                    problems.append(f"{path.name}:{node.lineno}: from {node.module} import {alias.name}: not in Prefect 3")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("task", "flow"):
            allowed = api["task_decorator" if node.func.id == "task" else "flow_decorator"]
            for kw in node.keywords:
                if kw.arg not in allowed:
                    problems.append(f"{path.name}:{node.lineno}: @{node.func.id}({kw.arg}=...): not a parameter of Prefect 3's {node.func.id}()")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "exponential_backoff":
            for kw in node.keywords:
                if kw.arg not in api["exponential_backoff"]:
                    problems.append(f"{path.name}:{node.lineno}: exponential_backoff({kw.arg}=...): no such parameter")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "submit":
            for kw in node.keywords:
                if kw.arg not in ("wait_for", "return_state", "item", "index"):
                    problems.append(f"{path.name}:{node.lineno}: .submit({kw.arg}=...): Task.submit takes wait_for, return_state and the task's own parameters")
    tasks = [f for f in functions.values() if any(isinstance(d, ast.Call) and getattr(d.func, "id", "") == "task" for d in f.decorator_list)]
    if not tasks:
        problems.append(f"{path.name}: no @task functions")


def check_keys(where, mapping, allowed):
    for key in mapping:
        if key not in allowed:
            problems.append(f"prefect.yaml: {where}.{key}: not a key of Prefect 3's prefect.yaml (expected one of {', '.join(allowed)})")


def check_prefect_yaml(path):
    doc = yaml.safe_load(path.read_text())
    spec = api["prefect_yaml"]
    check_keys("(top)", doc, spec["top"])
    for i, d in enumerate(doc.get("deployments") or []):
        check_keys(f"deployments[{i}]", d, spec["deployment"])
        for j, s in enumerate(d.get("schedules") or []):
            check_keys(f"deployments[{i}].schedules[{j}]", s, spec["schedule"])
            if sum(k in s for k in ("cron", "interval", "rrule")) != 1:
                problems.append(f"prefect.yaml: deployments[{i}].schedules[{j}]: exactly one of cron, interval, rrule")
        check_keys(f"deployments[{i}].work_pool", d.get("work_pool") or {}, spec["work_pool"])
        module, _, function = d["entrypoint"].partition(":")
        source = export / module
        if not source.is_file():
            problems.append(f"prefect.yaml: entrypoint {d['entrypoint']}: no file {module}")
        elif function not in {n.name for n in ast.parse(source.read_text()).body if isinstance(n, ast.FunctionDef)}:
            problems.append(f"prefect.yaml: entrypoint {d['entrypoint']}: no function {function}")


for module in sorted(export.glob("*.py")):
    check_module(module)
check_prefect_yaml(export / "prefect.yaml")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
