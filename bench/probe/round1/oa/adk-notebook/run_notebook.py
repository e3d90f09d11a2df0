"""Small CLI around the notebook agent for people who don't use `adk web`."""
import asyncio
import sys

from google.adk.runners import Runner
from google.adk.sessions import InMemorySessionService
from google.genai import types

from notebook_agent.agent import root_agent

APP = "notebook"


async def ask(question: str, user_id: str = "local") -> None:
    sessions = InMemorySessionService()
    session = await sessions.create_session(app_name=APP, user_id=user_id)
    runner = Runner(agent=root_agent, app_name=APP, session_service=sessions)
    message = types.Content(role="user", parts=[types.Part(text=question)])
    async for event in runner.run_async(user_id=user_id, session_id=session.id, new_message=message):
        if event.content and event.content.parts:
            for part in event.content.parts:
                if part.text:
                    print(part.text, end="")
    print()


if __name__ == "__main__":
    asyncio.run(ask(" ".join(sys.argv[1:]) or "Describe sales_q3.csv"))
