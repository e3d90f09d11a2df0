# case: The same agent runs its code in an E2B cloud sandbox instead (E2BPythonTool).
from crewai import Agent, Crew, Task
from crewai_tools import E2BPythonTool

quant = Agent(
    role="Quant Developer",
    goal="Prototype trading signals in Python",
    backstory="You test ideas quickly with code.",
    tools=[E2BPythonTool()],
)

crew = Crew(
    agents=[quant],
    tasks=[
        Task(
            description="Compute a 20-day moving-average crossover signal for the sample prices.",
            expected_output="The signal series.",
            agent=quant,
        )
    ],
)
