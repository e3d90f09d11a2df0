# case: A custom @tool runs model-written Python with exec() in the agent's own process, which is unsandboxed code execution (AIR201 on the tool) and a model-controlled argument reaching a code-exec sink (AIR106 on the call).
import contextlib
import io

from langchain.agents import create_agent
from langchain.tools import tool

_SESSION: dict = {"__name__": "notebook"}


@tool
def run_python(code: str) -> str:  # expect: AIR201
    """Run Python code in a persistent session and return what it printed."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(code, _SESSION)  # expect: AIR106
    return buffer.getvalue()[-4000:]


notebook_agent = create_agent(
    "openai:gpt-4.1",
    tools=[run_python],
    system_prompt="You are a data-science pair programmer. Prototype ideas by running Python.",
)


def demo() -> str:
    task = "Simulate 10,000 rolls of two dice and report the distribution of their sum."
    return notebook_agent.invoke({"messages": [("user", task)]})["messages"][-1].content
