# case: Same treasury agent, but send_payout calls lt.interrupt() (langgraph.types imported as lt) before stripe.Payout.create and the agent has a checkpointer, so no payout runs without a human "approve".
import langgraph.types as lt
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
def send_payout(amount_cents: int, currency: str = "usd", description: str = "") -> str:
    """Pay out funds from the Stripe balance to the company's bank account."""
    decision = lt.interrupt(
        {
            "action": "send_payout",
            "amount": f"{amount_cents / 100:.2f} {currency.upper()}",
            "description": description,
        }
    )
    if decision != "approve":
        return "payout rejected by the treasury team"
    payout = stripe.Payout.create(amount=amount_cents, currency=currency, description=description)
    return f"payout {payout.id} arrives {payout.arrival_date}"


REGISTRY = {t.name: t for t in (payout_policy, send_payout)}


def get_tools():
    return list(REGISTRY.values())
