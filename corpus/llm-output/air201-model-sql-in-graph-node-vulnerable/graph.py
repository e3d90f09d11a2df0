# case: a LangGraph node asks the chat model for SQL and runs it on the shop database
import sqlite3
from typing import TypedDict

from langchain_openai import ChatOpenAI
from langgraph.graph import END, START, StateGraph

llm = ChatOpenAI(model="gpt-4.1-mini")
db = sqlite3.connect("shop.db", check_same_thread=False)


class State(TypedDict):
    question: str
    rows: list


def write_and_run_sql(state: State) -> dict:
    message = llm.invoke(f"Write one SQLite query that answers: {state['question']}")  # path: AIR201
    sql = message.content.strip().strip("`")
    rows = db.execute(sql).fetchall()  # expect: AIR201
    return {"rows": rows}


builder = StateGraph(State)
builder.add_node("sql", write_and_run_sql)
builder.add_edge(START, "sql")
builder.add_edge("sql", END)
graph = builder.compile()
