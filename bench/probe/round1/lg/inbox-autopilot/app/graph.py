"""Autopilot graph: unread mail -> triage -> reply agent <-> tools."""
from langgraph.graph import END, START, StateGraph
from langgraph.prebuilt import ToolNode, tools_condition

from app.nodes import InboxState, after_triage, fetch_next, reply, triage
from app.tools import ALL_TOOLS

builder = StateGraph(InboxState)
builder.add_node("fetch", fetch_next)
builder.add_node("triage", triage)
builder.add_node("agent", reply)
builder.add_node("tools", ToolNode(ALL_TOOLS))

builder.add_edge(START, "fetch")
builder.add_edge("fetch", "triage")
builder.add_conditional_edges("triage", after_triage, {"reply": "agent", "skip": END})
builder.add_conditional_edges("agent", tools_condition)
builder.add_edge("tools", "agent")

graph = builder.compile()


if __name__ == "__main__":
    from app.config import settings

    for _ in range(settings.max_batch):
        final = graph.invoke({"messages": []})
        if not final.get("email"):
            break
        print(final["email"].get("subject"), "->", final.get("category"))
