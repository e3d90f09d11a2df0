# case: a report writer that searches customer uploads (`FileSearchTool`: retrieved documents
# are untrusted) and publishes or archives reports in a shared folder. Its tools come from
# another module through aliases (`function_tool as ft`, `agents.decorators.tool`), a call
# `ft(fn)`, list arithmetic and `[*a]`; the agent is built with a module alias and cloned with
# the tools (`agent.clone(tools=...)`). Both acting tools carry `needs_approval=True`.
import agents as oa

from reports.tools import ALL_TOOLS

base = oa.Agent(name="Writer", instructions="Write the weekly customer report.")
writer = base.clone(name="Report writer", tools=ALL_TOOLS)
