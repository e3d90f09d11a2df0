# case: the same assistant with `require_approval: "always"`: every call of the GitHub server's
# tools comes back as an approval request a person answers.
from agents import Agent, HostedMCPTool, Runner, WebSearchTool

github = HostedMCPTool(
    tool_config={
        "type": "mcp",
        "server_label": "github",
        "server_url": "https://api.githubcopilot.com/mcp/",
        "require_approval": "always",
    }
)

release_bot = Agent(
    name="Release assistant",
    instructions="Read the upstream changelogs and prepare the dependency bump pull request.",
    tools=[WebSearchTool(), github],
)

if __name__ == "__main__":
    print(Runner.run_sync(release_bot, "Bump our pinned dependencies.").final_output)
