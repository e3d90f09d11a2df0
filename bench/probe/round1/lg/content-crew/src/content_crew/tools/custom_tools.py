"""Custom tools for the writing crews."""
import os
import subprocess
from pathlib import Path
from typing import Type

from crewai.tools import BaseTool, tool
from pydantic import BaseModel, Field

SITE_ROOT = os.getenv("SITE_ROOT", "./site")


class PublishArgs(BaseModel):
    filename: str = Field(..., description="File name for the post, e.g. 'ai-chips-2025.md'")
    content: str = Field(..., description="Full markdown body including front matter")


class PublishMarkdownTool(BaseTool):
    name: str = "publish_markdown"
    description: str = "Write a finished markdown post into the site's content/posts folder."
    args_schema: Type[BaseModel] = PublishArgs
    posts_dir: str = os.path.join(SITE_ROOT, "content", "posts")

    def _run(self, filename: str, content: str) -> str:
        os.makedirs(self.posts_dir, exist_ok=True)
        target = os.path.join(self.posts_dir, filename)
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(content)
        return f"wrote {target}"


@tool("format_markdown")
def format_markdown(path: str) -> str:
    """Run prettier over a markdown file so it matches the site's style guide."""
    result = subprocess.run(f"npx prettier --write {path}", shell=True, capture_output=True, text=True)
    return result.stdout or result.stderr


class DocPageArgs(BaseModel):
    slug: str = Field(..., description="lowercase slug, letters, digits and dashes only")
    content: str


class DocPageWriterTool(BaseTool):
    name: str = "write_doc_page"
    description: str = "Save a documentation page under docs/. Only .md pages inside docs/ are allowed."
    args_schema: Type[BaseModel] = DocPageArgs
    docs_root: Path = Path(SITE_ROOT, "docs").resolve()

    def _run(self, slug: str, content: str) -> str:
        target = (self.docs_root / f"{slug}.md").resolve()
        if not target.is_relative_to(self.docs_root) or target.suffix != ".md":
            return f"refused: {slug!r} resolves outside docs/"
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(content)
        return f"saved docs/{target.relative_to(self.docs_root)}"
