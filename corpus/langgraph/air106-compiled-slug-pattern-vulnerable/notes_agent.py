import re
from pathlib import Path

from langchain.agents import create_agent
from langchain.tools import tool

NOTES = Path("notes")
_SLUG = re.compile(r"\s+")


def _slug(title: str) -> str:
    return _SLUG.sub("-", title.lower()).strip("-") or "note"


@tool
def save_note(title: str, body: str) -> str:
    """Save a note under a file named after its title."""
    NOTES.mkdir(exist_ok=True)
    path = NOTES / f"{_slug(title)}.md"
    path.write_text(body, encoding="utf-8")  # expect: AIR106
    return path.name


agent = create_agent("openai:gpt-4.1-mini", tools=[save_note], name="notes")
