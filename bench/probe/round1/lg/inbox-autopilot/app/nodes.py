"""Graph nodes: pull the next unread mail, triage it, then let the model draft and send a reply."""
from typing import Literal

from langchain.chat_models import init_chat_model
from langchain_core.messages import HumanMessage, SystemMessage
from langgraph.graph import MessagesState
from pydantic import BaseModel, Field

from app.config import settings
from app.tools import ALL_TOOLS, search_inbox


class InboxState(MessagesState):
    email: dict
    category: str


class Triage(BaseModel):
    category: Literal["reply", "ignore", "escalate"]
    reason: str = Field(description="one sentence justification")


TRIAGE_PROMPT = (
    "You sort incoming email for a busy founder. Choose 'reply' for routine mail you can answer, "
    "'ignore' for newsletters and notifications, 'escalate' for anything legal, financial or personal."
)

REPLY_PROMPT = (
    "You are the founder's email assistant. Write a short, friendly reply to the email below and "
    "send it with the send_email tool, replying in the same thread. Use load_template when a canned "
    "answer fits. Sign as 'Sam'."
)

llm = init_chat_model(settings.model, temperature=0)
triager = llm.with_structured_output(Triage)
replier = llm.bind_tools(ALL_TOOLS)


def fetch_next(state: InboxState) -> dict:
    batch = search_inbox.invoke({"query": "is:unread in:inbox -category:promotions", "max_results": 1})
    if not batch:
        return {"email": {}, "category": "ignore"}
    email = batch[0]
    text = f"From: {email['from']}\nSubject: {email['subject']}\nThread: {email['thread_id']}\n\n{email['body']}"
    return {"email": email, "messages": [HumanMessage(content=text)]}


def triage(state: InboxState) -> dict:
    if not state.get("email"):
        return {"category": "ignore"}
    verdict = triager.invoke([SystemMessage(TRIAGE_PROMPT), state["messages"][-1]])
    return {"category": verdict.category}


def reply(state: InboxState) -> dict:
    response = replier.invoke([SystemMessage(REPLY_PROMPT), *state["messages"]])
    return {"messages": [response]}


def after_triage(state: InboxState) -> Literal["reply", "skip"]:
    return "reply" if state.get("category") == "reply" else "skip"
