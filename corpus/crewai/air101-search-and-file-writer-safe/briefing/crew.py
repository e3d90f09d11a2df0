# case: The same agent, with a module-level @before_tool_call hook filtered to the file writer (CrewAI sanitises the filter name) that asks a person and blocks the write unless approved.
from crewai import Agent, Crew, Task
from crewai.hooks import ToolCallHookContext, before_tool_call
from crewai_tools import FileWriterTool, SerperDevTool


@before_tool_call(tools=["File Writer Tool"])
def confirm_file_writes(context: ToolCallHookContext) -> bool | None:
    answer = context.request_human_input(prompt=f"Write {context.tool_input}?")
    if answer.strip().lower() != "yes":
        return False
    return None


analyst = Agent(
    role="Market Analyst",
    goal="Write a daily market briefing to the shared drive",
    backstory="You follow the markets and keep the team's briefing folder current.",
    tools=[
        SerperDevTool(),
        FileWriterTool(),
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
