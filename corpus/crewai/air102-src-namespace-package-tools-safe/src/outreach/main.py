#!/usr/bin/env python
from outreach.crew import OutreachCrew


def run():
    OutreachCrew().crew().kickoff(inputs={"company": "Acme Robotics"})


if __name__ == "__main__":
    run()
