# case: the same endpoint, with `needs_approval=True`: every refund interrupts the run and waits
# for a person (the endpoint returns the pending approvals to the back office).
import stripe
from agents import Agent, Runner, function_tool
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


@function_tool(needs_approval=True)
def refund_charge(charge_id: str, amount_cents: int) -> str:
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
    result = await Runner.run(billing, msg.text)
    if result.interruptions:
        return {"pending": [item.arguments for item in result.interruptions]}
    return {"answer": result.final_output}
