# case: a release assistant searches the web for upstream changelogs and holds GitHub's remote
# MCP server as a hosted tool (`HostedMCPTool`) with `require_approval: "never"`: OpenAI's
# servers call its tools (push, open and merge pull requests) as the model decides, and a web
# page can steer them.
from agents import Agent, HostedMCPTool, Runner, WebSearchTool

github = HostedMCPTool(  # expect: AIR101
    tool_config={
        "type": "mcp",
        "server_label": "github",
        "server_url": "https://api.githubcopilot.com/mcp/",
        "require_approval": "never",
    }
)

release_bot = Agent(
    name="Release assistant",
    instructions="Read the upstream changelogs and prepare the dependency bump pull request.",
    tools=[WebSearchTool(), github],
)

if __name__ == "__main__":
    print(Runner.run_sync(release_bot, "Bump our pinned dependencies.").final_output)
