"""Coordinator graph. Routing is done entirely with Command(goto=...), there are no static edges
between workers."""
from typing import Literal

from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.types import Command, interrupt
from typing_extensions import TypedDict

from deskagent.agents import executor, model, publisher, researcher


class DeskState(MessagesState):
    brief: str


class Route(TypedDict):
    """Worker to act next, or FINISH."""

    next: Literal["researcher", "executor", "review", "FINISH"]


COORDINATOR_PROMPT = (
    "You coordinate a research desk. Workers: researcher (web research), executor (loads findings into "
    "the analytics warehouse), review (send the written brief to an editor for publication). "
    "Pick the next worker, or FINISH when the request is done."
)

router_llm = model.with_structured_output(Route)


def coordinator(state: DeskState) -> Command[Literal["researcher", "executor", "review", "__end__"]]:
    decision = router_llm.invoke([SystemMessage(COORDINATOR_PROMPT), *state["messages"]])
    goto = END if decision["next"] == "FINISH" else decision["next"]
    return Command(goto=goto)


def _last_text(result: dict) -> str:
    return result["messages"][-1].content


def research_node(state: DeskState) -> Command[Literal["coordinator"]]:
    result = researcher.invoke({"messages": state["messages"]})
    note = AIMessage(content=_last_text(result), name="researcher")
    return Command(goto="coordinator", update={"messages": [note], "brief": note.content})


def executor_node(state: DeskState) -> Command[Literal["coordinator"]]:
    result = executor.invoke({"messages": state["messages"]})
    return Command(goto="coordinator", update={"messages": [AIMessage(_last_text(result), name="executor")]})


def editor_review(state: DeskState) -> Command[Literal["publisher", "coordinator"]]:
    verdict = interrupt({"question": "Publish this brief?", "brief": state.get("brief", "")})
    if verdict.get("approve"):
        brief = verdict.get("edited_brief") or state.get("brief", "")
        return Command(goto="publisher", update={"brief": brief})
    feedback = HumanMessage(content=f"Editor rejected the brief: {verdict.get('comment', 'no reason')}")
    return Command(goto="coordinator", update={"messages": [feedback]})


def publisher_node(state: DeskState) -> Command[Literal["__end__"]]:
    request = HumanMessage(content=f"Publish this approved brief verbatim:\n\n{state['brief']}")
    result = publisher.invoke({"messages": [request]})
    return Command(goto=END, update={"messages": [AIMessage(_last_text(result), name="publisher")]})


builder = StateGraph(DeskState)
builder.add_node("coordinator", coordinator)
builder.add_node("researcher", research_node)
builder.add_node("executor", executor_node)
builder.add_node("review", editor_review)
builder.add_node("publisher", publisher_node)
builder.add_edge(START, "coordinator")

graph = builder.compile(checkpointer=InMemorySaver())
