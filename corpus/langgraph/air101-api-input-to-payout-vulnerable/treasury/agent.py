from langgraph.checkpoint.memory import InMemorySaver
from langgraph.prebuilt import create_react_agent

from .tools import get_tools

treasury_agent = create_react_agent(
    "openai:gpt-4.1",
    get_tools(),
    prompt="You help the finance team schedule Stripe payouts according to the payout policy.",
    checkpointer=InMemorySaver(),
)
