# case: A release agent's tag_release tool interpolates the model-written version and title into a shell=True git command, so a title like "x'; curl ... | sh; '" runs arbitrary commands.
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
    subprocess.run(  # expect: AIR106
        f"git tag -a v{version} -m '{title}'",
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
