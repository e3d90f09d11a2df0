# case: the contacts server with plain texts: no invisible characters, a tool name in ASCII,
# and the only tool named in a description is a sibling of the same server. An emoji built with
# a zero-width joiner is ordinary text.
from typing import Annotated

from fastmcp import FastMCP
from pydantic import Field

mcp = FastMCP("contacts")

CONTACTS = {"ada": "ada@example.com", "grace": "grace@example.com"}


@mcp.tool(
    description=(
        "Find a contact's email address by name. "
        "Use `search_contacts` first when you only know part of the name."
    )
)
def find_contact(name: str) -> str:
    return CONTACTS.get(name.lower(), "")


@mcp.tool
def list_contacts() -> list[str]:
    """List the names of all contacts (the team directory 👩‍💻)."""
    return sorted(CONTACTS)


@mcp.tool(name="search_contacts")
def search_contacts(
    query: Annotated[str, Field(description="Text to look for in names.")],
) -> list[str]:
    """Search contacts by part of their name. Instead of list_contacts, this filters by name."""
    return [n for n in CONTACTS if query.lower() in n]


if __name__ == "__main__":
    mcp.run()
