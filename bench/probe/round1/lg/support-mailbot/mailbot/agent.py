"""Support mailbot: a LangChain v1 agent with human review on outgoing mail."""
import sqlite3

from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware, ToolCallLimitMiddleware
from langgraph.checkpoint.sqlite import SqliteSaver

from mailbot.settings import settings
from mailbot.tools import TOOLS

SYSTEM_PROMPT = """You are the first-line support agent for Acme Cloud.
Work through the unanswered emails in the support inbox. For each one, look up the customer's
charges if billing is involved, refund when our policy allows it (duplicate charges, outages over 4h),
reply to the customer, and ping the team on Slack for anything you cannot resolve."""

review_outgoing = HumanInTheLoopMiddleware(
    interrupt_on={
        "send_reply": {"allowed_decisions": ["approve", "edit", "reject"]},
        "read_support_inbox": False,
        "lookup_charges": False,
    },
    description_prefix="Outgoing customer email needs a look",
)

checkpointer = SqliteSaver(sqlite3.connect(settings.checkpoint_db, check_same_thread=False))

agent = create_agent(
    settings.llm,
    tools=TOOLS,
    system_prompt=SYSTEM_PROMPT,
    middleware=[review_outgoing, ToolCallLimitMiddleware(run_limit=25)],
    checkpointer=checkpointer,
    name="support_mailbot",
)
