"""Scores inbound leads from a company's public web presence."""
from crewai import Agent, Crew, Process, Task
from crewai_tools import ScrapeWebsiteTool, SerperDevTool

scout = Agent(
    role="Lead Scout",
    goal="Collect what {company} does and how large it is from its website and the news",
    backstory="A researcher who reads company websites all day.",
    tools=[SerperDevTool(), ScrapeWebsiteTool()],
)

analyst = Agent(  # expect: AIR102, AIR201
    role="Lead Analyst",
    goal="Score {company} from 0 to 100 using the scout's notes",
    backstory="Writes short Python to crunch the numbers the scout found.",
    allow_code_execution=True,
    code_execution_mode="unsafe",
)

research = Task(description="Research {company}.", expected_output="Notes", agent=scout)
score = Task(description="Score {company} from the notes.", expected_output="A score", agent=analyst)

crew = Crew(agents=[scout, analyst], tasks=[research, score], process=Process.sequential)

if __name__ == "__main__":
    print(crew.kickoff(inputs={"company": input("Company: ")}))
