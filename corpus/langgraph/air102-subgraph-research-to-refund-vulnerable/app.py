# case: A parent graph whose `research` node invokes a web-searching agent inside its function, then routes to a compiled billing subgraph added as a node; the subgraph's tool node issues Stripe refunds with no pause. Search results steer refunds across the subgraph boundary.
import stripe
from langchain.agents import create_agent
from langchain.tools import tool
from langchain_openai import ChatOpenAI
from langchain_tavily import TavilySearch
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode, tools_condition

# path: AIR102
researcher = create_agent("openai:gpt-4.1", tools=[TavilySearch(max_results=3)], name="researcher")  # path: AIR102


def research(state: MessagesState) -> dict:
    out = researcher.invoke({"messages": state["messages"]})
    return {"messages": out["messages"][-1:]}


@tool
def issue_refund(charge_id: str, amount_cents: int) -> str:  # expect: AIR102
    """Refund a card charge."""
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)  # path: AIR102
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
# path: AIR102
billing = sub.compile()

parent = StateGraph(MessagesState)
parent.add_node("research", research)
parent.add_node("billing", billing)  # path: AIR102
parent.add_edge(START, "research")
parent.add_edge("research", "billing")
parent.add_edge("billing", END)
graph = parent.compile(checkpointer=InMemorySaver())
