"""Runs the code the CodeAct agent writes, keeping variables between steps."""
import contextlib
import io
from typing import Any


class NotebookSession:
    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {"__name__": "__notebook__"}

    def execute(self, code: str) -> str:  # expect: AIR201
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            exec(code, self.namespace)  # expect: AIR106
        return buffer.getvalue()
