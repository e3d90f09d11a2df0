# case: the same worker, asking the operator about each interruption and approving only on a
# "y"; the patch tool's callback approves only patches to the changelog.
import asyncio

import stripe
from agents import Agent, ApplyPatchTool, Runner, function_tool


@function_tool(needs_approval=True)
def refund(charge_id: str) -> str:
    """Refund a card charge in full."""
    return stripe.Refund.create(charge=charge_id).status


class NotesEditor:
    """Applies patches to the team's notes folder."""


patcher = ApplyPatchTool(
    editor=NotesEditor(),
    needs_approval=True,
    on_approval=lambda ctx, item: {"approve": item.arguments.startswith("CHANGELOG")},
)

refunds_agent = Agent(
    name="Nightly refunds",
    instructions="Refund every charge flagged as a duplicate today.",
    tools=[refund, patcher],
)


async def nightly() -> None:
    result = await Runner.run(refunds_agent, "Process today's duplicate charges.")
    while result.interruptions:
        state = result.to_state()
        for item in result.interruptions:
            if input(f"Approve {item.name} {item.arguments}? [y/N] ").strip() == "y":
                state.approve(item)
            else:
                state.reject(item)
        result = await Runner.run(refunds_agent, state)


if __name__ == "__main__":
    asyncio.run(nightly())
