from google.adk.agents import LlmAgent
from google.adk.tools import FunctionTool

from .callbacks import guard_destructive_tools
from .tools import delete_namespace, fetch_github_issue, list_namespaces, run_kubectl

MODEL = "gemini-2.5-flash"

issue_triage = LlmAgent(
    name="issue_triage",
    model=MODEL,
    description="Reads GitHub issues and summarises what the reporter wants changed in the cluster.",
    instruction="Fetch the issue the user mentions and summarise the requested operational change.",
    tools=[FunctionTool(func=fetch_github_issue)],
    output_key="issue_summary",
)

deployer = LlmAgent(
    name="deployer",
    model=MODEL,
    description="Performs rollouts, restarts and scaling with kubectl.",
    instruction=(
        "Carry out the change described in {issue_summary?} using run_kubectl. "
        "Report the command output back to the user."
    ),
    tools=[FunctionTool(func=run_kubectl)],
)

env_cleanup = LlmAgent(
    name="env_cleanup",
    model=MODEL,
    description="Tears down preview environments that are no longer needed.",
    instruction="List namespaces and delete preview environments the user asks to remove.",
    tools=[FunctionTool(func=list_namespaces), FunctionTool(func=delete_namespace)],
    before_tool_callback=guard_destructive_tools,
)

root_agent = LlmAgent(
    name="devops_assistant",
    model=MODEL,
    instruction=(
        "You coordinate platform work. Send issue links to issue_triage, cluster changes to "
        "deployer and preview cleanup to env_cleanup."
    ),
    sub_agents=[issue_triage, deployer, env_cleanup],
)
