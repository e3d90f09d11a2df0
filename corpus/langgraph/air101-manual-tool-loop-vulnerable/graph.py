# case: A hand-written tool loop with no ToolNode: the agent node binds a web-fetch tool and a Slack-posting tool to the model and runs the model's tool calls itself, so a fetched page can make it post anywhere, with nothing asking a human first.
import requests
from langchain_core.messages import ToolMessage
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, MessagesState, StateGraph
from slack_sdk import WebClient

slack = WebClient(token="xoxb-from-env")


@tool
def fetch_page(url: str) -> str:
    """Fetch a web page and return its text."""
    return requests.get(url, timeout=10).text[:8000]  # expect: AIR106


@tool
def post_to_slack(channel: str, text: str) -> str:  # expect: AIR101
    """Post a message to a Slack channel."""
    slack.chat_postMessage(channel=channel, text=text)
    return "posted"


TOOLS = [fetch_page, post_to_slack]
TOOLS_BY_NAME = {t.name: t for t in TOOLS}
model = ChatOpenAI(model="gpt-4.1").bind_tools(TOOLS)


def agent(state: MessagesState) -> dict:
    messages = list(state["messages"])
    while True:
        reply = model.invoke(messages)
        messages.append(reply)
        if not reply.tool_calls:
            return {"messages": messages}
        for call in reply.tool_calls:
            result = TOOLS_BY_NAME[call["name"]].invoke(call["args"])
            messages.append(ToolMessage(content=str(result), tool_call_id=call["id"]))


builder = StateGraph(MessagesState)
builder.add_node("agent", agent)
builder.add_edge(START, "agent")
builder.add_edge("agent", END)
graph = builder.compile(checkpointer=InMemorySaver())
