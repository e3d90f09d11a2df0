import argparse
import asyncio

from autogen_agentchat.ui import Console

from incident_team.factory import build_ci_team, build_incident_team, build_scratch_team, make_client


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["incident", "scratch", "ci"])
    parser.add_argument("task")
    args = parser.parse_args()

    client = make_client()
    if args.mode == "incident":
        team = build_incident_team(client)
    elif args.mode == "scratch":
        team = build_scratch_team(client)
    else:
        team = build_ci_team(client)

    await Console(team.run_stream(task=args.task))
    await client.close()


if __name__ == "__main__":
    asyncio.run(main())
