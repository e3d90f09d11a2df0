from . import gateway


class BillingService:
    """The billing team's facade over the payment provider."""

    def __init__(self, currency: str = "usd"):
        self.currency = currency

    def issue_refund(self, charge_id: str, amount_cents: int) -> str:
        if amount_cents <= 0:
            raise ValueError("amount must be positive")
        return gateway.refund_charge(charge_id, amount_cents)
