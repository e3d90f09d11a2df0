# case: a support API whose agent loads its MCP servers from the project's `mcp.json` (the same
# file the developers' editors use). airlock reads that file: `tracker` is the GitHub server, so
# anything a user posts can make the agent push to repositories or close issues unasked.
import json
from pathlib import Path

from fastapi import FastAPI
from langchain.agents import create_agent
from langchain_mcp_adapters.client import MultiServerMCPClient
from pydantic import BaseModel

CONFIG = json.loads(Path("mcp.json").read_text())
client = MultiServerMCPClient(
    {name: {**cfg, "transport": "stdio"} for name, cfg in CONFIG["mcpServers"].items()}
)
app = FastAPI()


class Ask(BaseModel):
    question: str


@app.post("/ask")
async def ask(body: Ask) -> dict:
    tools = await client.get_tools()
    agent = create_agent("openai:gpt-4.1", tools=tools)
    result = await agent.ainvoke({"messages": [{"role": "user", "content": body.question}]})
    return {"answer": result["messages"][-1].content}
