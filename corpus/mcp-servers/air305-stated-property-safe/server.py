# case: a knowledge server (the shape of cuga's `ingest_knowledge` and workspace-mcp's calendar
# tools, found by the ecosystem check) whose descriptions state a security property ("paths such
# as /etc/passwd are rejected") and use English compounds after "instead of"/"when using"
# ("date-only", "auto-detecting"), and give a condition for calling a tool ("you want to sign in
# before using other tools"): documentation, not text aimed at the model.
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("knowledge")


@mcp.tool()
def ingest_document(file_path: str, scope: str = "agent") -> str:
    """Ingest a document into the knowledge base.

    file_path must resolve under the agent workspace. Host-absolute paths such as /etc/passwd
    are rejected.
    """
    return f"queued {scope}"


@mcp.tool()
def import_diagnostics(content: str, format: str = "") -> str:
    """Import a diagnostics report.

    Pass format to name the checker instead of auto-detecting it from the content. Required
    when using date-only values in the report header.
    """
    return "imported"


@mcp.tool()
def start_sign_in() -> str:
    """Start the sign-in flow by hand.

    Only use this tool if:
    1. You need to sign in with different credentials
    2. You want to sign in before using other tools
    """
    return "open the link to sign in"
