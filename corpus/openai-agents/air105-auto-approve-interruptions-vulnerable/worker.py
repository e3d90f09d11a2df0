# case: the refund tool carries `needs_approval=True`, but the nightly worker that runs the agent
# approves every interruption itself before resuming the run: no person ever sees a refund.
# AIR105 at the `approve` call, and at the patch tool's `on_approval` callback that always
# answers "approve". No untrusted source here: only the gates are at stake.
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
    on_approval=lambda ctx, item: {"approve": True},  # expect: AIR105
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
            state.approve(item)  # expect: AIR105
        result = await Runner.run(refunds_agent, state)


if __name__ == "__main__":
    asyncio.run(nightly())
