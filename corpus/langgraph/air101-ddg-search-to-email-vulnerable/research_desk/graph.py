# case: A hand-built graph (StateGraph imported as SG) binds DuckDuckGo search and a BaseTool email sender in one ToolNode; the checkpointer alone gates nothing, so search results can make the agent send mail.
from langchain_openai import ChatOpenAI
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import START, MessagesState
from langgraph.graph import StateGraph as SG
from langgraph.prebuilt import ToolNode, tools_condition

from .tools import SendEmailTool, read_tools

tools = [*read_tools, SendEmailTool()]
llm = ChatOpenAI(model="gpt-4.1-mini").bind_tools(tools)

SYSTEM = "Research the question on the web and email a short briefing to the requester."


def call_model(state: MessagesState) -> dict:
    reply = llm.invoke([("system", SYSTEM), *state["messages"]])
    return {"messages": [reply]}


builder = SG(MessagesState)
builder.add_node("agent", call_model)
builder.add_node("tools", ToolNode(tools))
builder.add_edge(START, "agent")
builder.add_conditional_edges("agent", tools_condition)
builder.add_edge("tools", "agent")

graph = builder.compile(checkpointer=InMemorySaver())
