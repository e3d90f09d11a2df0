"""Checks a snippet a user pastes into the agent builder before it is saved as a custom tool."""
import ast


def check_snippet(source: str) -> dict:
    # Parse only: the snippet runs later, in the sandboxed tool runner, never in this process.
    tree = ast.parse(source)
    names = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
    return {"functions": names, "ok": True}
