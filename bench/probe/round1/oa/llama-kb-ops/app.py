import asyncio
import sys

from llama_index.core.workflow import HumanResponseEvent, InputRequiredEvent

from kb_ops.workflow import build_workflow


async def main(ticket_id: int) -> None:
    wf = build_workflow()
    handler = wf.run(user_msg=f"Handle ticket #{ticket_id}.")
    async for ev in handler.stream_events():
        if isinstance(ev, InputRequiredEvent):
            answer = input(ev.prefix)
            handler.ctx.send_event(HumanResponseEvent(response=answer))
    print(await handler)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
