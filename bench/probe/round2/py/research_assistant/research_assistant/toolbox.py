"""Tool registry. Each entry is a factory taking Settings and returning a LangChain tool.

Agents pick tools by name in config/agents.yaml.
"""
from __future__ import annotations

import shlex
import subprocess
from functools import partial
from pathlib import Path
from typing import Callable

import requests
from bs4 import BeautifulSoup
from langchain_community.tools import DuckDuckGoSearchResults
from langchain_core.tools import BaseTool, StructuredTool
from langchain_experimental.tools import PythonREPLTool
from pydantic import BaseModel, Field

from .settings import Settings

ToolFactory = Callable[[Settings], BaseTool]
REGISTRY: dict[str, ToolFactory] = {}

USER_AGENT = "Mozilla/5.0 (compatible; research-assistant/0.3)"
SAFE_BINARIES = frozenset({"df", "du", "free", "uptime", "journalctl"})


def provides(name: str) -> Callable[[ToolFactory], ToolFactory]:
    def register(factory: ToolFactory) -> ToolFactory:
        if name in REGISTRY:
            raise RuntimeError(f"duplicate tool name {name!r}")
        REGISTRY[name] = factory
        return factory
    return register


# --- argument schemas -------------------------------------------------------

class UrlArgs(BaseModel):
    url: str = Field(description="Absolute http(s) URL")


class ReportArgs(BaseModel):
    filename: str = Field(description="File name, e.g. 'solar-market-2025.md'")
    content: str = Field(description="Markdown body of the report")


class ReportName(BaseModel):
    filename: str


class CommandArgs(BaseModel):
    command: str = Field(description="Command line, e.g. 'df -h' or 'journalctl -u nginx -n 50'")


class NoArgs(BaseModel):
    pass


# --- implementations --------------------------------------------------------

def _fetch_page(url: str, timeout: float, max_chars: int = 20_000) -> str:
    resp = requests.get(url, timeout=timeout, headers={"User-Agent": USER_AGENT})
    resp.raise_for_status()
    text = BeautifulSoup(resp.text, "html.parser").get_text(" ", strip=True)
    return text[:max_chars]


def _inside(base: Path, filename: str) -> Path:
    target = (base / filename).resolve()
    if base.resolve() not in target.parents:
        raise ValueError(f"{filename!r} is not inside {base}")
    return target


def _write_report(base: Path, filename: str, content: str) -> str:
    target = base / filename
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    return f"saved {target.name} ({len(content)} chars)"


def _read_report(base: Path, filename: str) -> str:
    return _inside(base, filename).read_text(encoding="utf-8")


def _list_reports(base: Path) -> list[str]:
    return sorted(p.name for p in base.glob("*.md"))


def _delete_report(base: Path, filename: str) -> str:
    _inside(base, filename).unlink()
    return f"deleted {filename}"


def _tail_logs(logs_dir: Path, lines: int = 200) -> str:
    newest = max(logs_dir.glob("*.log"), key=lambda p: p.stat().st_mtime)
    return "\n".join(newest.read_text(errors="replace").splitlines()[-lines:])


def _run_command(command: str, timeout: float) -> str:
    argv = shlex.split(command)
    if not argv or argv[0] not in SAFE_BINARIES:
        raise ValueError(f"only {sorted(SAFE_BINARIES)} may be run")
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)
    return (proc.stdout + proc.stderr)[-6000:]


# --- registry ---------------------------------------------------------------

@provides("web_search")
def _web_search(settings: Settings) -> BaseTool:
    return DuckDuckGoSearchResults(num_results=8)


@provides("web_fetch")
def _web_fetch(settings: Settings) -> BaseTool:
    return StructuredTool.from_function(
        func=partial(_fetch_page, timeout=settings.http_timeout),
        name="web_fetch",
        description="Download a web page and return its visible text.",
        args_schema=UrlArgs,
    )


@provides("python")
def _python(settings: Settings) -> BaseTool:
    return PythonREPLTool(description="A Python shell for quick calculations. Print the values you need.")


_REPORT_TOOLS = {
    "save_report": (_write_report, ReportArgs, "Save a markdown report in the reports folder."),
    "read_report": (_read_report, ReportName, "Read a saved report."),
    "list_reports": (_list_reports, NoArgs, "List saved report file names."),
    "delete_report": (_delete_report, ReportName, "Delete a saved report."),
}


def _report_factory(name: str) -> ToolFactory:
    impl, schema, description = _REPORT_TOOLS[name]

    def factory(settings: Settings) -> BaseTool:
        return StructuredTool.from_function(
            func=partial(impl, settings.reports_dir),
            name=name,
            description=description,
            args_schema=schema,
        )
    return factory


for _name in _REPORT_TOOLS:
    provides(_name)(_report_factory(_name))


@provides("read_logs")
def _read_logs(settings: Settings) -> BaseTool:
    return StructuredTool.from_function(
        func=partial(_tail_logs, settings.logs_dir),
        name="read_logs",
        description="Show the tail of the newest service log.",
        args_schema=NoArgs,
    )


@provides("run_command")
def _run_command_tool(settings: Settings) -> BaseTool:
    return StructuredTool.from_function(
        func=partial(_run_command, timeout=30),
        name="run_command",
        description="Run a read-only diagnostic command (df, du, free, uptime, journalctl).",
        args_schema=CommandArgs,
    )
