"""Graph served by LangGraph Platform (see langgraph.json). The platform injects the checkpointer."""
from payouts.graphs import make_builder

graph = make_builder().compile(interrupt_before=["pay"])
