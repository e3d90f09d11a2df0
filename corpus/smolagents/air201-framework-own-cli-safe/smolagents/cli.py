# case: AIR201 (safe) — the same console script runs its agent's code in a Docker executor.
import argparse

from smolagents import CodeAgent


def main():
    parser = argparse.ArgumentParser(description="Run a coding agent on a task")
    parser.add_argument("prompt")
    args = parser.parse_args()
    agent = CodeAgent(tools=[], model=print, executor_type="docker")
    agent.run(args.prompt)


if __name__ == "__main__":
    main()
