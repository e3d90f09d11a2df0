import os

from smolagents import CodeAgent, InferenceClientModel, ToolCallingAgent, VisitWebpageTool, WebSearchTool

from .tools import ArchivePageTool, compress_dataset, list_datasets

ANALYSIS_IMPORTS = ["pandas", "numpy", "bs4", "requests", "json", "os", "datetime"]


def default_model():
    return InferenceClientModel(
        model_id=os.environ.get("MW_MODEL", "Qwen/Qwen2.5-Coder-32B-Instruct"),
        token=os.environ.get("HF_TOKEN"),
    )


def build_browser(model) -> ToolCallingAgent:
    return ToolCallingAgent(
        tools=[WebSearchTool(), VisitWebpageTool(max_output_length=20_000)],
        model=model,
        name="browser",
        description="Searches the web and reads competitor pricing pages. Give it a company or URL.",
        max_steps=8,
    )


def build_analyst(model=None) -> CodeAgent:
    """Analyst used on the scraping box; runs its code in-process."""
    model = model or default_model()
    return CodeAgent(
        tools=[ArchivePageTool(), compress_dataset, list_datasets],
        model=model,
        managed_agents=[build_browser(model)],
        additional_authorized_imports=ANALYSIS_IMPORTS,
        executor_type="local",
        max_steps=15,
        planning_interval=4,
    )


def build_hosted_analyst(model=None) -> CodeAgent:
    """Same analyst for the shared web app: generated code runs in an E2B sandbox."""
    model = model or default_model()
    return CodeAgent(
        tools=[list_datasets],
        model=model,
        managed_agents=[build_browser(model)],
        additional_authorized_imports=["pandas", "numpy", "bs4", "requests"],
        executor_type="e2b",
        executor_kwargs={"api_key": os.environ.get("E2B_API_KEY")},
        max_steps=15,
    )
