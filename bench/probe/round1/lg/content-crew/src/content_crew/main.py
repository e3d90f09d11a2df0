#!/usr/bin/env python
import sys
from datetime import date

from content_crew import hooks  # noqa: F401  (registers before_tool_call hooks)
from content_crew.crews.blog_crew.blog_crew import BlogCrew
from content_crew.crews.docs_crew.docs_crew import DocsCrew


def run_blog(topic: str = "AI agents") -> None:
    slug = f"{topic.lower().replace(' ', '-')}-{date.today():%Y-%W}"
    BlogCrew().crew().kickoff(inputs={"topic": topic, "slug": slug})


def run_docs(library: str, version: str, changelog_url: str) -> None:
    DocsCrew().crew().kickoff(inputs={"library": library, "version": version, "changelog_url": changelog_url})


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "docs":
        run_docs(*sys.argv[2:5])
    else:
        run_blog(" ".join(sys.argv[1:]) or "AI agents")
