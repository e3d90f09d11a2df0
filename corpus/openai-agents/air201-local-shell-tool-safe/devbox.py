# case: the same agent with the hosted shell: `environment={"type": "container_auto"}` runs the
# commands in an OpenAI-hosted container, not on the host.
from agents import Agent, Runner, ShellTool

shell = ShellTool(environment={"type": "container_auto"})

devbox = Agent(
    name="Dev box",
    instructions="Set up the project and run its tests.",
    tools=[shell],
)

if __name__ == "__main__":
    print(Runner.run_sync(devbox, "Run the test suite.").final_output)
