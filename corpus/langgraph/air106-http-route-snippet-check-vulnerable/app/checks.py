"""Checks a snippet a user pastes into the agent builder before it is saved as a custom tool."""
import ast


def check_snippet(source: str) -> dict:
    tree = ast.parse(source)
    names = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
    # Define the functions to catch errors in their defaults and decorators early.
    scope: dict = {}
    exec(compile(tree, "<snippet>", "exec"), scope)  # expect: AIR106, AIR106
    return {"functions": names, "ok": True}
