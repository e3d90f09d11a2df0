from typing import Annotated

from langchain_core.messages import ToolMessage
from langchain_core.tools import InjectedToolCallId, create_retriever_tool, tool
from langchain_core.vectorstores import InMemoryVectorStore
from langchain_openai import OpenAIEmbeddings
from langgraph.types import Command

_kb = InMemoryVectorStore(OpenAIEmbeddings(model="text-embedding-3-small"))

kb_search = create_retriever_tool(
    _kb.as_retriever(search_kwargs={"k": 4}),
    "kb_search",
    "Search help-center articles about account management.",
)


@tool
def record_identity_check(passed: bool, method: str, tool_call_id: Annotated[str, InjectedToolCallId]) -> Command:
    """Record the outcome of the caller's identity check (security questions, ID photo)."""
    return Command(
        update={
            "is_authorized": passed,
            "messages": [ToolMessage(f"identity check via {method}: {passed}", tool_call_id=tool_call_id)],
        }
    )


TOOLS = [kb_search, record_identity_check]
