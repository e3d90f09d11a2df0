# case: AIR101 (safe) — a support agent built by a factory registers its refund tool with
# `@agent.tool(requires_approval=True)`: the run ends with `DeferredToolRequests` for a person; the FastAPI handler runs it on the customer's message.
import stripe
from fastapi import FastAPI
from pydantic import BaseModel
from pydantic_ai import Agent, DeferredToolRequests, RunContext

from .deps import SupportDeps

app = FastAPI()


def build_support_agent(model: str) -> Agent:
    agent = Agent(
        model,
        deps_type=SupportDeps,
        instructions="Help customers with orders and refunds.",
        output_type=[str, DeferredToolRequests],
    )

    @agent.tool_plain
    def order_status(order_id: str) -> str:
        """Look up an order."""
        return f"order {order_id}: shipped"

    @agent.tool(requires_approval=True)
    async def refund_order(ctx: RunContext[SupportDeps], charge_id: str, amount_cents: int) -> str:
        """Refund part or all of a charge."""
        refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
        return refund.id

    return agent


support = build_support_agent("openai:gpt-4o")


class Message(BaseModel):
    text: str


@app.post("/support")
async def chat(msg: Message):
    result = await support.run(msg.text, deps=SupportDeps())
    return {"reply": str(result.output)}
