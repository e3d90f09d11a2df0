from agents import Agent
from agents.extensions.handoff_prompt import prompt_with_handoff_instructions

from .settings import settings
from .tools import BILLING_TOOLS, REFUND_TOOLS, TRIAGE_TOOLS


def build_billing_agent() -> Agent:
    return Agent(
        name="Billing",
        model=settings.model,
        handoff_description="Questions about invoices, failed payments and outstanding balances.",
        instructions=prompt_with_handoff_instructions(
            "You handle billing questions. Look up the invoice before answering. "
            "Only charge a balance the customer explicitly agreed to pay."
        ),
        tools=BILLING_TOOLS,
    )


def build_refunds_agent() -> Agent:
    return Agent(
        name="Refunds",
        model=settings.model,
        handoff_description="Refund requests for duplicate or unwanted charges.",
        instructions=prompt_with_handoff_instructions(
            "You process refunds. Find the charge on the invoice and refund it. "
            "Partial refunds are fine when the customer asks for them."
        ),
        tools=REFUND_TOOLS,
    )


def build_triage_agent() -> Agent:
    billing_agent = build_billing_agent()
    refunds_agent = build_refunds_agent()
    return Agent(
        name="Triage",
        model=settings.model,
        instructions=prompt_with_handoff_instructions(
            "You are the first line of customer support. Read the customer's recent emails, "
            "write a short case note, then hand the case to the right specialist."
        ),
        tools=TRIAGE_TOOLS,
        handoffs=[billing_agent, refunds_agent],
    )
