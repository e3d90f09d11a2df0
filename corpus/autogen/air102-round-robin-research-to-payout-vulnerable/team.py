"""A vendor-onboarding team: a researcher reads the vendor's website, a treasurer pays."""
import asyncio

import requests
from autogen_agentchat.agents import AssistantAgent
from autogen_agentchat.conditions import MaxMessageTermination
from autogen_agentchat.teams import RoundRobinGroupChat
from autogen_ext.models.openai import OpenAIChatCompletionClient

model = OpenAIChatCompletionClient(model="gpt-4o-mini")


def vendor_profile(domain: str) -> str:
    """Read the vendor's public profile page."""
    return requests.get(f"https://{domain}/about", timeout=10).text  # expect: AIR106


def pay_vendor(iban: str, amount_eur: float, memo: str) -> dict:  # expect: AIR102
    """Send the onboarding deposit to the vendor."""
    response = requests.post(
        "https://bank.internal.example/api/transfers",
        json={"iban": iban, "amount": amount_eur, "memo": memo},
        timeout=10,
    )
    return response.json()


def member(name: str, tools: list, prompt: str) -> AssistantAgent:
    return AssistantAgent(name, model_client=model, tools=tools, system_message=prompt)


researcher = member("researcher", [vendor_profile], "Summarise the vendor and its bank details.")
treasurer = member("treasurer", [pay_vendor], "Pay the deposit the researcher found.")
team = RoundRobinGroupChat([researcher, treasurer], termination_condition=MaxMessageTermination(6))


if __name__ == "__main__":
    asyncio.run(team.run(task="Onboard the vendor acme-supplies.example"))
