# case: a project-inspection server whose tools take a folder from the model but read only one
# file of a fixed name in it (`os.path.join(folder, "pyproject.toml")`, `Path(folder) /
# "README.md"`, `Path(folder).joinpath("setup.cfg")`): whatever folder is named, nothing but a
# file of that name can be opened.
import os
from pathlib import Path

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("projects")


@mcp.tool()
def project_metadata(folder: str) -> str:
    """Show the pyproject.toml of a project folder."""
    manifest = os.path.join(folder, "pyproject.toml")
    with open(manifest, encoding="utf-8") as f:
        return f.read()


@mcp.tool()
def project_readme(folder: str) -> str:
    """Show the README of a project folder."""
    return (Path(folder) / "README.md").read_text(encoding="utf-8")


@mcp.tool()
def project_setup(folder: str) -> str:
    """Show the setup.cfg of a project folder."""
    return Path(folder).joinpath("setup.cfg").read_text(encoding="utf-8")
