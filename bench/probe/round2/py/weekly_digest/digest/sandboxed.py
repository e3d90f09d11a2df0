"""Ad-hoc questions against the warehouse, run in an E2B sandbox.

    python -m digest.sandboxed "Which product grew fastest in EMEA last quarter?"
"""
import sys

from smolagents import CodeAgent

from .agents import make_model
from .tools import RegionSalesTool


def make_analyst():
    return CodeAgent(
        tools=[RegionSalesTool()],
        model=make_model(),
        executor_type="e2b",
        additional_authorized_imports=["pandas", "numpy"],
        max_steps=10,
    )


if __name__ == "__main__":
    analyst = make_analyst()
    print(analyst.run(" ".join(sys.argv[1:])))
