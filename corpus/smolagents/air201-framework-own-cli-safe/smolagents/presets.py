# A library module of the framework: a preset the caller fills in. Its construction is a
# template (the caller chooses the tools, the model and what the agent reads), not an agent
# this package runs.
from .agents import CodeAgent


def coding_agent(tools, model):
    return CodeAgent(tools=tools, model=model)
