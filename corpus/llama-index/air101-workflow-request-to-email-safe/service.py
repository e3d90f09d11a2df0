from fastapi import FastAPI
from llama_index.core.agent.workflow import AgentWorkflow, FunctionAgent
from llama_index.core.tools import FunctionTool
from llama_index.llms.openai import OpenAI
from pydantic import BaseModel

from notify import email_customer

api = FastAPI()
llm = OpenAI(model="gpt-4.1-mini")

support = FunctionAgent(
    name="support",
    description="Answers customers and keeps them informed.",
    system_prompt="You are the shop's support agent.",
    llm=llm,
    tools=[FunctionTool.from_defaults(async_fn=email_customer, name="email")],
)
workflow = AgentWorkflow(agents=[support], root_agent=support.name)


class Question(BaseModel):
    text: str


@api.post("/support")
async def ask(question: Question) -> dict:
    reply = await workflow.run(user_msg=question.text)
    return {"reply": str(reply)}
