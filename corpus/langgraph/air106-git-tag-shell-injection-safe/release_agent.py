# case: Same release agent, but tag_release passes the tag name and the title through shlex.quote before building the shell command; the tag name starts with "v" and the title is the value of -m, so neither can become an option.
import shlex
import subprocess

from langchain.agents import create_agent
from langchain.tools import tool

REPO_DIR = "/srv/build/checkout"

CHANGELOG = """\
- Invoices can be exported as CSV
- Fixed the timezone of scheduled reports
- Upgraded the PDF renderer
"""


@tool
def tag_release(version: str, title: str) -> str:
    """Create an annotated git tag v<version> whose message is the release title."""
    tag = shlex.quote(f"v{version}")
    message = shlex.quote(title)
    subprocess.run(
        f"git tag -a {tag} -m {message}",
        shell=True,
        cwd=REPO_DIR,
        check=True,
    )
    return f"tagged v{version}"


release_agent = create_agent(
    "openai:gpt-4.1-mini",
    tools=[tag_release],
    system_prompt="You cut releases: pick a one-line title that summarises the changelog, then tag.",
)

if __name__ == "__main__":
    prompt = f"Tag release 2.4.0. Changelog:\n{CHANGELOG}"
    print(release_agent.invoke({"messages": [("user", prompt)]})["messages"][-1].content)
