from __future__ import annotations

from agents import Agent, CodeInterpreterTool, WebSearchTool

from .payments import PaymentGateway
from .store import BookingStore
from .tools import TripContext, build_booking_tools

TRIAGE_INSTRUCTIONS = """You are a hotel concierge. Answer questions about destinations using web search
(opening hours, events, weather, local tips). Anything about an existing booking -- changes, payments,
cancellations, calendar files -- goes to the Booking desk. Spending summaries go to analyse_spend."""

BOOKING_INSTRUCTIONS = """You manage existing bookings. Find the booking first, confirm the reference
with the guest, then take the requested action. Upgrades and late check-out are charged with charge_card."""


def build_concierge(gateway: PaymentGateway, store: BookingStore) -> Agent[TripContext]:
    booking_desk = Agent[TripContext](
        name="Booking desk",
        instructions=BOOKING_INSTRUCTIONS,
        handoff_description="Changes, payments, cancellations and itinerary exports for existing bookings.",
        tools=build_booking_tools(gateway, store),
        model="gpt-4.1",
    )

    spend_analyst = Agent(
        name="Spend analyst",
        instructions="Analyse the guest's travel spend from the figures you are given. Use Python for the maths.",
        tools=[CodeInterpreterTool(tool_config={"type": "code_interpreter", "container": {"type": "auto"}})],
        model="gpt-4.1-mini",
    )

    return Agent[TripContext](
        name="Concierge",
        instructions=TRIAGE_INSTRUCTIONS,
        tools=[
            WebSearchTool(search_context_size="medium"),
            spend_analyst.as_tool(
                tool_name="analyse_spend",
                tool_description="Summarise and chart the guest's spending across bookings.",
            ),
        ],
        handoffs=[booking_desk],
        model="gpt-4.1",
    )
