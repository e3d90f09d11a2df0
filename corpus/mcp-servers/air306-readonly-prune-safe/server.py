# case: the exports server with annotations that say what each tool does: the deleting tools
# are destructive (shared constant), the listing tool is read-only.
import shutil
from pathlib import Path

from mcp.server.mcpserver import MCPServer
from mcp.types import ToolAnnotations

mcp = MCPServer("exports")
EXPORTS = Path("/srv/exports")
ARCHIVE = Path("/srv/archive")
SCRATCH = Path("/srv/scratch")

DESTRUCTIVE_LOCAL = ToolAnnotations(
    read_only_hint=False,
    destructive_hint=True,
    idempotent_hint=True,
    open_world_hint=False,
)


@mcp.tool(annotations=DESTRUCTIVE_LOCAL)
def prune_exports(keep_latest: int = 10) -> str:
    """Keep the newest export files and remove the rest."""
    files = sorted(EXPORTS.glob("*.csv"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep_latest:]:
        old.unlink()
    return f"removed {max(len(files) - keep_latest, 0)} files"


@mcp.tool(annotations=DESTRUCTIVE_LOCAL)
def archive_export(name: str) -> str:
    """Move an export into the archive."""
    src = EXPORTS / Path(name).name
    shutil.copy2(src, ARCHIVE / src.name)
    src.unlink()
    return f"archived {src.name}"


@mcp.tool(annotations=DESTRUCTIVE_LOCAL)
def clear_scratch() -> str:
    """Delete everything in the scratch area."""
    shutil.rmtree(SCRATCH)
    SCRATCH.mkdir()
    return "cleared"


@mcp.tool(annotations=ToolAnnotations(read_only_hint=True, open_world_hint=False))
def list_exports() -> list[str]:
    """List the export files, newest first."""
    return [p.name for p in sorted(EXPORTS.glob("*.csv"), reverse=True)]
