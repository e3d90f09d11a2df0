# case: AIR102 — a manager agent browses the web and calls its managed `ops` agent like a tool;
# the ops agent's `@tool` deletes whatever folder it is told.
import shutil

from smolagents import CodeAgent, ToolCallingAgent, VisitWebpageTool, WebSearchTool, tool, OpenAIServerModel

model = OpenAIServerModel(model_id="gpt-4o")


@tool
def clear_workspace(folder: str) -> str:  # expect: AIR102
    """Clear a workspace folder.

    Args:
        folder: the folder to clear
    """
    shutil.rmtree("/work/" + folder.replace("..", ""))  # expect: AIR106
    return "cleared"


ops = ToolCallingAgent(tools=[clear_workspace], model=model, name="ops", description="runs maintenance")
manager = ToolCallingAgent(
    tools=[WebSearchTool(), VisitWebpageTool()],  # path: AIR102
    model=model,
    managed_agents=[ops],  # path: AIR102
)
manager.run("Check the release notes of our dependencies and tidy up what they deprecate")
