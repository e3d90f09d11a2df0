# case: The same endpoint and crew; app/guards.py registers a hook that blocks every refund until a person approves it.
from crewai import Agent, Crew, Task
from fastapi import FastAPI
from pydantic import BaseModel

import app.guards  # noqa: F401  (registers the refund hook)
from app.tools import issue_refund

app = FastAPI()

billing_agent = Agent(
    role="Billing Support",
    goal="Resolve billing complaints",
    backstory="You handle refunds for the online store.",
    tools=[issue_refund],
)

resolve = Task(
    description="A customer wrote: {message}. Resolve their billing issue.",
    expected_output="What you did.",
    agent=billing_agent,
)

support_crew = Crew(agents=[billing_agent], tasks=[resolve])


class Complaint(BaseModel):
    message: str


@app.post("/complaints")
def complain(c: Complaint) -> dict:
    result = support_crew.kickoff(inputs={"message": c.message})
    return {"answer": result.raw}
