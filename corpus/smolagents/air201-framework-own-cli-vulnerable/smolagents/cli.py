# case: AIR201 — the framework analysed as a project: the console script it ships builds its own
# `CodeAgent` (a class of this package, read as the framework's because this module is a
# program) on the default local executor, and runs the prompt typed on the command line.
import argparse

from smolagents import CodeAgent


def main():
    parser = argparse.ArgumentParser(description="Run a coding agent on a task")
    parser.add_argument("prompt")
    args = parser.parse_args()
    agent = CodeAgent(tools=[], model=print)  # expect: AIR201
    agent.run(args.prompt)


if __name__ == "__main__":
    main()
