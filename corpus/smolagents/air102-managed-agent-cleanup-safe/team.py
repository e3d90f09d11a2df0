# case: AIR102 (safe) — a manager agent browses the web and calls its managed `ops` agent like a tool;
# the ops agent's `@tool` only lists what it would delete; a person runs the clean-up.
import os

from smolagents import CodeAgent, ToolCallingAgent, VisitWebpageTool, WebSearchTool, tool, OpenAIServerModel

model = OpenAIServerModel(model_id="gpt-4o")


@tool
def clear_workspace(folder: str) -> str:
    """Clear a workspace folder.

    Args:
        folder: the folder to clear
    """
    return "\n".join(sorted(os.listdir("/work")))


ops = ToolCallingAgent(tools=[clear_workspace], model=model, name="ops", description="runs maintenance")
manager = ToolCallingAgent(
    tools=[WebSearchTool(), VisitWebpageTool()],
    model=model,
    managed_agents=[ops],
)
manager.run("Check the release notes of our dependencies and tidy up what they deprecate")
