# case: AIR102 safe — as the vulnerable case, but the review node asks a person first
# (`interrupt(...)` before it routes on, with a checkpointer): nothing reaches the payments agent
# unreviewed.
from typing import Literal

import stripe
from langchain.agents import create_agent
from langchain.chat_models import init_chat_model
from langchain.tools import tool
from langchain_community.document_loaders import WebBaseLoader
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.types import Command, interrupt

checker = init_chat_model("openai:gpt-4.1-mini")


@tool
def read_invoice(url: str) -> str:
    """Fetch an invoice page."""
    return "\n".join(d.page_content for d in WebBaseLoader(url).load())


@tool
def pay_invoice(account: str, amount_cents: int) -> str:
    """Pay an invoice to the vendor's connected account."""
    return stripe.Payout.create(amount=amount_cents, currency="usd", destination=account).id


researcher = create_agent("openai:gpt-4.1", tools=[read_invoice], name="researcher")
payments = create_agent("openai:gpt-4.1", tools=[pay_invoice], name="payments")


class DeskState(MessagesState):
    summary: str


def research(state: DeskState) -> Command[Literal["review"]]:
    result = researcher.invoke({"messages": state["messages"]})
    return Command(goto="review", update={"summary": result["messages"][-1].content})


def review(state: DeskState) -> Command[Literal["payments", "__end__"]]:
    answer = interrupt({"question": "Pay these invoices?", "summary": state["summary"]})
    if answer.get("approve"):
        return Command(goto="payments")
    return Command(goto=END)


def pay(state: DeskState) -> Command[Literal["__end__"]]:
    payments.invoke({"messages": [{"role": "user", "content": state["summary"]}]})
    return Command(goto=END)


builder = StateGraph(DeskState)
builder.add_node("research", research)
builder.add_node("review", review)
builder.add_node("payments", pay)
builder.add_edge(START, "research")
graph = builder.compile(checkpointer=InMemorySaver())
