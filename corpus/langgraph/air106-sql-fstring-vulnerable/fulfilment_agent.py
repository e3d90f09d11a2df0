# case: A warehouse agent gets its tools from a get_tools() factory; the StructuredTool.from_function body builds its UPDATE with an f-string from model-chosen arguments, so the model can inject SQL.
from langchain.agents import create_agent

from order_tools import get_tools

SHIPPED_TODAY = ["ORD-10412", "ORD-10415", "ORD-10433"]

fulfilment_agent = create_agent(
    "openai:gpt-4.1-mini",
    tools=get_tools(),
    system_prompt="You keep order statuses in sync with the warehouse's end-of-day manifest.",
)


def end_of_day() -> str:
    manifest = ", ".join(SHIPPED_TODAY)
    result = fulfilment_agent.invoke({"messages": [("user", f"These orders left the dock today: {manifest}")]})
    return result["messages"][-1].content
