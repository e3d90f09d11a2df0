__all__ = ["CodeAgent"]


class CodeAgent:
    """Runs the Python the model writes, step by step, in the chosen executor."""

    def __init__(self, tools, model, executor_type="local", additional_authorized_imports=None):
        self.tools = list(tools)
        self.model = model
        self.executor_type = executor_type
        self.imports = additional_authorized_imports or []

    def run(self, task):
        return self.model(task)
