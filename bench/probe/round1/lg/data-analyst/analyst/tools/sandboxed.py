"""Isolated execution backends."""
import docker
from e2b_code_interpreter import Sandbox
from langchain_core.tools import tool

_docker = None


@tool
def run_python_e2b(code: str) -> str:
    """Execute Python code for data analysis in a remote sandbox. Print what you want to see."""
    with Sandbox.create(timeout=120) as sbx:
        execution = sbx.run_code(code)
    if execution.error:
        return f"{execution.error.name}: {execution.error.value}"
    return "\n".join(execution.logs.stdout)[-6000:] or "(no output)"


@tool
def run_python_docker(code: str) -> str:
    """Execute Python code for data analysis in a throwaway container without network access."""
    global _docker
    _docker = _docker or docker.from_env()
    output = _docker.containers.run(
        "python:3.12-slim",
        ["python", "-c", code],
        network_disabled=True,
        mem_limit="512m",
        read_only=True,
        remove=True,
        stderr=True,
    )
    return output.decode("utf-8", "replace")[-6000:]
