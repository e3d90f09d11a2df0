"""Usage: python -m research_assistant.cli <agent> "<request>" """
from __future__ import annotations

import sys
import uuid

from langgraph.types import Command

from .builder import build_agents


def _ask(prompt: str) -> bool:
    return input(f"{prompt} [y/N] ").strip().lower() in {"y", "yes"}


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    agent_name, request = argv[0], " ".join(argv[1:])
    agents = build_agents()
    agent = agents[agent_name]
    config = {"configurable": {"thread_id": str(uuid.uuid4())}}

    result = agent.invoke({"messages": [{"role": "user", "content": request}]}, config)
    while result.get("__interrupt__"):
        pending = result["__interrupt__"][0].value
        decisions = []
        for req in pending["action_requests"]:
            ok = _ask(f"Allow {req['name']} with {req['args']}?")
            decisions.append({"type": "approve"} if ok else {"type": "reject", "message": "operator said no"})
        result = agent.invoke(Command(resume={"decisions": decisions}), config)

    print(result["messages"][-1].content)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
