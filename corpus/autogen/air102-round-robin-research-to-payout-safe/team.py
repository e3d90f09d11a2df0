"""A vendor-onboarding team: a researcher reads the vendor's website, a treasurer pays.

A swarm: the conversation moves only by handoff. The researcher hands off to the person, who
starts the treasurer's run with the details they checked."""
import asyncio

import requests
from autogen_agentchat.agents import AssistantAgent
from autogen_agentchat.base import Handoff
from autogen_agentchat.conditions import HandoffTermination
from autogen_agentchat.teams import Swarm
from autogen_ext.models.openai import OpenAIChatCompletionClient

model = OpenAIChatCompletionClient(model="gpt-4o-mini")


def vendor_profile(domain: str) -> str:
    """Read the vendor's public profile page."""
    return requests.get(f"https://{domain}/about", timeout=10).text  # expect: AIR106


def pay_vendor(iban: str, amount_eur: float, memo: str) -> dict:
    """Send the onboarding deposit to the vendor."""
    response = requests.post(
        "https://bank.internal.example/api/transfers",
        json={"iban": iban, "amount": amount_eur, "memo": memo},
        timeout=10,
    )
    return response.json()


def member(name: str, tools: list, prompt: str, handoffs: list) -> AssistantAgent:
    return AssistantAgent(
        name, model_client=model, tools=tools, system_message=prompt, handoffs=handoffs
    )


review = Handoff(target="user", message="Check these bank details before anything is paid.")
researcher = member(
    "researcher", [vendor_profile], "Summarise the vendor and its bank details.", [review]
)
treasurer = member("treasurer", [pay_vendor], "Pay the deposit the person confirmed.", [])
team = Swarm([researcher, treasurer], termination_condition=HandoffTermination(target="user"))


if __name__ == "__main__":
    asyncio.run(team.run(task="Onboard the vendor acme-supplies.example"))
