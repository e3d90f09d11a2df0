# case: The same supervisor team; the payments agent asks a person before every payout (`HumanInTheLoopMiddleware` on `pay_vendor`, checkpointer supplied by the compiled supervisor), so web content cannot move money unreviewed.
import stripe
from fastapi import FastAPI
from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain.tools import tool
from langchain_tavily import TavilySearch
from langgraph.checkpoint.memory import InMemorySaver
from langgraph_supervisor import create_supervisor

api = FastAPI()

research = create_agent(
    "openai:gpt-4.1",
    tools=[TavilySearch(max_results=5)],
    name="research_expert",
    system_prompt="Find vendor invoices and payment instructions on the web.",
)


@tool
def pay_vendor(vendor_account: str, amount_cents: int, memo: str) -> str:
    """Pay a vendor invoice to the vendor's connected Stripe account."""
    payout = stripe.Payout.create(amount=amount_cents, currency="usd", destination=vendor_account, description=memo)
    return f"payout {payout.id} is {payout.status}"


payments = create_agent(
    "openai:gpt-4.1",
    tools=[pay_vendor],
    middleware=[HumanInTheLoopMiddleware(interrupt_on={"pay_vendor": {"allowed_decisions": ["approve", "reject"]}})],
    name="payments_expert",
    system_prompt="Pay the invoices the supervisor gives you.",
)

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
