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
    text: str


def _save_note(folder: Path, text: str) -> str:
    target = folder / "inbox.md"
    with target.open("a", encoding="utf-8") as fh:
        fh.write(text + "\n")
    return "saved to the inbox"


save_note = StructuredTool.from_function(
    func=partial(_save_note, NOTES),
    name="save_note",
    description="Append a note to the inbox note.",
    args_schema=NoteArgs,
)

agent = create_react_agent(ChatOpenAI(model="gpt-4.1-mini"), [save_note])
