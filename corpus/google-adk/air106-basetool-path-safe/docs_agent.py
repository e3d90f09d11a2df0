# case: AIR106 (safe) — a `BaseTool` subclass (not a function) whose `run_async` opens the file the
# model names under the docs folder; only the base name is kept.
import os

from google.adk.agents import Agent
from google.adk.tools import BaseTool

DOCS = "/srv/docs"


class ReadDoc(BaseTool):
    def __init__(self):
        super().__init__(name="read_doc", description="Read a document by file name.")

    async def run_async(self, *, args, tool_context):
        name = args["name"]
        with open(os.path.join(DOCS, os.path.basename(name))) as f:
            return {"text": f.read()}


agent = Agent(name="docs", model="gemini-2.5-flash", tools=[ReadDoc()])
