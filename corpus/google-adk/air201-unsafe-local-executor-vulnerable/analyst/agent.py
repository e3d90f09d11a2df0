# case: AIR201 — a data agent gets a code executor built by a helper; `UnsafeLocalCodeExecutor` runs the model's Python on the host.
from google.adk.agents import LlmAgent
from google.adk.code_executors import UnsafeLocalCodeExecutor


def executor_for(env: str):
    return UnsafeLocalCodeExecutor()


root_agent = LlmAgent(
    name="analyst",
    model="gemini-2.5-pro",
    instruction="Answer questions about the CSV files by writing Python.",
    code_executor=executor_for("prod"),  # expect: AIR101, AIR201
)
