from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass

import stripe


@dataclass(frozen=True)
class ChargeRequest:
    customer: str
    amount_minor: int
    currency: str
    reference: str


class PaymentGateway:
    """Async facade over the (sync) Stripe client."""

    def __init__(self, api_key: str | None = None) -> None:
        self._client = stripe.StripeClient(api_key or os.environ["STRIPE_SECRET_KEY"])

    def _create_intent(self, req: ChargeRequest) -> str:
        intent = self._client.payment_intents.create(
            params={
                "customer": req.customer,
                "amount": req.amount_minor,
                "currency": req.currency,
                "confirm": True,
                "off_session": True,
                "metadata": {"booking_ref": req.reference},
            }
        )
        return intent.id

    def _refund_intent(self, intent_id: str) -> str:
        refund = self._client.refunds.create(params={"payment_intent": intent_id})
        return refund.status

    async def charge(self, customer: str, amount: float, reference: str, currency: str = "eur") -> str:
        req = ChargeRequest(customer, round(amount * 100), currency, reference)
        return await asyncio.to_thread(self._create_intent, req)

    async def refund(self, intent_id: str) -> str:
        return await asyncio.to_thread(self._refund_intent, intent_id)
