# case: The same analyst in code_execution_mode "safe": the interpreter runs in a Docker container.
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
