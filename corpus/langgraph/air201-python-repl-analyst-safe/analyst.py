# case: Same analyst agent, but PythonREPLTool is replaced by an arithmetic-only calculator that walks the ast with an operator allow-list, so no model-written code is executed.
import ast
import math
import operator

from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent

_BINARY = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}
_FUNCS = {"log": math.log, "exp": math.exp, "sqrt": math.sqrt}


def _evaluate(node: ast.AST) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_evaluate(node.operand)
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        return _BINARY[type(node.op)](_evaluate(node.left), _evaluate(node.right))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FUNCS:
        return _FUNCS[node.func.id](*(_evaluate(a) for a in node.args))
    raise ValueError("only numbers, + - * / **, log, exp and sqrt are allowed")


@tool
def calculate(expression: str) -> float:
    """Evaluate an arithmetic expression such as 350000 * 0.0034 / (1 - (1 + 0.0034) ** -300)."""
    return _evaluate(ast.parse(expression, mode="eval").body)


analyst = create_react_agent(
    ChatOpenAI(model="gpt-4.1", temperature=0),
    [calculate],
    prompt=(
        "You are a finance analyst. Use the calculator for every calculation: loan amortisation, "
        "compound growth, NPV and IRR. Show the final numbers in a short table."
    ),
)

if __name__ == "__main__":
    question = "What is the monthly payment on a 350,000 USD mortgage over 25 years at 4.1% APR?"
    print(analyst.invoke({"messages": [("user", question)]})["messages"][-1].content)
