# case: AIR101 (safe) — a `Tool` subclass (the action is in `forward`, not a decorated function) sits
# next to web search in a tool-calling agent; smolagents has no approval gate of its own, so the tool only files the refund for a person to review.
import stripe
from smolagents import DuckDuckGoSearchTool, ToolCallingAgent, Tool, LiteLLMModel

REVIEW_QUEUE: list = []


class RefundTool(Tool):
    name = "refund"
    description = "Refund a customer's charge."
    inputs = {"charge_id": {"type": "string", "description": "the charge"}}
    output_type = "string"

    def forward(self, charge_id: str) -> str:
        REVIEW_QUEUE.append(charge_id)
        return f"refund of {charge_id} queued for review"


TOOLS = [DuckDuckGoSearchTool(), RefundTool()]
agent = ToolCallingAgent(tools=TOOLS, model=LiteLLMModel("gpt-4o"))

if __name__ == "__main__":
    agent.run(input("Customer message: "))
