# case: A quant agent gets crewai_tools' CodeInterpreterTool with unsafe_mode=True, which runs model-written Python on the host instead of in Docker.
from crewai import Agent, Crew, Task
from crewai_tools import CodeInterpreterTool

quant = Agent(
    role="Quant Developer",
    goal="Prototype trading signals in Python",
    backstory="You test ideas quickly with code.",
    tools=[CodeInterpreterTool(unsafe_mode=True)],  # expect: AIR201
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
