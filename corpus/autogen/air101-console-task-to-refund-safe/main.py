import asyncio

from autogen_agentchat.ui import Console

from support.agent import build_assistant


async def main() -> None:
    assistant = build_assistant("gpt-4o")
    while True:
        request = input("ticket> ")
        if not request:
            break
        await Console(assistant.run_stream(task=request))


if __name__ == "__main__":
    asyncio.run(main())
