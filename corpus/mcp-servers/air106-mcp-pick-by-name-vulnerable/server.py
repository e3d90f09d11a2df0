# case: the same build-cache server, but names that match no registered project are taken as
# folder names under the projects root and cleaned too: the unmatched element of `pick`'s result
# is the model's text, and `../` in it leaves the root.
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
    for name in unknown:
        shutil.rmtree(f"/srv/projects/{name}/build", ignore_errors=True)  # expect: AIR106
    return f"cleaned {len(chosen) + len(unknown)} projects"
