from typing import Any, Optional

from google.adk.tools.base_tool import BaseTool
from google.adk.tools.tool_context import ToolContext

DESTRUCTIVE_TOOLS = {"delete_namespace"}
PREVIEW_PREFIX = "preview-"


def guard_destructive_tools(
    tool: BaseTool, args: dict[str, Any], tool_context: ToolContext
) -> Optional[dict]:
    """Refuse destructive calls outside the preview environments.

    Returning a dict makes ADK skip the real tool and hand this result to the model instead.
    """
    if tool.name not in DESTRUCTIVE_TOOLS:
        return None
    namespace = str(args.get("namespace", ""))
    if not namespace.startswith(PREVIEW_PREFIX) or namespace == PREVIEW_PREFIX:
        return {
            "status": "refused",
            "reason": f"{tool.name} is only allowed on {PREVIEW_PREFIX}* namespaces, got {namespace!r}",
        }
    return None
