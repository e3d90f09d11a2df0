# case: The same crew, with a @before_tool_call hook on the crew class that asks a person before every send_email call and returns False (blocking the call) unless they approve.
from crewai import Agent, Crew, Process, Task
from crewai.agents.agent_builder.base_agent import BaseAgent
from crewai.hooks import ToolCallHookContext, before_tool_call
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
            tools=[ScrapeWebsiteTool()],
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

    @before_tool_call
    def approve_outgoing_email(self, context: ToolCallHookContext) -> bool | None:
        if context.tool_name != "send_email":
            return None
        answer = context.request_human_input(
            prompt=f"Send this email?\n{context.tool_input}",
            default_message="Type yes to send, anything else to cancel:",
        )
        if answer.strip().lower() not in {"y", "yes"}:
            return False  # CrewAI skips the tool call
        return None

    @crew
    def crew(self) -> Crew:
        return Crew(
            agents=self.agents,
            tasks=self.tasks,
            process=Process.sequential,
            verbose=True,
        )
