"""Where the analyst's code blocks run: a throwaway container, not the host."""
from pathlib import Path

from autogen_ext.code_executors.docker import DockerCommandLineCodeExecutor as HostExecutor

SCRATCH = Path(__file__).parent / "scratch"


def code_runtime(timeout: int = 60):
    SCRATCH.mkdir(exist_ok=True)
    return HostExecutor(work_dir=SCRATCH, timeout=timeout)
