# case: The same parent graph; the billing subgraph pauses before its tool node (`interrupt_before=["tools"]`, resumable through the parent's checkpointer), so every refund is reviewed.
import stripe
from langchain.agents import create_agent
from langchain.tools import tool
from langchain_openai import ChatOpenAI
from langchain_tavily import TavilySearch
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode, tools_condition

researcher = create_agent("openai:gpt-4.1", tools=[TavilySearch(max_results=3)], name="researcher")


def research(state: MessagesState) -> dict:
    out = researcher.invoke({"messages": state["messages"]})
    return {"messages": out["messages"][-1:]}


@tool
def issue_refund(charge_id: str, amount_cents: int) -> str:
    """Refund a card charge."""
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return refund.status


BILLING_TOOLS = [issue_refund]
billing_model = ChatOpenAI(model="gpt-4.1").bind_tools(BILLING_TOOLS)


def billing_agent(state: MessagesState) -> dict:
    return {"messages": [billing_model.invoke(state["messages"])]}


sub = StateGraph(MessagesState)
sub.add_node("agent", billing_agent)
sub.add_node("tools", ToolNode(BILLING_TOOLS))
sub.add_edge(START, "agent")
sub.add_conditional_edges("agent", tools_condition)
sub.add_edge("tools", "agent")
billing = sub.compile(interrupt_before=["tools"])

parent = StateGraph(MessagesState)
parent.add_node("research", research)
parent.add_node("billing", billing)
parent.add_edge(START, "research")
parent.add_edge("research", "billing")
parent.add_edge("billing", END)
graph = parent.compile(checkpointer=InMemorySaver())
