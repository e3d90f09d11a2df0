import os

from smolagents import CodeAgent, LiteLLMModel, ToolCallingAgent, VisitWebpageTool, WebSearchTool

from .tools import RegionSalesTool, convert_document, post_to_slack

MODEL_ID = os.environ.get("DIGEST_MODEL", "anthropic/claude-sonnet-4-5")


def make_model():
    return LiteLLMModel(model_id=MODEL_ID, temperature=0.2)


def make_web_researcher(model):
    return ToolCallingAgent(
        tools=[WebSearchTool(), VisitWebpageTool(max_output_length=20000)],
        model=model,
        name="web_researcher",
        description="Searches the web and reads competitor pages, press releases and pricing pages. "
                    "Give it a precise question; it returns a summary with links.",
        max_steps=8,
    )


def make_editor(model=None):
    model = model or make_model()
    return CodeAgent(
        tools=[RegionSalesTool(), convert_document, post_to_slack],
        model=model,
        managed_agents=[make_web_researcher(model)],
        executor_type="local",
        additional_authorized_imports=["pandas", "numpy", "json", "datetime", "os", "subprocess"],
        max_steps=15,
        planning_interval=4,
    )
