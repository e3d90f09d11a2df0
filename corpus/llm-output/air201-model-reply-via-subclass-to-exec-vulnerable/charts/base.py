# case: an abstract base asks its subclass's model for chart code and runs it with exec
from abc import ABC, abstractmethod


class ChartAssistant(ABC):
    @abstractmethod
    def complete(self, prompt: str) -> str:
        """Send the prompt to the configured model and return its text."""

    def chart_code(self, question: str, columns: list[str]) -> str:
        text = self.complete(f"Columns: {columns}. Write plotly code for: {question}")  # path: AIR201
        return text.replace("```python", "").replace("```", "")

    def render(self, code: str, frame):
        names = {"df": frame}
        exec(code, names)  # expect: AIR201
        return names.get("fig")

    def chart(self, question: str, frame):
        code = self.chart_code(question, list(frame.columns))
        return self.render(code=code, frame=frame)
