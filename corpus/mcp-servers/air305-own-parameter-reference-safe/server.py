# case: the document editor (the shape of workspace-mcp's `modify_doc_text`, found by the
# ecosystem check) whose description tells the model to pass one of the tool's own parameters
# instead of another: documentation of the tool itself, not shadowing.
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("docs")


@mcp.tool()
def modify_doc_text(document_id: str, text: str, start_index: int = 0, heading: str = "") -> str:
    """Edit a document's text.

    HEADING MODE: pass heading instead of start_index to edit the body below a heading.
    """
    return f"edited {document_id}"
