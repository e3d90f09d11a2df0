# case: A YAML-defined crew: the researcher scrapes company websites, and the operator's outreach task takes the research task's output as context and sends email with a custom BaseTool, so a web page can make the operator mail anyone anything.
from crewai import Agent, Crew, Process, Task
from crewai.agents.agent_builder.base_agent import BaseAgent
from crewai.project import CrewBase, agent, crew, task
from crewai_tools import ScrapeWebsiteTool

from outreach.tools import SendEmailTool


@CrewBase
class OutreachCrew:
    """Researches a company and sends a first outreach email."""

    agents: list[BaseAgent]
    tasks: list[Task]

    @agent
    def researcher(self) -> Agent:
        return Agent(
            config=self.agents_config["researcher"],  # type: ignore[index]
            tools=[ScrapeWebsiteTool()],  # path: AIR102
            verbose=True,
        )

    @agent
    def operator(self) -> Agent:
        return Agent(
            config=self.agents_config["operator"],  # type: ignore[index]
            tools=[SendEmailTool()],
            verbose=True,
        )

    @task
    def research_task(self) -> Task:
        return Task(config=self.tasks_config["research_task"])  # type: ignore[index]

    @task
    def outreach_task(self) -> Task:
        return Task(config=self.tasks_config["outreach_task"])  # type: ignore[index]

    @crew
    def crew(self) -> Crew:
        return Crew(
            agents=self.agents,
            tasks=self.tasks,
            process=Process.sequential,
            verbose=True,
        )
