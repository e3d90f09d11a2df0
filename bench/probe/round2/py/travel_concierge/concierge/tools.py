from __future__ import annotations

from dataclasses import dataclass, field

from agents import FunctionTool, RunContextWrapper, function_tool

from .ics import EXPORT_ROOT, ExportJob, write_ics
from .payments import PaymentGateway
from .store import BookingStore


@dataclass
class TripContext:
    customer_id: str
    stripe_customer: str
    locale: str = "en"
    notes: list[str] = field(default_factory=list)


def build_booking_tools(gateway: PaymentGateway, store: BookingStore) -> list[FunctionTool]:
    """Tools for the booking desk. Closures keep the gateway/store out of the schema."""

    @function_tool
    async def find_bookings(surname: str, hotel: str | None = None) -> list[dict]:
        """Find bookings by guest surname, optionally filtered by hotel name."""
        found = await store.find(surname, hotel)
        return [{"ref": b.ref, "hotel": b.hotel, "check_in": b.check_in.isoformat(), "status": b.status} for b in found]

    @function_tool
    async def charge_card(ctx: RunContextWrapper[TripContext], booking_ref: str, amount_eur: float) -> str:
        """Charge the traveller's card on file for a booking (deposits, upgrades, late fees)."""
        intent_id = await gateway.charge(ctx.context.stripe_customer, amount_eur, booking_ref)
        await store.set_status(booking_ref, "paid", note=f"charged {amount_eur:.2f} EUR")
        return f"Charged {amount_eur:.2f} EUR ({intent_id})."

    @function_tool(needs_approval=True)
    async def cancel_booking(ctx: RunContextWrapper[TripContext], booking_ref: str, reason: str) -> str:
        """Cancel a booking and refund the payment to the original card."""
        booking = await store.get(booking_ref)
        refund_status = await gateway.refund(booking.payment_intent) if booking.payment_intent else "n/a"
        await store.set_status(booking_ref, "cancelled", note=reason)
        return f"Cancelled {booking_ref}; refund {refund_status}."

    @function_tool
    async def export_itinerary(booking_ref: str, filename: str) -> str:
        """Write the booking as an .ics calendar file the traveller can download."""
        booking = await store.get(booking_ref)
        saved = write_ics(ExportJob(booking=booking, target=EXPORT_ROOT / filename))
        return f"https://concierge.example.com/exports/{saved.name}"

    return [find_bookings, charge_card, cancel_booking, export_itinerary]
