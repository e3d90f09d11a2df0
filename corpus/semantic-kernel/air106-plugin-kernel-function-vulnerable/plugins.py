# case: AIR106 — a Semantic Kernel plugin: a plain class whose `@kernel_function` methods are the
# functions the model may call. `archive_report` builds a tar command from the model's file name
# and runs it through a shell; the undecorated helper is not callable by the model.
import subprocess
from typing import Annotated

from semantic_kernel.functions import kernel_function


class ReportsPlugin:
    def __init__(self, reports_dir: str):
        self.reports_dir = reports_dir

    @kernel_function(name="archive_report", description="Compress one report for sending.")
    def archive_report(self, file_name: Annotated[str, "the report's file name"]) -> str:
        command = f"tar -czf /tmp/outbox/{file_name}.tgz {file_name}"
        subprocess.run(command, shell=True, cwd=self.reports_dir, check=True)  # expect: AIR106
        return f"/tmp/outbox/{file_name}.tgz"

    def _cleanup(self, pattern: str) -> None:
        # Not a kernel function: the model cannot call it.
        subprocess.run(f"rm -f /tmp/outbox/{pattern}", shell=True)
