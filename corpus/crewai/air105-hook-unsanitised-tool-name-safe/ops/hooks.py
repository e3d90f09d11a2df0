from crewai.hooks import before_tool_call

# The sanitised names CrewAI passes in context.tool_name.
DANGEROUS_TOOLS = ["delete_user_account"]


@before_tool_call
def block_dangerous_tools(context):
    if context.tool_name in DANGEROUS_TOOLS:
        return False
    return None
