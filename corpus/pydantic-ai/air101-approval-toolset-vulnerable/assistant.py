# case: AIR101 — a file assistant reads web pages and holds a toolset of file operations
# wrapped for approval only when the path looks sensitive (a function decides).
import os

from pydantic_ai import Agent
from pydantic_ai.common_tools.tavily import tavily_search_tool
from pydantic_ai.toolsets import FunctionToolset


def delete_report(path: str) -> str:  # expect: AIR101
    """Delete a report file."""
    os.remove(os.path.join("/data/reports", os.path.basename(path)))  # path: AIR101
    return "deleted"


files = FunctionToolset([delete_report])
guarded = files.approval_required(lambda ctx, tool_def, args: "secret" in args.get("path", ""))

assistant = Agent(
    "openai:gpt-4o",
    name="files",
    tools=[tavily_search_tool(os.environ["TAVILY_API_KEY"])],  # path: AIR101
    toolsets=[guarded],
)


def main() -> None:
    question = input("> ")
    print(assistant.run_sync(question).output)
