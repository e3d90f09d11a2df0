"""Tool-call hooks. Importing this module registers them globally."""
from crewai.hooks import ToolCallHookContext, before_tool_call


@before_tool_call(tools=["write_doc_page"])
def confirm_doc_write(context: ToolCallHookContext) -> bool | None:
    slug = context.tool_input.get("slug", "?")
    preview = str(context.tool_input.get("content", ""))[:400]
    answer = context.request_human_input(
        prompt=f"Docs writer wants to overwrite docs/{slug}.md:\n\n{preview}\n\nAllow? [y/N]"
    )
    if answer.strip().lower() not in {"y", "yes"}:
        return False
    return None
