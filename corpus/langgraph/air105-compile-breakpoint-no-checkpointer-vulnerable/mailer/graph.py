# case: A collections graph compiles with interrupt_before=["tools"] but no checkpointer and no platform deployment, so the breakpoint can never be resumed: the approval gate on send_reminder is not enforceable.
from langchain_anthropic import ChatAnthropic
from langgraph.graph import START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode, tools_condition

from mailer.tools import TOOLS

llm = ChatAnthropic(model="claude-sonnet-4-5").bind_tools(TOOLS)

SYSTEM = "You draft polite payment reminders for overdue invoices and send them once approved."


def draft(state: MessagesState) -> dict:
    return {"messages": [llm.invoke([("system", SYSTEM), *state["messages"]])]}


builder = StateGraph(MessagesState)
builder.add_node("draft", draft)
builder.add_node("tools", ToolNode(TOOLS))
builder.add_edge(START, "draft")
builder.add_conditional_edges("draft", tools_condition)
builder.add_edge("tools", "draft")

graph = builder.compile(interrupt_before=["tools"])  # expect: AIR105
