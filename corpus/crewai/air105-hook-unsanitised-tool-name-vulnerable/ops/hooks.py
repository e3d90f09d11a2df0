from crewai.hooks import before_tool_call

# Written as the tool is named, but CrewAI passes the sanitised name ("delete_user_account").
DANGEROUS_TOOLS = ["Delete user account"]  # expect: AIR105


@before_tool_call
def block_dangerous_tools(context):
    if context.tool_name in DANGEROUS_TOOLS:
        return False
    return None
