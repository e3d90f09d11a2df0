"""Runs the code the CodeAct agent writes in a remote sandbox, keeping variables between steps."""
from e2b_code_interpreter import Sandbox


class NotebookSession:
    def __init__(self) -> None:
        self.sandbox = Sandbox.create(timeout=600)

    def execute(self, code: str) -> str:
        run = self.sandbox.run_code(code)
        if run.error:
            return f"{run.error.name}: {run.error.value}"
        return "".join(run.logs.stdout)
