# case: the report writer with a `@before_tool_call` hook that asks a person before any tool
# call other than the scraper and blocks it unless approved: the filesystem server's tools run
# only with a human's yes.
from crewai import Agent, Crew, Task
from crewai.hooks import ToolCallHookContext, before_tool_call
from crewai_tools import MCPServerAdapter, ScrapeWebsiteTool
from mcp import StdioServerParameters

params = StdioServerParameters(
    command="npx",
    args=["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "/srv/reports"],
)


@before_tool_call
def files_need_a_human(context: ToolCallHookContext) -> bool | None:
    answer = context.request_human_input(prompt=f"Allow {context.tool_name}({context.tool_input})?")
    return answer.strip().lower() == "yes"


with MCPServerAdapter(params) as mcp_tools:
    writer = Agent(
        role="Report writer",
        goal="Summarise competitor pages into the reports folder",
        backstory="You write short, factual reports.",
        tools=[ScrapeWebsiteTool(), *mcp_tools],
    )
    task = Task(
        description="Summarise https://competitor.example.com/pricing into reports/pricing.md",
        expected_output="The path of the written report",
        agent=writer,
    )
    Crew(agents=[writer], tasks=[task]).kickoff()
