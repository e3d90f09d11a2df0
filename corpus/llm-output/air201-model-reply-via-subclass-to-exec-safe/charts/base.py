# case: the same assistant, running the model's chart code in an E2B sandbox, not on the host
from abc import ABC, abstractmethod

from e2b_code_interpreter import Sandbox


class ChartAssistant(ABC):
    @abstractmethod
    def complete(self, prompt: str) -> str:
        """Send the prompt to the configured model and return its text."""

    def chart_code(self, question: str, columns: list[str]) -> str:
        text = self.complete(f"Columns: {columns}. Write plotly code for: {question}")
        return text.replace("```python", "").replace("```", "")

    def render(self, code: str, csv_path: str):
        with Sandbox() as box:
            box.files.write("/home/user/data.csv", open(csv_path, "rb").read())
            return box.run_code("import pandas as pd\ndf = pd.read_csv('/home/user/data.csv')\n" + code)

    def chart(self, question: str, csv_path: str, columns: list[str]):
        code = self.chart_code(question, columns)
        return self.render(code=code, csv_path=csv_path)
