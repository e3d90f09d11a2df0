# case: the same answerer, with the reply checked against an allow-list of arithmetic nodes
import ast

from langchain.chains import LLMChain
from langchain.prompts import PromptTemplate

PROMPT = PromptTemplate.from_template(
    "Write one Python expression that computes the answer to: {question}\n"
    "Reply with a ```python block."
)

ARITHMETIC = {ast.Expression, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.USub}


def only_arithmetic(code: str) -> str:
    """Raise unless `code` is a single arithmetic expression."""
    for node in ast.walk(ast.parse(code, mode="eval")):
        if type(node) not in ARITHMETIC:
            raise ValueError(f"not arithmetic: {type(node).__name__}")
    return code


class MathAnswerer:
    def __init__(self, llm):
        self.llm_chain = LLMChain(llm=llm, prompt=PROMPT)

    def answer(self, question: str) -> str:
        reply = self.llm_chain.predict(question=question)
        return self._evaluate(reply)

    def _evaluate(self, reply: str) -> str:
        code = reply.strip()
        if code.startswith("```python"):
            code = code[len("```python") : -3]
        checked = only_arithmetic(code)
        scope: dict = {}
        exec(f"result = {checked}", scope)
        return str(scope["result"])
