# case: The same hand-written tool loop, but the Slack tool asks a human with interrupt() before it posts (the graph has a checkpointer), so fetched text cannot make it post unreviewed. A pause before the whole agent node would not do: the model calls tools inside the node after it.
import requests
from langchain_core.messages import ToolMessage
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.types import interrupt
from slack_sdk import WebClient

slack = WebClient(token="xoxb-from-env")


@tool
def fetch_page(url: str) -> str:
    """Fetch a web page and return its text."""
    return requests.get(url, timeout=10).text[:8000]  # expect: AIR106


@tool
def post_to_slack(channel: str, text: str) -> str:
    """Post a message to a Slack channel."""
    answer = interrupt({"action": "post_to_slack", "channel": channel, "text": text})
    if answer != "approve":
        return "the reviewer rejected this message"
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
