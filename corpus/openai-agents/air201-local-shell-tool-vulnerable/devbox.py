# case: a dev-box agent with the SDK's `ShellTool` in its default local mode: the project's
# executor runs whatever command the model writes on the host (AIR201).
import asyncio

from agents import Agent, Runner, ShellTool


async def run_locally(request) -> str:
    proc = await asyncio.create_subprocess_shell(
        " && ".join(request.data.action.commands),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await proc.communicate()
    return out.decode()


shell = ShellTool(executor=run_locally)  # expect: AIR201

devbox = Agent(
    name="Dev box",
    instructions="Set up the project and run its tests.",
    tools=[shell],
)

if __name__ == "__main__":
    print(Runner.run_sync(devbox, "Run the test suite.").final_output)
