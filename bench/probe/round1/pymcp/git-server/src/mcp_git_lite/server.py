import logging
from enum import Enum
from pathlib import Path

from mcp.server import Server
from mcp.server.stdio import stdio_server
from mcp.types import TextContent, Tool, ToolAnnotations
from pydantic import BaseModel

from . import gitcli

logger = logging.getLogger(__name__)


class RepoArgs(BaseModel):
    repo_path: str


class LogSearchArgs(RepoArgs):
    pattern: str
    max_count: int = 20


class DiffArgs(RepoArgs):
    file_path: str
    context_lines: int = 3


class ShowArgs(RepoArgs):
    revision: str


class ExportPatchArgs(ShowArgs):
    output_file: str


class GitTools(str, Enum):
    STATUS = "git_status"
    LOG_SEARCH = "git_log_search"
    DIFF = "git_diff_file"
    SHOW = "git_show"
    EXPORT_PATCH = "git_export_patch"
    VERSION = "git_version"


READ_ONLY = ToolAnnotations(readOnlyHint=True, openWorldHint=False)


async def serve(repository: Path | None) -> None:
    server = Server("mcp-git-lite")

    def _repo(arguments: dict) -> str:
        return arguments.get("repo_path") or str(repository)

    @server.list_tools()
    async def list_tools() -> list[Tool]:
        return [
            Tool(name=GitTools.STATUS, description="Show the working tree status",
                 inputSchema=RepoArgs.model_json_schema(), annotations=READ_ONLY),
            Tool(name=GitTools.LOG_SEARCH, description="Search commit messages",
                 inputSchema=LogSearchArgs.model_json_schema(), annotations=READ_ONLY),
            Tool(name=GitTools.DIFF, description="Diff one file against HEAD",
                 inputSchema=DiffArgs.model_json_schema(), annotations=READ_ONLY),
            Tool(name=GitTools.SHOW, description="Show a commit",
                 inputSchema=ShowArgs.model_json_schema(), annotations=READ_ONLY),
            Tool(name=GitTools.EXPORT_PATCH, description="Write a commit as a patch file",
                 inputSchema=ExportPatchArgs.model_json_schema(),
                 annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=True)),
            Tool(name=GitTools.VERSION, description="Report the installed git version",
                 inputSchema={"type": "object", "properties": {}}, annotations=READ_ONLY),
        ]

    @server.call_tool()
    async def call_tool(name: str, arguments: dict) -> list[TextContent]:
        repo_path = _repo(arguments)
        match name:
            case GitTools.STATUS:
                text = gitcli.RepoInspector(repo_path).status()
            case GitTools.LOG_SEARCH:
                text = gitcli.search_log(repo_path, arguments["pattern"],
                                         arguments.get("max_count", 20))
            case GitTools.DIFF:
                text = gitcli.diff_path(repo_path, arguments["file_path"],
                                        arguments.get("context_lines", 3))
            case GitTools.SHOW:
                text = gitcli.RepoInspector(repo_path).show(arguments["revision"])
            case GitTools.EXPORT_PATCH:
                inspector = gitcli.RepoInspector(repo_path)
                text = inspector.export_patch(arguments["revision"], arguments["output_file"])
            case GitTools.VERSION:
                text = gitcli.git_version()
            case _:
                raise ValueError(f"Unknown tool: {name}")
        return [TextContent(type="text", text=text)]

    options = server.create_initialization_options()
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, options, raise_exceptions=True)
