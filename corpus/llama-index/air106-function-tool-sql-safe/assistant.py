from llama_index.core.agent.workflow import ReActAgent
from llama_index.core.tools import FunctionTool
from llama_index.llms.ollama import Ollama

from orders_db import OrderStore

store = OrderStore()
order_lookup = FunctionTool.from_defaults(
    store.orders_for,
    name="order_lookup",
    description="Find a customer's orders by email address and status.",
)
assistant = ReActAgent(name="orders", tools=[order_lookup], llm=Ollama(model="llama3.1"))
