"""Stand-in Secret blocks: the value of block NAME is the variable PREFECT_STAND_IN_SECRET_<NAME>."""
import os


class Secret:
    def __init__(self, value):
        self._value = value

    @classmethod
    def load(cls, name):
        return cls(os.environ["PREFECT_STAND_IN_SECRET_" + name.upper().replace("-", "_")])

    def get(self):
        return self._value
