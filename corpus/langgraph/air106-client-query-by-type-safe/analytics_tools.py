# case: Safe twin: the same tool class, but its client is a knowledge engine's, declared `Any` and set up elsewhere (`self.answers_client.query(question)` asks a factual question). A receiver named like a database client (`*_client.query`) is a convention of JavaScript's database drivers, not a SQL sink in Python, whose database clients are known by type.
from typing import Any

from langchain_core.tools import BaseTool


class RunReportTool(BaseTool):
    name: str = "run_report"
    description: str = "Ask the knowledge engine a factual question and return its first answer."
    answers_client: Any = None

    def _run(self, question: str, **kwargs: Any) -> str:
        result = self.answers_client.query(question)
        return next(result.results).text
