from langgraph.graph import MessagesState


class ExpenseState(MessagesState):
    """Shared state of the expense graph; every node and the payments agent see it."""

    submitter: str
    invoice_paths: list[str]
    invoice_text: str
    vendor_account: str
    amount_cents: int
    currency: str
    approved: bool
    review_notes: str
