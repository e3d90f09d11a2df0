from crewai import Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task, tool
from crewai_tools import ScrapeWebsiteTool, SerperDevTool


@CrewBase
class ResearchCrew:
    """Collects sources on a topic and writes a draft."""

    @tool
    def search_tool(self):
        return SerperDevTool()

    @tool
    def scrape_tool(self):
        return ScrapeWebsiteTool()

    @agent
    def reporter(self) -> Agent:
        return Agent(config=self.agents_config["reporter"])  # type: ignore[index]

    @task
    def draft_task(self) -> Task:
        return Task(config=self.tasks_config["draft_task"])  # type: ignore[index]

    @crew
    def crew(self) -> Crew:
        return Crew(agents=self.agents, tasks=self.tasks, process=Process.sequential)
