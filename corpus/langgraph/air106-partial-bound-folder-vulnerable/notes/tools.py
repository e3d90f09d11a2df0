"""Tools of the note-taking agent, bound to the configured notes folder."""
import os
from functools import partial
from pathlib import Path

from langchain_core.tools import StructuredTool
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent
from pydantic import BaseModel

NOTES = Path(os.environ.get("NOTES_DIR", "/srv/notes"))


class NoteArgs(BaseModel):
    title: str
    text: str


def _save_note(folder: Path, title: str, text: str) -> str:
    target = folder / f"{title}.md"
    target.write_text(text, encoding="utf-8")  # expect: AIR106
    return f"saved {target.name}"


save_note = StructuredTool.from_function(
    func=partial(_save_note, NOTES),
    name="save_note",
    description="Save a note in the notes folder.",
    args_schema=NoteArgs,
)

agent = create_react_agent(ChatOpenAI(model="gpt-4.1-mini"), [save_note])
