from crewai import Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task
from crewai_tools import ScrapeWebsiteTool

from content_crew.tools import DocPageWriterTool


@CrewBase
class DocsCrew:
    """Keeps integration guides in sync with upstream releases."""

    @agent
    def docs_reader(self) -> Agent:
        return Agent(config=self.agents_config["docs_reader"], tools=[ScrapeWebsiteTool()])

    @agent
    def docs_writer(self) -> Agent:
        return Agent(config=self.agents_config["docs_writer"], tools=[DocPageWriterTool()])

    @task
    def changelog_task(self) -> Task:
        return Task(config=self.tasks_config["changelog_task"])

    @task
    def update_docs_task(self) -> Task:
        return Task(config=self.tasks_config["update_docs_task"])

    @crew
    def crew(self) -> Crew:
        return Crew(agents=self.agents, tasks=self.tasks, process=Process.sequential)
