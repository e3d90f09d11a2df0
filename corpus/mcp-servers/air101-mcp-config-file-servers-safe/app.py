# case: the support API loading the same `mcp.json`, with human approval before the GitHub
# server's tools run: the graph pauses before every tool call and a checkpointer keeps the run.
import json
from pathlib import Path

from fastapi import FastAPI
from langchain_mcp_adapters.client import MultiServerMCPClient
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.prebuilt import create_react_agent
from pydantic import BaseModel

CONFIG = json.loads(Path("mcp.json").read_text())
client = MultiServerMCPClient(
    {name: {**cfg, "transport": "stdio"} for name, cfg in CONFIG["mcpServers"].items()}
)
app = FastAPI()
checkpointer = InMemorySaver()


class Ask(BaseModel):
    question: str


@app.post("/ask")
async def ask(body: Ask) -> dict:
    tools = await client.get_tools()
    agent = create_react_agent(
        "openai:gpt-4.1", tools, interrupt_before=["tools"], checkpointer=checkpointer
    )
    config = {"configurable": {"thread_id": body.question[:32]}}
    result = await agent.ainvoke({"messages": [{"role": "user", "content": body.question}]}, config)
    return {"answer": result["messages"][-1].content}
