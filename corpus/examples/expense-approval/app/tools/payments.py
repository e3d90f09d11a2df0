import stripe
from langchain_core.tools import tool

from app.config import settings

stripe.api_key = settings.stripe_secret_key


@tool
def issue_payout(vendor_account: str, amount_cents: int, currency: str = "usd", invoice_ref: str = "") -> str:  # expect: AIR101
    """Pay an approved invoice by transferring funds to the vendor's Stripe connected account."""
    transfer = stripe.Transfer.create(
        amount=amount_cents,
        currency=currency,
        destination=vendor_account,
        transfer_group=invoice_ref or None,
        metadata={"source": "expense-approval", "invoice": invoice_ref},
    )
    return f"transfer {transfer.id} created: {amount_cents / 100:.2f} {currency.upper()} to {vendor_account}"
