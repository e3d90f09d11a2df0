# case: a build-cache MCP server cleans the build folders of registered projects. The model names
# projects; `pick` returns the registry entries whose name matches (the registry's own paths)
# and, apart, the names that matched nothing, which the tool only echoes. Neither the match test
# in the comprehension nor the unmatched names reach the deletion.
import shutil

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("build-cache")
PROJECTS = [
    {"name": "billing", "path": "/srv/projects/billing"},
    {"name": "storefront", "path": "/srv/projects/storefront"},
]


def pick(entries: list[dict], names: list[str]):
    wanted: set[int] = set()
    unknown: list[str] = []
    for name in names:
        hits = [i for i, entry in enumerate(entries) if entry["name"] == name]
        if not hits:
            unknown.append(name)
        wanted.update(hits)
    chosen = [entry for i, entry in enumerate(entries) if i in wanted]
    return chosen, unknown


@mcp.tool()
def clean_builds(names: list[str]) -> str:  # expect: AIR306
    """Delete the build folders of the named projects."""
    chosen, unknown = pick(PROJECTS, names)
    for entry in chosen:
        shutil.rmtree(f"{entry['path']}/build", ignore_errors=True)
    return f"cleaned {len(chosen)} projects; unknown: {', '.join(unknown)}"
