"""Stand-in cache policies: objects that can be added, as Prefect's can."""


class _Policy:
    def __init__(self, *names):
        self.names = names

    def __add__(self, other):
        return _Policy(*(self.names + other.names))


INPUTS, NO_CACHE, RUN_ID, TASK_SOURCE = _Policy("inputs"), _Policy("none"), _Policy("run_id"), _Policy("task_source")
