"""Helpers for Flowdeck python tasks (standard library only).

A python task (and a branch task written in python) runs as ``python3 SCRIPT`` with this
package on ``PYTHONPATH``. The engine describes the task run in environment variables:

``FLOWDECK_INPUTS``
    path of a JSON file ``{"params": {...}, "upstream": {"task": result, ...},
    "item": <map item>, "index": <int>}`` (``item`` and ``index`` only for mapped tasks; the
    result of a mapped upstream task is the list of its items' results)
``FLOWDECK_RESULT``
    path where the task may write its JSON result
``FLOWDECK_RUN_DIR``
    a per-run scratch directory that already exists; write every output there
``FLOWDECK_FLOW_DIR``, ``FLOWDECK_TASK``, ``FLOWDECK_RUN_ID``
    the folder of the flow file, the task's name, the run's id

Typical use::

    from flowdeck import params, upstream, item, set_result, logger

    logger.info("processing %s", item)
    set_result({"rows": 42})

``params``, ``upstream``, ``item`` and ``index`` are read from the inputs file the first
time one of them is used. ``logger`` writes one line per record to stderr, as
``LEVEL: message`` (DEBUG, INFO, WARNING, ERROR, CRITICAL), so the engine stores each line at
its level (CRITICAL as error) without the prefix; a multi-line message repeats the prefix on
every line. Set ``FLOWDECK_TASK_LOG_LEVEL`` (in the task's ``env:`` or the runner's
environment) to change the threshold (default INFO). ``FLOWDECK_LOG_LEVEL`` is the level of
Flowdeck's own application log and does not change what a task logs.

Run by hand, without the engine, a script still works: there are no inputs (``params`` and
``upstream`` are empty, ``item`` is None) and ``set_result`` prints the result to stdout.
"""

import json
import logging
import os
import sys
import tempfile

__all__ = [
    "params",
    "upstream",
    "item",
    "index",
    "inputs",
    "set_result",
    "logger",
    "run_dir",
    "flow_dir",
    "task_name",
    "run_id",
]

_LAZY = ("params", "upstream", "item", "index")
_inputs_cache = None


class _LineFormatter(logging.Formatter):
    """Formats a record as ``LEVEL: message``, prefixing every line of a multi-line message."""

    def format(self, record):
        text = super().format(record)
        prefix = record.levelname + ": "
        return "\n".join(prefix + line for line in text.splitlines() or [""])


def _make_logger():
    name = os.environ.get("FLOWDECK_TASK") or "task"
    log = logging.getLogger("flowdeck." + name)
    if not any(getattr(h, "_flowdeck", False) for h in log.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_LineFormatter("%(message)s"))
        handler._flowdeck = True
        log.addHandler(handler)
    log.propagate = False
    # Not FLOWDECK_LOG_LEVEL: that one quiets Flowdeck's application log, never task output.
    level = os.environ.get("FLOWDECK_TASK_LOG_LEVEL", "INFO").strip().upper()
    log.setLevel(level if level in logging._nameToLevel else logging.INFO)
    return log


logger = _make_logger()


def inputs():
    """The whole inputs document (read once, on first use)."""
    global _inputs_cache
    if _inputs_cache is None:
        path = os.environ.get("FLOWDECK_INPUTS")
        if not path:
            _inputs_cache = {}
        else:
            try:
                with open(path, "r", encoding="utf-8") as f:
                    data = json.load(f)
            except (OSError, ValueError) as e:
                raise RuntimeError("flowdeck: cannot read the inputs file %r: %s" % (path, e)) from e
            if not isinstance(data, dict):
                raise RuntimeError("flowdeck: the inputs file %r is not a JSON object" % path)
            _inputs_cache = data
    return _inputs_cache


def __getattr__(name):
    # PEP 562: `from flowdeck import params` lands here, so the file is read lazily.
    if name in _LAZY:
        data = inputs()
        if name in ("params", "upstream"):
            value = data.get(name)
            return value if isinstance(value, dict) else {}
        return data.get(name)
    if name == "run_dir":
        return os.environ.get("FLOWDECK_RUN_DIR") or os.getcwd()
    if name == "flow_dir":
        return os.environ.get("FLOWDECK_FLOW_DIR") or os.getcwd()
    if name == "task_name":
        return os.environ.get("FLOWDECK_TASK", "")
    if name == "run_id":
        return os.environ.get("FLOWDECK_RUN_ID", "")
    raise AttributeError("module 'flowdeck' has no attribute %r" % name)


def __dir__():
    return sorted(set(globals()) | set(__all__))


def set_result(obj):
    """Stores @p obj (anything JSON can hold) as the task's result. The last call wins.

    The file is written atomically (a temporary file renamed over the target), so the engine
    never reads half a result, even if the task is killed while writing.
    """
    try:
        text = json.dumps(obj, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":"))
    except (TypeError, ValueError) as e:
        raise TypeError("flowdeck.set_result: the result must be JSON (dict, list, str, number, bool, "
                        "None; no NaN or infinity): %s" % e) from e
    path = os.environ.get("FLOWDECK_RESULT")
    if not path:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
        return
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".result-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
