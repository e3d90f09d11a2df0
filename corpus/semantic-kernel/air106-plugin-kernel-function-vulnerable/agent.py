from semantic_kernel.agents import ChatCompletionAgent
from semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion

from plugins import ReportsPlugin

reporter = ChatCompletionAgent(
    service=OpenAIChatCompletion(ai_model_id="gpt-4o"),
    name="reporter",
    instructions="Prepare the reports the user asks for.",
    plugins=[ReportsPlugin("/srv/reports")],
)
