from crewai.hooks import ToolCallHookContext, before_tool_call


@before_tool_call
def refunds_need_a_human(context: ToolCallHookContext) -> bool | None:
    if context.tool_name == "issue_refund":
        answer = context.request_human_input(prompt=f"Approve refund {context.tool_input}?")
        return answer.strip().lower() == "approve"
    return None
