# case: AIR102 (safe) — a `SequentialAgent` runs a fetcher that searches the web, then a publisher
# that reads the fetcher's notes from the session and posts them to the company blog; a person confirms each post.
import asyncio

import requests
from google.adk.agents import Agent, SequentialAgent
from google.adk.runners import InMemoryRunner
from google.adk.tools import FunctionTool, google_search

CMS = "https://cms.internal.example.com/api/posts"


def publish_post(title: str, body: str) -> dict:
    """Publish a post on the company blog."""
    r = requests.post(CMS, json={"title": title, "body": body}, timeout=10)
    return {"status": r.status_code}


fetcher = Agent(name="fetcher", model="gemini-2.5-flash", tools=[google_search], output_key="notes")
publisher = Agent(
    name="publisher",
    model="gemini-2.5-flash",
    instruction="Write a post from {notes} and publish it.",
    tools=[FunctionTool(publish_post, require_confirmation=True)],
)
pipeline = SequentialAgent(name="weekly_digest", sub_agents=[fetcher, publisher])


async def main() -> None:
    runner = InMemoryRunner(agent=pipeline)
    await runner.run_debug("Write this week's industry digest")


if __name__ == "__main__":
    asyncio.run(main())
