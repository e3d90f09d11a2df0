from langgraph.types import interrupt


def ask_human(question: str, **details) -> bool:
    """Pause the run until a finance approver answers; True means approved."""
    answer = interrupt({"question": question, **details})
    return answer == "approve"
