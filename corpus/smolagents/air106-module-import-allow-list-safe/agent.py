# case: AIR106 (safe) — the tool imports only a module the helper in `policy.py` finds in
# the allow-list, a tree of the permitted dotted names (`json.*` allows `json` and every
# module below it).
import importlib

from smolagents import CodeAgent, InferenceClientModel, tool

from policy import import_permitted

PERMITTED = ["math", "statistics", "json.*"]


@tool
def describe_module(module: str) -> str:
    """Import a Python module and list its public names.

    Args:
        module: dotted module name, for example `statistics`
    """
    for part in module.split(","):
        name = part.strip()
        if import_permitted(name, PERMITTED):
            loaded = importlib.import_module(name)
            return ", ".join(n for n in dir(loaded) if not n.startswith("_"))
    raise ValueError(f"module {module} is not allowed")


agent = CodeAgent(tools=[describe_module], model=InferenceClientModel(), executor_type="e2b")
