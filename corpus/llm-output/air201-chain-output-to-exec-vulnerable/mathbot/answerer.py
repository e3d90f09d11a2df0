# case: a library class asks an LLMChain for Python and runs the reply in a plain method
from langchain.chains import LLMChain
from langchain.prompts import PromptTemplate

PROMPT = PromptTemplate.from_template(
    "Write one Python expression that computes the answer to: {question}\n"
    "Reply with a ```python block."
)


class MathAnswerer:
    def __init__(self, llm):
        self.llm_chain = LLMChain(llm=llm, prompt=PROMPT)

    def answer(self, question: str) -> str:
        reply = self.llm_chain.predict(question=question)  # path: AIR201
        return self._evaluate(reply)

    def _evaluate(self, reply: str) -> str:
        code = reply.strip()
        if code.startswith("```python"):
            code = code[len("```python") : -3]
        scope: dict = {}
        exec(f"result = {code}", scope)  # expect: AIR201
        return str(scope["result"])
