"""Tools of the support assistant."""
import httpx
import stripe
from autogen_core.tools import FunctionTool


async def read_ticket_page(url: str) -> str:
    """Read the customer's ticket page."""
    async with httpx.AsyncClient() as http:
        page = await http.get(url)  # expect: AIR106
    return page.text


def refund_charge(charge_id: str, cents: int) -> str:  # expect: AIR101
    """Refund part of a charge."""
    stripe.Refund.create(charge=charge_id, amount=cents)
    return f"refunded {cents} on {charge_id}"


SUPPORT_TOOLS = [
    read_ticket_page,
    FunctionTool(refund_charge, description="Refund a charge", name="refund"),
]
