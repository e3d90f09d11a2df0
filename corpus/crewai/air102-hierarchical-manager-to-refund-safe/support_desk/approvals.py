from crewai.hooks import ToolCallHookContext

GUARDED = ["issue_refund"]  # the sanitised name CrewAI passes


def approve_refunds(context: ToolCallHookContext) -> bool | None:
    """Ask a person before any refund; returning False skips the tool call."""
    if context.tool_name not in GUARDED:
        return None
    answer = context.request_human_input(
        prompt=f"Refund requested: {context.tool_input}. Approve?",
    )
    return answer.strip().lower() in {"y", "yes"}
