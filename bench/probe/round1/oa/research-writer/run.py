import argparse
import asyncio

from agents import Runner

from research_writer.pipeline import make_researcher


async def main(topic: str, email: str | None) -> None:
    researcher = make_researcher()
    ask = f"Research this topic and write a report: {topic}"
    if email:
        ask += f"\nAlso send a digest to {email}."
    result = await Runner.run(researcher, ask, max_turns=25)

    while result.interruptions:
        state = result.to_state()
        for item in result.interruptions:
            print(f"\nApproval needed: {item.name} {item.arguments[:400]}")
            if input("approve? [y/N] ").strip().lower() == "y":
                state.approve(item)
            else:
                state.reject(item)
        result = await Runner.run(researcher, state)

    print(result.final_output)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("topic")
    p.add_argument("--email")
    args = p.parse_args()
    asyncio.run(main(args.topic, args.email))
