# case: A YAML-configured data analyst with allow_code_execution and code_execution_mode "unsafe": CrewAI (before 1.15) runs its code interpreter directly on the host, not in Docker.
from crewai import Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task


@CrewBase
class AnalyticsCrew:
    @agent
    def data_analyst(self) -> Agent:
        return Agent(config=self.agents_config["data_analyst"])  # type: ignore[index]

    @task
    def analysis_task(self) -> Task:
        return Task(config=self.tasks_config["analysis_task"])  # type: ignore[index]

    @crew
    def crew(self) -> Crew:
        return Crew(agents=self.agents, tasks=self.tasks, process=Process.sequential)
