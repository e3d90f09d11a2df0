# case: AIR106 — a tool loads the Python module the model names. The helper in `policy.py`
# only refuses a few names (a deny-list), so `shutil`, `ctypes` or any installed package's
# module is imported and its top level runs.
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
            loaded = importlib.import_module(name)  # expect: AIR106
            return ", ".join(n for n in dir(loaded) if not n.startswith("_"))
    raise ValueError(f"module {module} is not allowed")


agent = CodeAgent(tools=[describe_module], model=InferenceClientModel(), executor_type="e2b")
