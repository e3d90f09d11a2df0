# case: the same project-inspection server where the model also names the file: a joined name
# (`os.path.join(folder, filename)`), a name with a literal extension (`f"{doc}.md"` reads any
# Markdown file), a glob (`"*.toml"` in any folder), and a fixed name written rather than read
# (a file of that name can be put in any folder).
import glob
import os
from pathlib import Path

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("projects")


@mcp.tool()
def project_file(folder: str, filename: str) -> str:
    """Show one file of a project folder."""
    with open(os.path.join(folder, filename), encoding="utf-8") as f:  # expect: AIR106
        return f.read()


@mcp.tool()
def project_doc(folder: str, doc: str) -> str:
    """Show a Markdown document of a project folder."""
    return (Path(folder) / f"{doc}.md").read_text(encoding="utf-8")  # expect: AIR106


@mcp.tool()
def project_configs(folder: str) -> list[str]:
    """List the TOML files of a project folder."""
    return glob.glob(os.path.join(folder, "*.toml"))  # expect: AIR106


@mcp.tool()
def save_notes(folder: str, text: str) -> str:
    """Save notes next to a project."""
    with open(os.path.join(folder, "NOTES.txt"), "w", encoding="utf-8") as f:  # expect: AIR106
        f.write(text)
    return "saved"
