import argparse

from market_watch.agent_factory import build_analyst, build_hosted_analyst

TASK = """Check the current list prices of {competitors} for the plans comparable to ours.
Archive each pricing page, put the prices in a dataframe, save it as data/prices_{week}.csv and
compress it. Summarise the changes since last week."""


def main() -> None:
    parser = argparse.ArgumentParser(description="weekly competitor price check")
    parser.add_argument("competitors", nargs="+")
    parser.add_argument("--week", required=True)
    parser.add_argument("--hosted", action="store_true")
    args = parser.parse_args()

    agent = build_hosted_analyst() if args.hosted else build_analyst()
    print(agent.run(TASK.format(competitors=", ".join(args.competitors), week=args.week)))


if __name__ == "__main__":
    main()
