# case: AIR101 (safe) — a toolkit in the older phidata/Agno style registers each method with
# `self.register(...)`; the payout method moves money; the agent builds the toolkit with
# `requires_confirmation_tools=["send_payout"]`, so each payout waits for a person.
import stripe

from agno.tools import Toolkit


class PayoutTools(Toolkit):
    def __init__(self, **kwargs):
        super().__init__(name="payouts", **kwargs)
        self.register(self.send_payout)
        self.register(self.payout_status, name="check_payout")

    def send_payout(self, account_id: str, amount_cents: int) -> str:
        """Sends money to a connected account."""
        transfer = stripe.Transfer.create(amount=amount_cents, currency="usd", destination=account_id)
        return transfer.id

    def payout_status(self, transfer_id: str) -> str:
        """Reports where a transfer stands."""
        return str(stripe.Transfer.retrieve(transfer_id).amount_reversed)
