from crewai import Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task

from newsroom.tools.cms import PublishPostTool


@CrewBase
class PublishCrew:
    """Edits a draft and publishes it."""

    agents_config = "settings/agents.yaml"
    tasks_config = "settings/tasks.yaml"

    @agent
    def editor(self) -> Agent:
        return Agent(
            config=self.agents_config["editor"],  # type: ignore[index]
            tools=[PublishPostTool()],
        )

    @task
    def publish_task(self) -> Task:
        return Task(config=self.tasks_config["publish_task"])  # type: ignore[index]

    @crew
    def crew(self) -> Crew:
        return Crew(agents=self.agents, tasks=self.tasks, process=Process.sequential)
