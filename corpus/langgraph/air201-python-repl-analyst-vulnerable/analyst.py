# case: A finance analyst agent is given PythonREPLTool, which exec()s model-written Python in the server process with full host access.
from langchain_experimental.tools import PythonREPLTool
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent

tools = [PythonREPLTool()]  # expect: AIR201

analyst = create_react_agent(
    ChatOpenAI(model="gpt-4.1", temperature=0),
    tools,
    prompt=(
        "You are a finance analyst. Use Python for every calculation: loan amortisation, "
        "compound growth, NPV and IRR. Show the final numbers in a short table."
    ),
)


def monthly_payment_demo() -> str:
    question = "What is the monthly payment on a 350,000 USD mortgage over 25 years at 4.1% APR?"
    return analyst.invoke({"messages": [("user", question)]})["messages"][-1].content


if __name__ == "__main__":
    print(monthly_payment_demo())
