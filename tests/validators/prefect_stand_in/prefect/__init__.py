"""A stand-in for the few Prefect 3 names a Flowdeck export imports (flow, task, unmapped), so
that test_cli_deploy can run a generated flow module where Prefect itself cannot be installed.
It runs each submitted task at once in the calling thread and keeps what the decorators were
given. It proves the generated orchestration and scripts work; that the names, keywords and
prefect.yaml keys are Prefect 3's own is checked against Prefect's source separately
(check_prefect_export.py)."""

DECORATED = {}


class _State:
    def __init__(self, ok):
        self._ok = ok

    def is_completed(self):
        return self._ok


class _Future:
    def __init__(self, fn, args, kwargs):
        try:
            self._value, self.state = fn(*args, **kwargs), _State(True)
        except Exception as error:  # a failed task: Prefect keeps the exception in the state
            self._value, self.state = error, _State(False)

    def wait(self):
        return None

    def result(self):
        if not self.state.is_completed():
            raise self._value
        return self._value


class _Task:
    def __init__(self, fn, options):
        self.fn, self.options = fn, options

    def submit(self, *args, wait_for=None, **kwargs):
        for future in wait_for or []:
            future.wait()
        return _Future(self.fn, args, kwargs)


def task(**options):
    def decorate(fn):
        DECORATED[options.get("name", fn.__name__)] = options
        return _Task(fn, options)
    return decorate


def flow(**options):
    def decorate(fn):
        DECORATED["flow:" + options.get("name", fn.__name__)] = options
        return fn
    return decorate


def unmapped(value):
    return value
