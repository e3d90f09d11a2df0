import asyncio

from llama_index.core.agent.workflow import CodeActAgent
from llama_index.llms.openai import OpenAI

from executor import NotebookSession

session = NotebookSession()
analyst = CodeActAgent(
    name="analyst",
    llm=OpenAI(model="gpt-4.1"),
    code_execute_fn=session.execute,
    system_prompt="Answer with Python; pandas is installed.",
)

if __name__ == "__main__":
    print(asyncio.run(analyst.run("What is the median order value in orders.csv?")))
