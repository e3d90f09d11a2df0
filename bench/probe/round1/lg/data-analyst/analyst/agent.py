"""Chat-with-your-data agent."""
from langchain.chat_models import init_chat_model
from langgraph.checkpoint.memory import MemorySaver
from langgraph.prebuilt import create_react_agent

from analyst.config import load_config
from analyst.tools import get_tools

cfg = load_config()

SYSTEM = (
    "You are a senior data analyst. Use list_datasets to see what is available, then answer the "
    "user's question by writing and running Python. Show the numbers you base your answer on."
)

agent = create_react_agent(
    init_chat_model(cfg.model, temperature=0),
    tools=get_tools(cfg),
    prompt=SYSTEM,
    checkpointer=MemorySaver(),
)


if __name__ == "__main__":
    thread = {"configurable": {"thread_id": "cli"}}
    while True:
        question = input("you> ").strip()
        if question in {"exit", "quit"}:
            break
        result = agent.invoke({"messages": [{"role": "user", "content": question}]}, thread)
        print("analyst>", result["messages"][-1].content)
