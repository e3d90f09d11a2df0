from google.adk.agents import LlmAgent
from google.adk.code_executors import BuiltInCodeExecutor, UnsafeLocalCodeExecutor
from google.adk.tools import FunctionTool

from .config import config
from .tools import email_report, read_upload

INSTRUCTION = """You are a data-analysis notebook. Load the user's uploaded CSV with read_upload,
then write and run Python (pandas, matplotlib) to answer their question. Show the code you ran.
If the user asks, email a short summary of the result."""

upload_tool = FunctionTool(func=read_upload)
email_tool = FunctionTool(func=email_report, require_confirmation=True)


def build_local_analyst() -> LlmAgent:
    """Runs generated code in this process; used on analysts' laptops with local files."""
    return LlmAgent(
        name="local_analyst",
        model=config.local_model,
        instruction=INSTRUCTION,
        tools=[upload_tool, email_tool],
        code_executor=UnsafeLocalCodeExecutor(),
    )


def build_cloud_analyst() -> LlmAgent:
    """Uses Gemini's built-in code execution sandbox."""
    return LlmAgent(
        name="cloud_analyst",
        model=config.cloud_model,
        instruction=INSTRUCTION,
        tools=[upload_tool, email_tool],
        code_executor=BuiltInCodeExecutor(),
    )


root_agent = build_local_analyst() if config.run_code_locally else build_cloud_analyst()
