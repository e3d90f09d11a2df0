"""In-process execution helpers. Handy in a notebook, where the analyst watches every step."""
import contextlib
import io
import subprocess
import sys
import tempfile
import traceback

import pandas as pd
from langchain_core.tools import tool
from langchain_experimental.tools import PythonREPLTool

python_repl = PythonREPLTool()

_NAMESPACE: dict = {"pd": pd}


@tool
def run_python(code: str) -> str:
    """Execute Python code for data analysis. Variables persist between calls.
    `pd` is pandas. Print whatever you want to see."""
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            exec(code, _NAMESPACE)
    except Exception:
        return buf.getvalue() + "\n" + traceback.format_exc(limit=2)
    return buf.getvalue() or "(no output)"


@tool
def run_script(code: str, timeout_s: int = 60) -> str:
    """Run a standalone Python script in a fresh interpreter (use for long or memory-heavy jobs)."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(code)
        path = fh.name
    proc = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=timeout_s)
    return (proc.stdout + proc.stderr)[-6000:]
