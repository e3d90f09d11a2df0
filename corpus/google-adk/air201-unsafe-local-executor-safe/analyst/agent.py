# case: AIR201 (safe) — a data agent gets a code executor built by a helper; `BuiltInCodeExecutor` runs the code in the model provider's sandbox, so AIR201 is silent; the user still
# drives code execution, reported by AIR101 one level lower (high) for the sandbox.
from google.adk.agents import LlmAgent
from google.adk.code_executors import BuiltInCodeExecutor


def executor_for(env: str):
    return BuiltInCodeExecutor()


root_agent = LlmAgent(
    name="analyst",
    model="gemini-2.5-pro",
    instruction="Answer questions about the CSV files by writing Python.",
    code_executor=executor_for("prod"),  # expect: AIR101
)
