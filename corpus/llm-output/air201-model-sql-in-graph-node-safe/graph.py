# case: the same node, where the model names one of the prepared read-only queries
import sqlite3
from typing import TypedDict

from langchain_openai import ChatOpenAI
from langgraph.graph import END, START, StateGraph

llm = ChatOpenAI(model="gpt-4.1-mini")
db = sqlite3.connect("shop.db", check_same_thread=False)

REPORTS = {
    "top_products": "SELECT name, SUM(qty) FROM sales GROUP BY name ORDER BY 2 DESC LIMIT 10",
    "daily_revenue": "SELECT day, SUM(total) FROM orders GROUP BY day ORDER BY day",
}


class State(TypedDict):
    question: str
    rows: list


def pick_and_run_report(state: State) -> dict:
    message = llm.invoke(f"Which report answers: {state['question']}? One of {list(REPORTS)}")
    name = message.content.strip()
    if name not in REPORTS:
        return {"rows": []}
    rows = db.execute(REPORTS[name]).fetchall()
    return {"rows": rows}


builder = StateGraph(State)
builder.add_node("sql", pick_and_run_report)
builder.add_edge(START, "sql")
builder.add_edge("sql", END)
graph = builder.compile()
