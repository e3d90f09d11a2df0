# case: AIR101 (safe) — a file assistant reads web pages and holds a toolset of file operations
# wrapped for approval: every call waits.
import os

from pydantic_ai import Agent
from pydantic_ai.common_tools.tavily import tavily_search_tool
from pydantic_ai.toolsets import FunctionToolset


def delete_report(path: str) -> str:
    """Delete a report file."""
    os.remove(os.path.join("/data/reports", os.path.basename(path)))
    return "deleted"


files = FunctionToolset([delete_report])
guarded = files.approval_required()

assistant = Agent(
    "openai:gpt-4o",
    name="files",
    tools=[tavily_search_tool(os.environ["TAVILY_API_KEY"])],
    toolsets=[guarded],
)


def main() -> None:
    question = input("> ")
    print(assistant.run_sync(question).output)
