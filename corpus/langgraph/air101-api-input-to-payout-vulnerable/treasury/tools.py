# case: A FastAPI chat endpoint feeds user text to a create_react_agent whose tools come from a get_tools() registry factory; send_payout moves money with no approval step.
import stripe
from langchain_core.tools import tool

PAYOUT_POLICY = (
    "Payouts go to the operating account ending 4242. Standard payouts arrive in 2 business "
    "days; anything above 50,000 USD needs the CFO's sign-off in the treasury channel."
)


@tool
def payout_policy() -> str:
    """Return the treasury team's payout policy."""
    return PAYOUT_POLICY


@tool
def send_payout(amount_cents: int, currency: str = "usd", description: str = "") -> str:  # expect: AIR101
    """Pay out funds from the Stripe balance to the company's bank account."""
    payout = stripe.Payout.create(amount=amount_cents, currency=currency, description=description)
    return f"payout {payout.id} arrives {payout.arrival_date}"


REGISTRY = {t.name: t for t in (payout_policy, send_payout)}


def get_tools():
    return list(REGISTRY.values())
