"""A data analyst agent that writes and runs Python for long jobs."""
import subprocess
import sys
import tempfile

from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent


@tool
def run_job(source: str, timeout_s: int = 120) -> str:  # expect: AIR201
    """Run a standalone Python script in a fresh interpreter and return its output."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(source)
        script = handle.name
    done = subprocess.run([sys.executable, script], capture_output=True, text=True, timeout=timeout_s)  # expect: AIR106
    return (done.stdout + done.stderr)[-4000:]


agent = create_react_agent(ChatOpenAI(model="gpt-4.1"), [run_job])

if __name__ == "__main__":
    question = input("Question: ")
    print(agent.invoke({"messages": [("user", question)]})["messages"][-1].content)
