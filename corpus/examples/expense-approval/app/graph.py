"""The expense graph: intake -> AP review -> payments agent (or rejection)."""

from langchain_core.messages import AIMessage
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, StateGraph

from app.agents.coordinator import intake, review
from app.agents.payments import payments_agent
from app.state import ExpenseState


def route_after_review(state: ExpenseState) -> str:
    if state["approved"]:  # expect: AIR104
        return "pay"
    return "reject"


def reject(state: ExpenseState) -> dict:
    return {"messages": [AIMessage(f"Expense rejected: {state['review_notes']}")]}


builder = StateGraph(ExpenseState)
builder.add_node("intake", intake)
builder.add_node("review", review)
builder.add_node("payments", payments_agent)
builder.add_node("reject", reject)
builder.add_edge(START, "intake")
builder.add_conditional_edges("review", route_after_review, {"pay": "payments", "reject": "reject"})
builder.add_edge("payments", END)
builder.add_edge("reject", END)

graph = builder.compile(checkpointer=InMemorySaver())
