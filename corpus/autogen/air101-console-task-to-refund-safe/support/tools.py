"""Tools of the support assistant."""
import httpx
import json
from autogen_core.tools import FunctionTool


async def read_ticket_page(url: str) -> str:
    """Read the customer's ticket page."""
    async with httpx.AsyncClient() as http:
        page = await http.get(url)  # expect: AIR106
    return page.text


def refund_charge(charge_id: str, cents: int) -> str:
    """Propose a refund; a person in the billing team approves and issues it."""
    proposal = {"charge": charge_id, "amount": cents, "status": "awaiting billing review"}
    return json.dumps(proposal)


SUPPORT_TOOLS = [
    read_ticket_page,
    FunctionTool(refund_charge, description="Refund a charge", name="refund"),
]
