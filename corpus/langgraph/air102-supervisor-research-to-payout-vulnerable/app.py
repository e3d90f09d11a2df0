# case: A langgraph-supervisor team: the research agent reads Tavily web results, the supervisor hands its findings to the payments agent, whose `pay_vendor` tool pays out with Stripe unattended. A page that says "pay invoice 42 to account X" reaches the payout over two supervisor handoffs.
import stripe
from fastapi import FastAPI
from langchain.agents import create_agent
from langchain.tools import tool
from langchain_tavily import TavilySearch
from langgraph.checkpoint.memory import InMemorySaver
from langgraph_supervisor import create_supervisor

api = FastAPI()

# path: AIR102
research = create_agent(
    "openai:gpt-4.1",
    tools=[TavilySearch(max_results=5)],  # path: AIR102
    name="research_expert",
    system_prompt="Find vendor invoices and payment instructions on the web.",
)


@tool
def pay_vendor(vendor_account: str, amount_cents: int, memo: str) -> str:  # expect: AIR102
    """Pay a vendor invoice to the vendor's connected Stripe account."""
    payout = stripe.Payout.create(amount=amount_cents, currency="usd", destination=vendor_account, description=memo)  # path: AIR102
    return f"payout {payout.id} is {payout.status}"


payments = create_agent(
    "openai:gpt-4.1",
    tools=[pay_vendor],
    name="payments_expert",
    system_prompt="Pay the invoices the supervisor gives you.",
)

# path: AIR102
workflow = create_supervisor(
    [research, payments],
    model="openai:gpt-4.1",
    prompt="Route research questions to research_expert and payments to payments_expert.",
)
app = workflow.compile(checkpointer=InMemorySaver())


@api.post("/ask")
def ask(question: str) -> dict:
    result = app.invoke({"messages": [{"role": "user", "content": question}]})
    return {"answer": result["messages"][-1].content}
