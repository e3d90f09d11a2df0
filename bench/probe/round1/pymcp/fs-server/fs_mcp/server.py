import json
import os
import shutil
import sys
from datetime import datetime, timezone
from pathlib import Path

from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations

from .security import PathGuard

MAX_READ_BYTES = 2 * 1024 * 1024


def create_server(allowed_dirs: list[str]) -> FastMCP:
    guard = PathGuard(allowed_dirs)
    mcp = FastMCP("filesystem", instructions="Read and edit files in: " + ", ".join(allowed_dirs))

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=False))
    def read_text_file(path: str, head: int | None = None) -> str:
        """Read a UTF-8 text file. Optionally only the first `head` lines."""
        target = guard.check(path)
        if target.stat().st_size > MAX_READ_BYTES:
            raise ValueError("file too large, use head=")
        with open(target, encoding="utf-8", errors="replace") as fh:
            if head is None:
                return fh.read()
            return "".join(line for _, line in zip(range(head), fh))

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=True, idempotentHint=True))
    def write_file(path: str, content: str) -> str:
        """Create or overwrite a file with the given content."""
        target = guard.check(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        return f"Wrote {len(content)} characters to {target}"

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=True))
    def move_file(source: str, destination: str) -> str:
        """Move or rename a file or directory."""
        src = guard.check(source)
        if not src.exists():
            raise FileNotFoundError(source)
        shutil.move(src, destination)
        return f"Moved {src} -> {destination}"

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=True))
    def remove_directory(path: str, recursive: bool = False) -> str:
        """Delete a directory. Set recursive=true to delete a non-empty tree."""
        target = os.path.abspath(path)
        if target in ("/", os.path.expanduser("~")):
            raise ValueError("refusing to delete that")
        if not recursive and any(Path(target).iterdir()):
            raise ValueError("directory is not empty; pass recursive=true")
        shutil.rmtree(target)
        return f"Removed {target}"

    # copying never touches the source, so clients can auto-approve it
    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=True, openWorldHint=False))
    def copy_file(source: str, destination: str) -> str:
        """Copy a file to a new location inside the allowed directories."""
        src = guard.check(source)
        dst = guard.check(destination)
        shutil.copy2(src, dst)
        return f"Copied {src} -> {dst}"

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=False, idempotentHint=True))
    def rebuild_index() -> str:
        """Rescan the first allowed directory and refresh the file index."""
        root = guard.roots[0]
        entries = []
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                p = Path(dirpath) / name
                entries.append({"path": str(p.relative_to(root)), "size": p.stat().st_size})
        index_path = root / ".fs-mcp-index.json"
        with open(index_path, "w", encoding="utf-8") as fh:
            json.dump({"built": datetime.now(timezone.utc).isoformat(), "files": entries}, fh)
        return f"Indexed {len(entries)} files"

    @mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
    def list_allowed_directories() -> str:
        return guard.describe()

    return mcp


def main() -> None:
    dirs = sys.argv[1:]
    if not dirs:
        print("usage: python -m fs_mcp.server DIR [DIR ...]", file=sys.stderr)
        sys.exit(2)
    create_server(dirs).run()


if __name__ == "__main__":
    main()
