# case: AIR106 (safe) — the same Semantic Kernel plugin; `archive_report` runs tar with an
# argument list and no shell, the model's file name after `--`, so it is neither a command nor an
# option.
import os
import subprocess
from typing import Annotated

from semantic_kernel.functions import kernel_function


class ReportsPlugin:
    def __init__(self, reports_dir: str):
        self.reports_dir = reports_dir

    @kernel_function(name="archive_report", description="Compress one report for sending.")
    def archive_report(self, file_name: Annotated[str, "the report's file name"]) -> str:
        target = f"/tmp/outbox/{os.path.basename(file_name)}.tgz"
        subprocess.run(["tar", "-czf", target, "--", file_name], cwd=self.reports_dir, check=True)
        return target

    def _cleanup(self, pattern: str) -> None:
        # Not a kernel function: the model cannot call it.
        subprocess.run(f"rm -f /tmp/outbox/{pattern}", shell=True)
