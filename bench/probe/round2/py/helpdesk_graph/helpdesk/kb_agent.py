"""Knowledge-base writer: turns resolved tickets into help-centre articles."""
from __future__ import annotations

import os
import re
from pathlib import Path

import requests
from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain_chroma import Chroma
from langchain_core.tools import create_retriever_tool, tool
from langchain_openai import OpenAIEmbeddings
from langgraph.checkpoint.memory import InMemorySaver

CMS_URL = os.environ.get("HELPCENTER_API", "https://help.parcelly.example/api")
CMS_TOKEN = os.environ.get("HELPCENTER_TOKEN", "")
DRAFTS_DIR = Path(os.environ.get("KB_DRAFTS_DIR", "var/kb-drafts"))

_NON_SLUG = re.compile(r"[^a-z0-9]+")

_tickets = Chroma(
    collection_name="resolved_tickets",
    embedding_function=OpenAIEmbeddings(model="text-embedding-3-small"),
    persist_directory="var/chroma",
)

search_past_tickets = create_retriever_tool(
    _tickets.as_retriever(search_kwargs={"k": 6}),
    "search_past_tickets",
    "Search resolved customer tickets (subject, conversation, resolution).",
)


def _slugify(title: str) -> str:
    return _NON_SLUG.sub("-", title.lower()).strip("-")[:80] or "untitled"


@tool
def write_draft_note(title: str, markdown: str) -> str:
    """Save a draft article locally so an editor can polish it later."""
    DRAFTS_DIR.mkdir(parents=True, exist_ok=True)
    path = DRAFTS_DIR / f"{_slugify(title)}.md"
    path.write_text(f"# {title}\n\n{markdown}\n", encoding="utf-8")
    return f"draft saved: {path.name}"


@tool
def publish_article(title: str, markdown: str, section: str = "shipping") -> str:
    """Publish an article to the public help centre."""
    resp = requests.post(
        f"{CMS_URL}/articles",
        json={"title": title, "body_markdown": markdown, "section": section, "state": "published"},
        headers={"Authorization": f"Bearer {CMS_TOKEN}"},
        timeout=20,
    )
    resp.raise_for_status()
    return resp.json()["url"]


kb_writer = create_agent(
    "openai:gpt-4.1",
    tools=[search_past_tickets, write_draft_note, publish_article],
    system_prompt=(
        "You write help-centre articles. Search past tickets for recurring problems, "
        "draft an article, and publish it when it is ready."
    ),
    middleware=[
        HumanInTheLoopMiddleware(
            interrupt_on={
                "publish_article": {"allowed_decisions": ["approve", "edit", "reject"]},
                "write_draft_note": False,
                "search_past_tickets": False,
            }
        )
    ],
    checkpointer=InMemorySaver(),
    name="kb_writer",
)
