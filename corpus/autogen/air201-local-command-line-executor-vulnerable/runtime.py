"""Where the analyst's code blocks run."""
from pathlib import Path

from autogen_ext.code_executors.local import LocalCommandLineCodeExecutor as HostExecutor

SCRATCH = Path(__file__).parent / "scratch"


def code_runtime(timeout: int = 60):
    SCRATCH.mkdir(exist_ok=True)
    return HostExecutor(work_dir=SCRATCH, timeout=timeout)
