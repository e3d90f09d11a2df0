# case: an exports server on the SDK v2 `MCPServer`: `prune_exports` deletes files but says it is
# read-only, `archive_export` removes the original after copying but says it is not destructive,
# and `clear_scratch` wipes a folder with no annotations at all (low: the defaults already read
# it as destructive). `list_exports` is honestly read-only.
import shutil
from pathlib import Path

from mcp.server.mcpserver import MCPServer
from mcp.types import ToolAnnotations

mcp = MCPServer("exports")
EXPORTS = Path("/srv/exports")
ARCHIVE = Path("/srv/archive")
SCRATCH = Path("/srv/scratch")


@mcp.tool(annotations=ToolAnnotations(read_only_hint=True))  # expect: AIR306
def prune_exports(keep_latest: int = 10) -> str:
    """Keep the newest export files and remove the rest."""
    files = sorted(EXPORTS.glob("*.csv"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep_latest:]:
        old.unlink()
    return f"removed {max(len(files) - keep_latest, 0)} files"


@mcp.tool(
    annotations=ToolAnnotations(
        read_only_hint=False,
        destructive_hint=False,  # expect: AIR306
        idempotent_hint=True,
    )
)
def archive_export(name: str) -> str:
    """Move an export into the archive."""
    src = EXPORTS / Path(name).name
    shutil.copy2(src, ARCHIVE / src.name)
    src.unlink()
    return f"archived {src.name}"


@mcp.tool()
def clear_scratch() -> str:  # expect: AIR306
    """Delete everything in the scratch area."""
    shutil.rmtree(SCRATCH)
    SCRATCH.mkdir()
    return "cleared"


@mcp.tool(annotations=ToolAnnotations(read_only_hint=True, open_world_hint=False))
def list_exports() -> list[str]:
    """List the export files, newest first."""
    return [p.name for p in sorted(EXPORTS.glob("*.csv"), reverse=True)]
