# case: One agent holds web search and crewai_tools' FileWriterTool; search results can make it write any file the process can reach.
from crewai import Agent, Crew, Task
from crewai_tools import FileWriterTool, SerperDevTool

analyst = Agent(
    role="Market Analyst",
    goal="Write a daily market briefing to the shared drive",
    backstory="You follow the markets and keep the team's briefing folder current.",
    tools=[
        SerperDevTool(),  # path: AIR101
        FileWriterTool(),  # expect: AIR101
    ],
)

briefing = Task(
    description="Search today's market news and save a briefing as briefings/today.md.",
    expected_output="The path of the saved briefing.",
    agent=analyst,
)

crew = Crew(agents=[analyst], tasks=[briefing])

if __name__ == "__main__":
    crew.kickoff()
