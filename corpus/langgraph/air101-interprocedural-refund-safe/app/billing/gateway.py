import stripe

from .retry import with_retries


@with_retries(times=3)
def _create_refund(charge_id: str, amount_cents: int):
    return stripe.Refund.create(charge=charge_id, amount=amount_cents)


def refund_charge(charge_id: str, amount_cents: int) -> str:
    refund = _create_refund(charge_id, amount_cents)
    return refund.status
