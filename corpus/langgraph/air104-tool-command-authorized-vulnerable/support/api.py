from fastapi import Depends, FastAPI
from pydantic import BaseModel

from accounts.sessions import Customer, current_customer
from .graph import graph

app = FastAPI()


class Message(BaseModel):
    conversation_id: str
    text: str


@app.post("/support/messages")
def post_message(msg: Message, customer: Customer = Depends(current_customer)) -> dict:
    config = {"configurable": {"thread_id": msg.conversation_id}}
    state = graph.invoke(
        {"messages": [("user", msg.text)], "account_id": customer.account_id},
        config,
    )
    return {"reply": state["messages"][-1].content}
