# case: AIR201 — a data agent is a `CodeAgent`: every step runs the Python the model writes.
# The settings module keeps the local executor and authorizes `subprocess` and `os`.
from smolagents import CodeAgent, InferenceClientModel

from settings import AUTHORIZED_IMPORTS, EXECUTOR


def make_analyst(model_id: str) -> CodeAgent:
    return CodeAgent(  # expect: AIR201
        tools=[],
        model=InferenceClientModel(model_id=model_id),
        additional_authorized_imports=AUTHORIZED_IMPORTS,
        executor_type=EXECUTOR,
        name="analyst",
    )


analyst = make_analyst("Qwen/Qwen2.5-Coder-32B-Instruct")
print(analyst.run("Summarise sales.csv by region"))
