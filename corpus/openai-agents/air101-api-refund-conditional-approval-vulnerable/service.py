# case: a FastAPI endpoint runs the billing agent on the customer's message (user input), and
# the agent's refund tool asks for approval only above $100 (`needs_approval` is a callable).
# The model picks the amount, so a message can get refunds of $99.99 each without anyone
# looking: reported as AIR101 one level lower (a conditional gate), with the gate on the path.
import stripe
from agents import Agent, RunContextWrapper, Runner, function_tool
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


async def large_refund(ctx: RunContextWrapper, params: dict, call_id: str) -> bool:
    return params["amount_cents"] > 10_000


@function_tool(needs_approval=large_refund)  # path: AIR101
def refund_charge(charge_id: str, amount_cents: int) -> str:  # expect: AIR101
    """Refund a card charge."""
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return refund.status


billing = Agent(
    name="Billing",
    instructions="Resolve the customer's billing request.",
    tools=[refund_charge],
)


class Message(BaseModel):
    text: str


@app.post("/support")
async def support(msg: Message) -> dict:
    result = await Runner.run(billing, msg.text)  # path: AIR101
    return {"answer": result.final_output}
