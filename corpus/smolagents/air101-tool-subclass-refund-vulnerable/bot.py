# case: AIR101 — a `Tool` subclass (the action is in `forward`, not a decorated function) sits
# next to web search in a tool-calling agent; smolagents has no approval gate of its own.
import stripe
from smolagents import DuckDuckGoSearchTool, ToolCallingAgent, Tool, LiteLLMModel

REVIEW_QUEUE: list = []


class RefundTool(Tool):  # expect: AIR101
    name = "refund"
    description = "Refund a customer's charge."
    inputs = {"charge_id": {"type": "string", "description": "the charge"}}
    output_type = "string"

    def forward(self, charge_id: str) -> str:
        return stripe.Refund.create(charge=charge_id).id  # path: AIR101


TOOLS = [DuckDuckGoSearchTool(), RefundTool()]  # path: AIR101
agent = ToolCallingAgent(tools=TOOLS, model=LiteLLMModel("gpt-4o"))

if __name__ == "__main__":
    agent.run(input("Customer message: "))
