"""Tools that run the warehouse CLI."""
import subprocess

from .definitions import ToolDefinition


def cli_definitions(binary: str) -> list[ToolDefinition]:
    def _invoke(command: list[str], selection: str | None = None) -> str:
        if selection:
            # One `--select=...` element: the CLI reads the whole value as the selection.
            command.append(f"--select={selection}")
        argv = [binary, "--no-color", *command]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=600)
        return done.stdout or "OK"

    def run_models(selection: str | None = None) -> str:
        """Build the selected models."""
        return _invoke(["run"], selection)

    def list_models(selection: str | None = None) -> str:
        """List the selected models."""
        return _invoke(["ls"], selection)

    return [
        ToolDefinition(fn=run_models, description="Build the selected models."),
        ToolDefinition(fn=list_models, description="List models.", read_only=True),
    ]
