# case: a CrewAI report writer that scrapes competitor pages and holds the reference filesystem
# server's tools through `MCPServerAdapter` (crewai_tools): a scraped page can make it write or
# delete files in the reports folder, and the agent holds private files, untrusted pages and a
# way to write them out together (AIR103).
from crewai import Agent, Crew, Task
from crewai_tools import MCPServerAdapter, ScrapeWebsiteTool
from mcp import StdioServerParameters

params = StdioServerParameters(
    command="npx",
    args=["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "/srv/reports"],
)

with MCPServerAdapter(params) as mcp_tools:  # expect: AIR101
    writer = Agent(  # expect: AIR103
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
