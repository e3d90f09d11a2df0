from llama_index.core.agent.workflow import AgentWorkflow, FunctionAgent
from llama_index.core.tools import FunctionTool
from llama_index.llms.openai import OpenAI

from .index import runbook_search_tool
from .tools import email_summary, lookup_ticket, run_maintenance


def build_workflow(model: str = "gpt-4.1") -> AgentWorkflow:
    llm = OpenAI(model=model, temperature=0)

    researcher = FunctionAgent(
        name="researcher",
        description="Finds the right runbook for a ticket.",
        system_prompt="Look up the ticket, find the matching runbook and decide what to run.",
        llm=llm,
        tools=[runbook_search_tool(), FunctionTool.from_defaults(fn=lookup_ticket)],
        can_handoff_to=["operator", "notifier"],
    )
    operator = FunctionAgent(
        name="operator",
        description="Executes maintenance scripts that a runbook calls for.",
        system_prompt="Run the maintenance task the runbook specifies, then hand off to notifier.",
        llm=llm,
        tools=[FunctionTool.from_defaults(fn=run_maintenance, name="run_maintenance")],
        can_handoff_to=["notifier"],
    )
    notifier = FunctionAgent(
        name="notifier",
        description="Emails the requester a summary.",
        system_prompt="Write a short summary and email it to the ticket's requester.",
        llm=llm,
        tools=[FunctionTool.from_defaults(async_fn=email_summary, name="email_summary")],
    )
    return AgentWorkflow(agents=[researcher, operator, notifier], root_agent="researcher")
